package nl.llomonitor.observation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.llomonitor.api.Lang;

/**
 * Where figures come from, for attribution.
 *
 * @param table table or dataset id
 * @param publisher CBS or Eurostat
 * @param licence re-use licence
 * @param url where the table is published
 * @param incomplete why a vintage shown from this table was imported from a source that
 * was probably cut off ({@code import_run.incomplete_reason}), or null
 */
public record Source(String table, String publisher, String licence, String url, String incomplete) {

	/**
	 * A source of complete imports.
	 */
	public Source(String table, String publisher, String licence, String url) {
		this(table, publisher, licence, url, null);
	}

	/**
	 * @param incomplete why an import of it was incomplete, or null
	 * @return this source, marked incomplete when {@code incomplete} is not null
	 */
	public Source incomplete(String incomplete) {
		return (incomplete == null) ? this : new Source(this.table, this.publisher, this.licence, this.url, incomplete);
	}

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

	/**
	 * The attribution lines of a download (CSV comments): one per source table, then the
	 * data version and, for a past view, the date it shows.
	 * @param sources the tables the figures come from
	 * @param lang language of the lines
	 * @param dataVersion the data version, or null
	 * @param asOf the date of an {@code asOf} view, or null
	 * @return the lines
	 */
	public static List<String> attribution(List<Source> sources, Lang lang, Long dataVersion, LocalDate asOf) {
		List<String> lines = new ArrayList<>();
		for (Source source : sources) {
			lines.add(((lang == Lang.EN) ? "Source: " : "Bron: ") + source.publisher() + ", "
					+ ((lang == Lang.EN) ? "table " : "tabel ") + source.table() + " (" + source.licence() + "), "
					+ source.url() + ((source.incomplete() != null)
							? ((lang == Lang.EN) ? " INCOMPLETE: " : " ONVOLLEDIG: ") + source.incomplete() : ""));
		}
		if (sources.isEmpty()) {
			lines.add((lang == Lang.EN) ? "Source: none (no data for this selection)"
					: "Bron: geen (geen gegevens voor deze selectie)");
		}
		lines.add("LLO Monitor" + ((dataVersion != null) ? ", data version " + dataVersion : "")
				+ ((asOf != null) ? ", as known on " + asOf : ""));
		return lines;
	}

}
