package nl.llomonitor.cube;

import java.util.List;
import java.util.Set;

/**
 * A warning of an import run, as a message key and its arguments, so that each reader
 * gets it in its own language: the API's bundles ({@code messages.properties},
 * {@code messages_en.properties}) hold the texts under {@code warning.<key>}. Stored with
 * the run ({@code import_run.report -> 'warningDetails'}), beside the English texts in
 * {@code import_run.report -> 'warnings'} that the CLI and the admin answer give. That a
 * source was cut off is not one of them: {@link IncompleteReason} says it.
 *
 * @param key the kind of warning, e.g. {@code mapping-skipped-regions}
 * @param args its arguments: numbers (counts) or text (codes, labels, a date)
 */
public record ImportWarning(String key, List<Object> args) {

	/** Key {@code warning.trailing-separator} of the message bundles. */
	public static final String TRAILING_SEPARATOR = "trailing-separator";

	/** Key {@code warning.incomplete-sums} of the message bundles. */
	public static final String INCOMPLETE_SUMS = "incomplete-sums";

	/** Key {@code warning.mapping-skipped-regions} of the message bundles. */
	public static final String MAPPING_SKIPPED_REGIONS = "mapping-skipped-regions";

	/** Key {@code warning.mapping-skipped-members} of the message bundles. */
	public static final String MAPPING_SKIPPED_MEMBERS = "mapping-skipped-members";

	/** Key {@code warning.odata-pages} of the message bundles. */
	public static final String ODATA_PAGES = "odata-pages";

	/** Key {@code warning.v4-unknown-property} of the message bundles. */
	public static final String V4_UNKNOWN_PROPERTY = "v4-unknown-property";

	/** Key {@code warning.region-edition} of the message bundles. */
	public static final String REGION_EDITION = "region-edition";

	/**
	 * Key {@code warning.mapping-skipped-levels}: rows of regions at levels the mapping
	 * does not take ({@code regionLevels}); the mapping chose them, so they do not make
	 * the table incomplete.
	 */
	public static final String MAPPING_SKIPPED_LEVELS = "mapping-skipped-levels";

	/**
	 * Key {@code warning.region-not-in-period}: labels resolved to a region the store
	 * does not have in the row's period (no region had the label then; the nearest was
	 * taken).
	 */
	public static final String REGION_NOT_IN_PERIOD = "region-not-in-period";

	/**
	 * Key {@code warning.region-with-data-kept}: regions an earlier import of the same
	 * edition added that a corrected one no longer lists, kept since figures exist for
	 * them.
	 */
	public static final String REGION_WITH_DATA_KEPT = "region-with-data-kept";

	/**
	 * Key {@code warning.region-name-shared}: names that several regions of one level
	 * have on an edition's date (a label of that name resolves to one of them only).
	 */
	public static final String REGION_NAME_SHARED = "region-name-shared";

	/** Key {@code warning.partial-edition} of the message bundles. */
	public static final String PARTIAL_EDITION = "partial-edition";

	/**
	 * Key {@code warning.region-gap-kept}: an older complete edition does not list
	 * regions that an earlier and a later edition have; kept, since a region cannot have
	 * a gap.
	 */
	public static final String REGION_GAP_KEPT = "region-gap-kept";

	/** Key {@code warning.withdrawn} of the message bundles. */
	public static final String WITHDRAWN = "withdrawn";

	/** Key {@code warning.margin-only} of the message bundles. */
	public static final String MARGIN_ONLY = "margin-only";

	/** Key {@code warning.text-measures} of the message bundles. */
	public static final String TEXT_MEASURES = "text-measures";

	/**
	 * Key {@code warning.text-values}: cells that give text where a number belongs
	 * (stored without a value, reason anders, the text as footnote).
	 */
	public static final String TEXT_VALUES = "text-values";

	/** Key {@code warning.unknown-regions-skipped} of the message bundles. */
	public static final String UNKNOWN_REGIONS_SKIPPED = "unknown-regions-skipped";

	/**
	 * Key {@code warning.backdated-not-written}: cells of a back-dated download that are
	 * new or changed but not written, because a later import of their table does not have
	 * them (they would otherwise become the current values over that later release).
	 */
	public static final String BACKDATED_NOT_WRITTEN = "backdated-not-written";

	/**
	 * Key {@code warning.missing-measures}: cells of OData records that leave out a
	 * property the mapping maps (not given, so not imported).
	 */
	public static final String MISSING_MEASURES = "missing-measures";

