package nl.llomonitor.importer;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Imports CBS "Gebieden in Nederland" (85755NED): gemeenten with their arbeidsmarktregio,
 * COROP area, provincie and landsdeel, into {@code region}, {@code region_parent} and
 * {@code region_alias}.
 */
final class RegionsImporter implements FormatReader {

	@Override
	public void read(InputStream in, ImportJob job) throws IOException {
		List<RegionEntry> entries = new RegionListBuilder().gebieden(in, job.fileName).build();
		job.rowsRead = entries.stream().filter((e) -> e.level().equals("gemeente")).count();
		long changed = RegionWriter.upsert(job.tx, entries);
		job.otherRowsInserted = changed;
		job.otherRowsUnchanged = Math.max(0, entries.size() - changed);
	}

}
