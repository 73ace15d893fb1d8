package nl.llomonitor.observation;

/**
 * Where figures come from, for attribution.
 *
 * @param table table or dataset id
 * @param publisher CBS or Eurostat
 * @param licence re-use licence
 * @param url where the table is published
 */
public record Source(String table, String publisher, String licence, String url) {

	/**
	 * @param table a source table id such as 85268NED or trng_lfse_04
	 * @return its attribution
	 */
	public static Source of(String table) {
		if (table.contains("_") && table.equals(table.toLowerCase(java.util.Locale.ROOT))) {
			return new Source(table, "Eurostat", "Eurostat re-use policy (free re-use with acknowledgement)",
					"https://ec.europa.eu/eurostat/databrowser/view/" + table + "/default/table");
		}
		return new Source(table, "CBS", "CC BY 4.0", "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/" + table);
	}

}
