package nl.llomonitor.importer.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import nl.llomonitor.importer.ImportJob;
import nl.llomonitor.importer.catalog.Catalog;
import nl.llomonitor.importer.catalog.MappingRegistry;
import nl.llomonitor.importer.catalog.RegionDirectory;
import nl.llomonitor.importer.cbs.ODataResources;

/**
 * Runs a reader without a database and collects its cells, for reader unit tests.
 */
final class ReaderFixture {

	static final Catalog CATALOG = Catalog.load();

	static final RegionDirectory REGIONS = RegionDirectory.load();

	static final MappingRegistry MAPPINGS = MappingRegistry.load(CATALOG);

	private ReaderFixture() {
	}

	/**
	 * A cell as a reader produced it.
	 */
	record Cell(long line, String indicator, String region, String period, String breakdown, char part, String value,
			String reason, String status, String flags, String footnote, String table) {

	}

	static List<Cell> read(FormatReader reader, Path file, String tableId, ODataResources resources)
			throws IOException {
		List<Cell> cells = new ArrayList<>();
		read(reader, file, tableId, resources, cells);
		return cells;
	}

	/**
	 * @param cells collects the cells read
	 * @return what the reader found (warnings, signs, why the source is incomplete)
	 */
	static nl.llomonitor.importer.ReadResult read(FormatReader reader, Path file, String tableId,
			ODataResources resources, List<Cell> cells) throws IOException {
		ImportJob job = new ImportJob(file.getFileName().toString(), tableId, REGIONS, MAPPINGS, CATALOG,
				(line, indicator, region, period, breakdown, part, value, reason, status, flags, footnote,
						table) -> cells.add(new Cell(line, indicator, region, period, breakdown, part, value, reason,
								status, flags, footnote, table)),
				null, 0)
			.withResources(resources);
		try (InputStream in = Files.newInputStream(file)) {
			return reader.read(in, job);
		}
	}

}
