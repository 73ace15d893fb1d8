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
 */
public record ImportOptions(OffsetDateTime published, boolean generic, boolean skipUnknownRegions) {

	/**
	 * No options: a current download, mapped where a mapping exists, unknown regions
	 * fail.
	 */
	public static final ImportOptions NONE = new ImportOptions(null, false, false);

}
