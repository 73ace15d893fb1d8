package nl.llomonitor.importer.catalog;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the columns of one source table become indicators and breakdowns
 * ({@code data/mappings/
 *
<table>
 * .yaml}). A new CBS table needs a mapping file, not code.
 *
 * @param table the table id (85268NED)
 * @param title the table title
 * @param publisher publisher (CBS, Eurostat)
 * @param licence re-use licence of the table (CC BY 4.0)
 * @param url where the table is published
 * @param survey the survey behind the figures ({@code EBB}), or null
 * @param bootstrap files under the bootstrap folder to import at startup, oldest vintage
 * first
 * @param regionColumn the column holding region labels or codes (default RegioS), or null
 * when the table has no region dimension
 * @param region the region of every row when the table has no region column (NL01)
 * @param periodColumn the column holding periods (default Perioden)
 * @param regionLevels if set, only rows of regions at these levels are imported (so that
 * one cell has one source table)
 * @param skipRegions region labels whose rows are skipped (e.g. {@code Niet in te delen
 * (AM)})
 * @param measures measure columns (OData keys) and the indicator each becomes
 * @param ignore measure columns that are deliberately not imported
 * @param dimensions other dimension columns: label (or code) of each member to its
 * meaning
 * @param kind {@code observation} (default) or {@code forecast}: a forecast table's
 * values are marked as forecasts and never used as observations (recorded in
 * {@code source_table_kind})
 * @param baseYear the base year of a forecast (the last observed year it starts from)
 * @param textColumns columns of text (codes, names) deliberately not imported, and not
 * checked as numbers
 */
public record TableMapping(String table, String title, String publisher, String licence, String url, String survey,
		List<String> bootstrap, String regionColumn, String region, String periodColumn, List<String> regionLevels,
		List<String> skipRegions, Map<String, Measure> measures, List<String> ignore,
		Map<String, Map<String, Member>> dimensions, String kind, Integer baseYear, List<String> textColumns) {

	/** The member key that stands for every member of a dimension not listed. */
	public static final String OTHERS = "*";

	public TableMapping {
		bootstrap = (bootstrap != null) ? bootstrap : List.of();
		textColumns = (textColumns != null) ? textColumns : List.of();
		kind = (kind != null) ? kind : "observation";
		if (!kind.equals("observation") && !kind.equals("forecast")) {
			throw new IllegalArgumentException(
					"Mapping " + table + ": kind must be 'observation' or 'forecast', not '" + kind + "'");
		}
		regionLevels = (regionLevels != null) ? regionLevels : List.of();
		skipRegions = (skipRegions != null) ? skipRegions : List.of();
		measures = (measures != null) ? measures : Map.of();
		ignore = (ignore != null) ? ignore : List.of();
		dimensions = (dimensions != null) ? dimensions : Map.of();
		periodColumn = (periodColumn != null) ? periodColumn : "Perioden";
		regionColumn = (region != null) ? null : ((regionColumn != null) ? regionColumn : "RegioS");
	}

	/**
	 * A measure column.
	 *
	 * @param indicator the indicator code
	 * @param breakdown breakdown members this column implies
	 * @param part {@code value} (default), {@code low} or {@code high}
	 * @param sum whether this column is one term of a sum: every column of a row with
	 * {@code sum: true} and the same indicator is added up into one cell (65+ = 65–74 +
	 * 75–84 + 85+); when any term is empty the cell has no value
	 */
	public record Measure(String indicator, Map<String, String> breakdown, String part, Boolean sum) {

		public Measure {
			breakdown = (breakdown != null) ? new TreeMap<>(breakdown) : Map.of();
		}

	}

	/**
	 * The meaning of one member of a dimension column.
	 *
	 * @param indicator overrides the measure's indicator (e.g. 85315NED
	 * {@code LevenLangOntwikkelen = Deelname} turns the population column into
	 * llo_deelnemers)
	 * @param breakdown the breakdown members (empty: the total)
	 * @param skip rows with this member are not imported
	 * @param part {@code low}/{@code high}: the row holds a margin bound (85554NED
	 * Marges)
	 * @param status the status this member states for the row's values
	 * ({@code StatusCijfer = Voorlopig}: {@code voorlopig}) when the dimension is really
	 * a status (60039fvw {@code StatusCijfer}); a status dimension, not a breakdown;
	 * null: the period's status
	 */
	public record Member(String indicator, Map<String, String> breakdown, Boolean skip, String part, String status) {

		public Member {
			breakdown = (breakdown != null) ? new TreeMap<>(breakdown) : Map.of();
		}

		public boolean skipped() {
			return Boolean.TRUE.equals(this.skip);
		}

	}

}
