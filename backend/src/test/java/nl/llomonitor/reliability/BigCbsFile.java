package nl.llomonitor.reliability;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import nl.llomonitor.SharedData;

/**
 * A large file in the real CBS CSV layout of 85268NED (same header and region labels),
 * with quarters of the years {@code firstYear..lastYear} and values that depend on the
 * vintage, so two vintages differ in every cell.
 */
final class BigCbsFile {

	static final String NAME = "85268NED.csv";

	private BigCbsFile() {
	}

	/**
	 * @param file where to write (named 85268NED.csv so the mapping applies)
	 * @param firstYear first year
	 * @param lastYear last year
	 * @param vintage 1, 2, ...: changes every value
	 * @return number of data rows written
	 */
	static long write(Path file, int firstYear, int lastYear, int vintage) throws IOException {
		List<String> lines = Files.readAllLines(SharedData.file("cbs/85268NED.csv"), StandardCharsets.UTF_8);
		String header = lines.get(0);
		int columns = header.split(";", -1).length;
		Set<String> regions = new LinkedHashSet<>();
		for (String line : lines.subList(1, lines.size())) {
			regions.add(line.split(";", -1)[1]);
		}
		long rows = 0;
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(header);
			out.write('\n');
			List<String> cells = new ArrayList<>();
			for (String region : regions) {
				for (int year = firstYear; year <= lastYear; year++) {
					for (int q = 1; q <= 4; q++) {
						cells.clear();
						cells.add(String.valueOf(rows));
						cells.add(region);
						cells.add(year + " " + q + "e kwartaal");
						for (int c = 3; c < columns; c++) {
							cells.add(value(rows, c, vintage));
						}
						out.write(String.join(";", cells));
						out.write('\n');
						rows++;
					}
				}
			}
		}
		return rows;
	}

	/** The value of data row {@code row}, column {@code column} in a vintage. */
	static String value(long row, int column, int vintage) {
		long v = (row * 31 + column * 7) % 900 + 10L * vintage;
		return v / 10 + "." + v % 10;
	}

}