	/**
	 * Key {@code warning.generic-member-code}: a member of a table without a mapping
	 * whose code another member of the table has (two titles with one slug, such as
	 * {@code < 25} and {@code > 25}) is stored under a free one.
	 */
	public static final String GENERIC_MEMBER_CODE = "generic-member-code";

	/**
	 * Key {@code warning.generic-total}: the total of a dimension is not the first
	 * total-like member of the file but the stored one, or the one the fixed order picks.
	 */
	public static final String GENERIC_TOTAL = "generic-total";

	/**
	 * Key {@code warning.generic-no-total}: the file lacks the stored total of a
	 * dimension; its total-like member is an ordinary one.
	 */
	public static final String GENERIC_NO_TOTAL = "generic-no-total";

	/**
	 * Key {@code warning.odata-more-than-counted}: an OData download holds more records
	 * than its own count states ({@code odata.count}, v4
	 * {@code Properties.ObservationCount}, v3 {@code TableInfos.RecordCount}): the count
	 * or a page belongs to another query.
	 */
	public static final String ODATA_MORE_THAN_COUNTED = "odata-more-than-counted";

	/**
	 * Key {@code warning.same-file}: the file is byte for byte one imported before as a
	 * publication of its table (run, date): it is read as that publication, at its date,
	 * not as a new release (arguments: the earlier run, its date, the sha-256).
	 */
	public static final String SAME_FILE = "same-file";

	/**
	 * Key {@code warning.other-table-replaced}: the import replaced current figures that
	 * another table published (arguments: this import's table, the other tables, their
	 * runs): one cell should come from one table, or its figures change with the order of
	 * imports.
	 */
	public static final String OTHER_TABLE_REPLACED = "other-table-replaced";

	/** Key {@code warning.not-modified} of the message bundles. */
	public static final String NOT_MODIFIED = "not-modified";

	/** Every key an import writes: each has a text in both bundles (MessagesTests). */
	public static final List<String> KEYS = List.of(TRAILING_SEPARATOR, INCOMPLETE_SUMS, MAPPING_SKIPPED_REGIONS,
			MAPPING_SKIPPED_MEMBERS, ODATA_PAGES, V4_UNKNOWN_PROPERTY, REGION_EDITION, PARTIAL_EDITION, REGION_GAP_KEPT,
			WITHDRAWN, MARGIN_ONLY, TEXT_MEASURES, TEXT_VALUES, UNKNOWN_REGIONS_SKIPPED, NOT_MODIFIED,
			MAPPING_SKIPPED_LEVELS, REGION_NOT_IN_PERIOD, REGION_WITH_DATA_KEPT, REGION_NAME_SHARED,
			BACKDATED_NOT_WRITTEN, MISSING_MEASURES, GENERIC_MEMBER_CODE, GENERIC_TOTAL, GENERIC_NO_TOTAL,
			ODATA_MORE_THAN_COUNTED, SAME_FILE, OTHER_TABLE_REPLACED);

	/**
	 * The kinds that mean the store holds less of the source than it published: rows or
	 * measures left out. Rows whose member a mapping skips on purpose
	 * ({@link #MAPPING_SKIPPED_MEMBERS}: a percentage beside its absolute figure, a
	 * sub-sector without a dimension yet) are counted in a warning but are not one of
	 * them: the mapping chose which of the table's figures the monitor holds.
	 */
	private static final Set<String> LEAVES_OUT = Set.of(MAPPING_SKIPPED_REGIONS, UNKNOWN_REGIONS_SKIPPED,
			TEXT_MEASURES, TEXT_VALUES, MARGIN_ONLY, BACKDATED_NOT_WRITTEN, MISSING_MEASURES);

	public ImportWarning {
		// an argument may be null (a label a source left empty): kept, never failing the
		// import it warns about
		args = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
	}

	/**
	 * @param key the kind of warning
	 * @param args its arguments, numbers or text, may be null
	 * @return the warning
	 */
	public static ImportWarning of(String key, Object... args) {
		return new ImportWarning(key, java.util.Arrays.asList(args));
	}

	/**
	 * @return whether the store holds less of the source than it published because of it
	 * (rows of regions skipped, measures not imported)
	 */
	public boolean leavesOut() {
		return LEAVES_OUT.contains(this.key);
	}

}
