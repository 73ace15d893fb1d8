package nl.llomonitor.observation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.llomonitor.api.Lang;
import nl.llomonitor.api.Messages;

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

	/** How a derived value names the two tables behind it ({@code A / B}). */
	private static final java.util.regex.Pattern JOINED = java.util.regex.Pattern.compile(" / ",
			java.util.regex.Pattern.LITERAL);

	/**
	 * @param sourceTable a value's source table: one table id, or {@code A / B} for a
	 * derived value whose terms come from two tables
	 * @return the table ids, in order
	 */
	public static List<String> tablesOf(String sourceTable) {
		return (sourceTable.indexOf(" / ") < 0) ? List.of(sourceTable) : List.of(JOINED.split(sourceTable));
	}

	/**
	 * @param table a source table id such as 85268NED or trng_lfse_04
	 * @param known the sources of the store ({@link SourceCatalog#all()}), by lower-case
	 * id
	 * @return its attribution as its mapping file declares it; publisher, licence and URL
	 * are null for a table without a {@code source} row (never guessed)
	 */
	public static Source of(String table, Map<String, Source> known) {
		Source source = known.get(table.toLowerCase(java.util.Locale.ROOT));
		return (source != null) ? source : new Source(table, null, null, null);
	}

	/**
	 * The sources of values, in the order they first appear: every table behind them
	 * (both terms of a derived value), each marked incomplete with the first reason given
	 * by a value read from an incomplete import of it (a derived value names each
	 * incomplete table behind it).
	 * @param values the values shown, nulls allowed
	 * @param known the sources of the store ({@link SourceCatalog#all()}), by lower-case
	 * id
	 * @param lang language of the reasons
	 * @return their sources
	 */
	public static List<Source> of(Iterable<SeriesService.Value> values, Map<String, Source> known, Lang lang) {
		Map<String, String> incomplete = new java.util.HashMap<>();
		for (SeriesService.Value v : values) {
			if (v != null && v.sourceTable() != null && v.incomplete() != null) {
				v.incomplete()
					.all()
					.forEach((i) -> incomplete.putIfAbsent(
							((i.table() != null) ? i.table() : v.sourceTable()).toLowerCase(java.util.Locale.ROOT),
							i.text(lang)));
			}
		}
		return tablesOf(values).stream()
			.map((t) -> of(t, known).incomplete(incomplete.get(t.toLowerCase(java.util.Locale.ROOT))))
			.toList();
	}

	/**
	 * @param values values, nulls allowed
	 * @return every table behind them (both terms of a derived value) as the values spell
	 * them, in the order they first appear
	 */
	public static java.util.Set<String> tablesOf(Iterable<SeriesService.Value> values) {
		java.util.Set<String> tables = new java.util.LinkedHashSet<>();
		for (SeriesService.Value v : values) {
			if (v != null && v.sourceTable() != null) {
				tables.addAll(tablesOf(v.sourceTable()));
			}
		}
		return tables;
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
			lines.add(((source.publisher() != null) ? Messages.get(lang, "source.line", source.publisher(),
					source.table(), source.licence(), source.url())
					: Messages.get(lang, "source.line.unknown", source.table()))
					+ ((source.incomplete() != null) ? Messages.get(lang, "source.incomplete", source.incomplete())
							: ""));
		}
		if (sources.isEmpty()) {
			lines.add(Messages.get(lang, "source.none"));
		}
		lines.add("LLO Monitor" + ((dataVersion != null) ? ", data version " + dataVersion : "")
				+ ((asOf != null) ? ", as known on " + asOf : ""));
		return lines;
	}

}
