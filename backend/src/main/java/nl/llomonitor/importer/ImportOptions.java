package nl.llomonitor.importer;

import java.time.OffsetDateTime;

/**
 * How one import is done, beyond the file and its format.
 *
 * @param published when the source published the file, or null: given with an older
 * download, it is recorded at that date as history; a date after the publication of every
 * import of its table the store holds makes it the newest release, recorded at the import
 * with its date kept (see {@link #newestRelease()})
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
 * @param seed the import is the startup bootstrap's (recorded as such in its run's
 * report): it is refused where the store holds a successful, current import of its table
 * that the bootstrap did not make, so that the bootstrap never writes a shared file over
 * figures a user imported, at this start or a later one
 * @param newestRelease set by the import, not by its caller: the {@link #published()}
 * date lies after the publication of every import of the table the store holds (their
 * date from the source's metadata or given with them, else their import time), so the
 * download is the newest release, recorded as current at the import instead of as history
 * at that date
 */
public record ImportOptions(OffsetDateTime published, boolean generic, boolean skipUnknownRegions,
		boolean allowIncomplete, java.time.LocalDate validFrom, boolean seed, boolean newestRelease) {

	/**
	 * Options set by a caller other than the bootstrap ({@link #seed()} and
	 * {@link #newestRelease()} unset).
	 * @param published see {@link #published()}
	 * @param generic see {@link #generic()}
	 * @param skipUnknownRegions see {@link #skipUnknownRegions()}
	 * @param allowIncomplete see {@link #allowIncomplete()}
	 * @param validFrom see {@link #validFrom()}
	 */
	public ImportOptions(OffsetDateTime published, boolean generic, boolean skipUnknownRegions, boolean allowIncomplete,
			java.time.LocalDate validFrom) {
		this(published, generic, skipUnknownRegions, allowIncomplete, validFrom, false, false);
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
	 * @param date see {@link #published()}
	 * @return these options with that publication date
	 */
	public ImportOptions withPublished(OffsetDateTime date) {
		return new ImportOptions(date, this.generic, this.skipUnknownRegions, this.allowIncomplete, this.validFrom,
				this.seed, this.newestRelease);
	}

	/**
	 * @return these options for an import of the startup bootstrap ({@link #seed()})
	 */
	public ImportOptions asSeed() {
		return new ImportOptions(this.published, this.generic, this.skipUnknownRegions, this.allowIncomplete,
				this.validFrom, true, this.newestRelease);
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
