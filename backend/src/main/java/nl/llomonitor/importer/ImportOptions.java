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
 */
public record ImportOptions(OffsetDateTime published, boolean generic, boolean skipUnknownRegions,
		boolean allowIncomplete, java.time.LocalDate validFrom) {

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
		return new ImportOptions(this.published, this.generic, this.skipUnknownRegions, this.allowIncomplete, date);
	}

	/**
	 * @param allowed whether a probably cut-off source is imported
	 * @return these options with {@link #allowIncomplete()} set
	 */
	public ImportOptions allowingIncomplete(boolean allowed) {
		return new ImportOptions(this.published, this.generic, this.skipUnknownRegions, allowed, this.validFrom);
	}

}
