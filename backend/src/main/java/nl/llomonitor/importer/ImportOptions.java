package nl.llomonitor.importer;

import java.time.OffsetDateTime;

/**
 * How one import is done, beyond the file and its format.
 *
 * @param published when the source published the file (an older download, placed at that
 * date as history), or null: the import time
 * @param generic import the table's own measures and dimensions as indicators of that
 * table even when a mapping file exists (the mapping is then applied on top of them); a
 * table without a mapping is always imported this way
 * @param skipUnknownRegions skip rows whose region the store does not know (wijken,
 * buurten, former gemeenten, agglomeraties ...), counting and naming them in the report's
 * warnings, instead of failing the import
 * @param allowIncomplete import a file or response that is probably cut off (marked
 * incomplete in {@code import_run}) instead of refusing it
 * @param validFrom the date from which a "Gebieden in Nederland" edition is valid, or
 * null for the day of the import; refused with other formats
 * @param seed the import seeds an empty store (the startup bootstrap), or null: it is
 * refused where another import of its table succeeded since the seeding began, so that a
 * seed never writes over figures a user imported meanwhile
 * @param newestRelease set by the import, not by its caller: the {@link #published()}
 * date lies after the publication of every import of the table the store holds (their
 * date from the source's metadata or given with them, else their import time), so the
 * download is the newest release, recorded as current at the import instead of as history
 * at that date
 */
public record ImportOptions(OffsetDateTime published, boolean generic, boolean skipUnknownRegions,
		boolean allowIncomplete, java.time.LocalDate validFrom, Seed seed, boolean newestRelease) {

	/**
	 * A seeding of the store (the startup bootstrap), which stands back for every import
	 * of the same table that succeeded since it began, other than its own.
	 *
	 * @param since when the seeding began
	 * @param ownRuns the import runs of the seeding itself so far (two of its files can
	 * be of one table), updated as it goes
	 */
	public record Seed(OffsetDateTime since, java.util.Set<Long> ownRuns) {

		public Seed {
			java.util.Objects.requireNonNull(since, "since");
			java.util.Objects.requireNonNull(ownRuns, "ownRuns");
		}

	}

	/**
	 * Options set by the caller: {@link #newestRelease()} is not.
	 * @param published see {@link #published()}
	 * @param generic see {@link #generic()}
	 * @param skipUnknownRegions see {@link #skipUnknownRegions()}
	 * @param allowIncomplete see {@link #allowIncomplete()}
	 * @param validFrom see {@link #validFrom()}
	 * @param seed see {@link #seed()}
	 */
	public ImportOptions(OffsetDateTime published, boolean generic, boolean skipUnknownRegions, boolean allowIncomplete,
			java.time.LocalDate validFrom, Seed seed) {
		this(published, generic, skipUnknownRegions, allowIncomplete, validFrom, seed, false);
	}

	/**
	 * Options that are not a seeding.
	 * @param published see {@link #published()}
	 * @param generic see {@link #generic()}
	 * @param skipUnknownRegions see {@link #skipUnknownRegions()}
	 * @param allowIncomplete see {@link #allowIncomplete()}
	 * @param validFrom see {@link #validFrom()}
	 */
	public ImportOptions(OffsetDateTime published, boolean generic, boolean skipUnknownRegions, boolean allowIncomplete,
			java.time.LocalDate validFrom) {
		this(published, generic, skipUnknownRegions, allowIncomplete, validFrom, null);
	}

	/**
	 * No options: a current download, mapped where a mapping exists, unknown regions
	 * fail, a probably cut-off source is refused.
	 */
	public static final ImportOptions NONE = new ImportOptions(null, false, false, false, null);

	/**
	 * Options that refuse a probably cut-off source.
	 * @param published see {@link #published()}
	 * @param generic see {@link #generic()}
	 * @param skipUnknownRegions see {@link #skipUnknownRegions()}
	 */
	public ImportOptions(OffsetDateTime published, boolean generic, boolean skipUnknownRegions) {
		this(published, generic, skipUnknownRegions, false, null);
	}

	/**
	 * Options without a region edition date.
	 * @param published see {@link #published()}
	 * @param generic see {@link #generic()}
	 * @param skipUnknownRegions see {@link #skipUnknownRegions()}
	 * @param allowIncomplete see {@link #allowIncomplete()}
	 */
	public ImportOptions(OffsetDateTime published, boolean generic, boolean skipUnknownRegions,
			boolean allowIncomplete) {
		this(published, generic, skipUnknownRegions, allowIncomplete, null);
	}

	/**
	 * @param date see {@link #validFrom()}
	 * @return these options with that region edition date
	 */
	public ImportOptions withValidFrom(java.time.LocalDate date) {
		return new ImportOptions(this.published, this.generic, this.skipUnknownRegions, this.allowIncomplete, date,
				this.seed, this.newestRelease);
	}

	/**
	 * @param allowed whether a probably cut-off source is imported
	 * @return these options with {@link #allowIncomplete()} set
	 */
	public ImportOptions allowingIncomplete(boolean allowed) {
		return new ImportOptions(this.published, this.generic, this.skipUnknownRegions, allowed, this.validFrom,
				this.seed, this.newestRelease);
	}

	/**
	 * @param seeding the seeding this import belongs to
	 * @return these options as part of it ({@link #seed()})
	 */
	public ImportOptions seeding(Seed seeding) {
		return new ImportOptions(this.published, this.generic, this.skipUnknownRegions, this.allowIncomplete,
				this.validFrom, seeding, this.newestRelease);
	}

	/**
	 * @return these options for a download whose given publication date is later than
	 * that of every import of its table ({@link #newestRelease()})
	 */
	public ImportOptions asNewestRelease() {
		return new ImportOptions(this.published, this.generic, this.skipUnknownRegions, this.allowIncomplete,
				this.validFrom, this.seed, true);
	}

}
