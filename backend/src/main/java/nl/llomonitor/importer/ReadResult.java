package nl.llomonitor.importer;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import nl.llomonitor.cube.ImportWarning;
import nl.llomonitor.cube.IncompleteReason;
import nl.llomonitor.importer.catalog.GenericTable;
import nl.llomonitor.importer.catalog.TableMapping;

/**
 * What a reader found in one file, besides the cells it handed to
 * {@link ImportJob#cells()}: immutable, built by a {@link Builder} that the reader fills
 * while it reads.
 *
 * @param tableId the table id: the one given with the job, or found in the source (OData
 * metadata); null when unknown
 * @param generic the generated mapping when the table is imported with its own measures
 * (no mapping file, or {@link ImportOptions#generic()}); null otherwise
 * @param curatedOnTop the mapping file applied on top of a generic import, or null
 * @param published when the source published this vintage: given with the import, or read
 * from the source's metadata; null when unknown
 * @param publishedFrom where {@code published} comes from, for the report
 * @param rowsRead rows (records, features) read
 * @param otherRowsInserted rows written by formats that do not write observations
 * (regions, geometry)
 * @param otherRowsUnchanged rows such formats found unchanged
 * @param warnings warnings for the report, each once, in the order met
 * @param signs cells per special sign or flag read ({@code "-"}, {@code "."},
 * {@code "x"}, {@code "empty"}, v4 attributes such as {@code "Confidential"}, Eurostat
 * {@code ":"} and flag letters)
 * @param incomplete why the source is probably incomplete (cut off); empty when it looks
 * complete
 * @param unknownRegions region labels or codes the store does not know, with their row
 * counts (skipped because the import said so)
 */
public record ReadResult(String tableId, GenericTable generic, TableMapping curatedOnTop, OffsetDateTime published,
		String publishedFrom, long rowsRead, long otherRowsInserted, long otherRowsUnchanged,
		List<ImportWarning> warnings, Map<String, Long> signs, List<IncompleteReason> incomplete,
		Map<String, Integer> unknownRegions, OffsetDateTime statedPublished) {

	public ReadResult {
		warnings = List.copyOf(warnings);
		signs = java.util.Collections.unmodifiableMap(new TreeMap<>(signs));
		incomplete = List.copyOf(incomplete);
		unknownRegions = java.util.Collections.unmodifiableMap(new TreeMap<>(unknownRegions));
	}

	/**
	 * Starts what a reader finds in the file of a job.
	 * @param job the job
	 * @return an empty builder, with the job's table id, publication and mapping on top
	 */
	public static Builder builder(ImportJob job) {
		return new Builder(job);
	}

	/**
	 * The job as the read leaves it: with the table id and the mapping on top found.
	 * @param job the job that was read
	 * @return the job to merge with
	 */
	public ImportJob applyTo(ImportJob job) {
		return job.withTableId(this.tableId).withCuratedOnTop(this.curatedOnTop);
	}

	/**
	 * What a reader has found so far; used by one reader during one read.
	 */
	public static final class Builder {

		private final ImportJob job;

		private String tableId;

		private GenericTable generic;

		private TableMapping curatedOnTop;

		private OffsetDateTime published;

		private String publishedFrom;

		private OffsetDateTime statedPublished;

		private long rowsRead;

		private long otherRowsInserted;

		private long otherRowsUnchanged;

		private final List<ImportWarning> warnings = new ArrayList<>();

		private final Map<String, Long> signs = new TreeMap<>();

		private final List<IncompleteReason> incomplete = new ArrayList<>();

		private final Map<String, Integer> unknownRegions = new TreeMap<>();

		/** Texts met where a number belongs, with how many cells gave each. */
		private final Map<String, Long> textValues = new java.util.LinkedHashMap<>();

		/** Rows a mapping skips ({@code skip: true}), by dimension and member. */
		private final Map<String, Long> skippedByMapping = new java.util.LinkedHashMap<>();

		private Builder(ImportJob job) {
			this.job = job;
			this.tableId = job.tableId();
			this.curatedOnTop = job.curatedOnTop();
			this.published = job.published();
			this.publishedFrom = (this.published != null) ? "given with the import" : null;
		}

		/** The table id given or found so far; null when unknown. */
		public String tableId() {
			return this.tableId;
		}

		/**
		 * Takes a table id found in the source, unless one is known already.
		 * @param found the id found, may be null
		 */
		public void tableIdIfUnknown(String found) {
			if (this.tableId == null) {
				this.tableId = found;
			}
		}

		/** The generic mapping, once {@link #mapping} chose one; else null. */
		public GenericTable generic() {
			return this.generic;
		}

		/** The publication date known so far (given, or read from metadata); or null. */
		public OffsetDateTime published() {
			return this.published;
		}

		/**
		 * Records when the source says it published this vintage (metadata): recorded in
		 * the report only, the vintage stays at its import.
		 * @param at the date
		 * @param from where it comes from, e.g. {@code "Properties.Modified"}
		 */
		public void published(OffsetDateTime at, String from) {
			this.published = at;
			this.publishedFrom = from;
		}

		/**
		 * Records the publication date the source's own metadata states, also where a
		 * date was given with the import (which {@link #published()} then keeps).
		 * @param at the date
		 */
		public void stated(OffsetDateTime at) {
			this.statedPublished = at;
		}

		/**
		 * The mapping of a CBS table: its mapping file, unless the table is imported with
		 * its own measures (it has no mapping file, {@link ImportOptions#generic()} is
		 * set, or the store already holds it that way); then a {@link GenericTable} built
		 * from the columns, and the mapping file, if any, is applied on top after the
		 * import.
		 * @param location where in the file, for errors
		 * @param build builds the generic mapping from what the reader has seen
		 * @return the mapping
		 */
		public TableMapping mapping(String location, Function<String, GenericTable> build) {
			TableMapping curated = this.job.mappings().find(this.tableId);
			if (curated != null && !this.job.options().generic() && !this.job.storedGeneric(this.tableId)) {
				return curated;
			}
			if (this.tableId == null) {
				throw this.job.error(location, null, null,
						"a CBS table id in the file name (85624NED.csv, utrecht-85624NED.csv), the"
								+ " OData metadata or given with the import (--table=85624NED, admin form field tableId)",
						"unknown table");
			}
			if (this.generic == null) {
				this.generic = build.apply(this.tableId);
				this.curatedOnTop = curated;
				if (curated != null) {
					// the mapping's own skip list still applies (labels without a code)
					this.generic.skipRegions.addAll(curated.skipRegions());
				}
			}
			return this.generic.mapping;
		}

		/** Counts one row read. */
		public void row() {
			this.rowsRead++;
		}

		/**
		 * Counts the rows of a format that does not write observations.
		 * @param read rows read
		 * @param inserted rows written
		 * @param unchanged rows found unchanged
		 */
		public void rows(long read, long inserted, long unchanged) {
			this.rowsRead += read;
			this.otherRowsInserted += inserted;
			this.otherRowsUnchanged += unchanged;
		}

		/**
		 * A row whose region is not in the store: skipped and counted when the import
		 * says so, else an error naming the column and value.
		 * @throws ImportException unless unknown regions are skipped
		 */
		public void unknownRegion(String location, String column, String value, String expected) {
			if (!this.job.options().skipUnknownRegions()) {
				throw this.job.error(location, column, value, expected,
						"unknown region (a level or edition the"
								+ " store does not know; import with --skip-unknown-regions (admin form field"
								+ " skipUnknownRegions=true) to skip such rows, counted in the report)");
			}
			this.unknownRegions.merge(value.strip(), 1, Integer::sum);
		}

		/**
		 * Counts one cell that carried a sign or flag.
		 * @param name the sign as reported
		 */
		public void sign(String name) {
			this.signs.merge(name, 1L, Long::sum);
		}

		/**
		 * Counts one cell that gives text where a number belongs (an OData v4
		 * {@code StringValue} that is neither a number nor a CBS sign, without a
		 * {@code Value}): the run warns how many, with examples.
		 * @param text the text
		 */
		public void textValue(String text) {
			this.textValues.merge(nl.llomonitor.importer.ImportFormat.abbreviate(text), 1L, Long::sum);
		}

		/**
		 * Records that the source is probably cut off; the import is refused unless it
		 * was asked to accept an incomplete source.
		 * @param why what shows it, e.g. "exactly 10,000 records and no odata.nextLink"
		 */
		public void incomplete(IncompleteReason why) {
			if (!this.incomplete.contains(why)) {
				this.incomplete.add(why);
			}
		}

		/**
		 * Counts a row that the mapping skips: one of its members is mapped with
		 * {@code skip: true}. The run warns how many, and by which members, so that no
		 * row is left out without a word.
		 * @param dimension the dimension (column or property) of the first such member
		 * @param member its code or label as the source gives it
		 */
		public void skippedByMapping(String dimension, String member) {
			this.skippedByMapping.merge(dimension + " " + member.strip(), 1L, Long::sum);
		}

		/**
		 * @param warning a warning for the run's report, kept once
		 */
		public void warn(ImportWarning warning) {
			if (!this.warnings.contains(warning)) {
				this.warnings.add(warning);
			}
		}

		public ReadResult build() {
			if (!this.textValues.isEmpty()) {
				long cells = this.textValues.values().stream().mapToLong(Long::longValue).sum();
				List<String> examples = this.textValues.keySet().stream().limit(5).map((t) -> "'" + t + "'").toList();
				warn(ImportWarning.of(ImportWarning.TEXT_VALUES, cells,
						String.join(", ", examples) + ((this.textValues.size() > examples.size()) ? ", ..." : "")));
			}
			if (!this.skippedByMapping.isEmpty()) {
				long rows = this.skippedByMapping.values().stream().mapToLong(Long::longValue).sum();
				List<String> members = this.skippedByMapping.keySet().stream().limit(20).toList();
				warn(ImportWarning.of(ImportWarning.MAPPING_SKIPPED_MEMBERS, rows, this.skippedByMapping.size(),
						String.join(", ", members) + ((this.skippedByMapping.size() > members.size()) ? ", ..." : "")));
			}
			return new ReadResult(this.tableId, this.generic, this.curatedOnTop, this.published, this.publishedFrom,
					this.rowsRead, this.otherRowsInserted, this.otherRowsUnchanged, this.warnings, this.signs,
					this.incomplete, this.unknownRegions, this.statedPublished);
		}

	}

}
