package nl.llomonitor.importer.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import nl.llomonitor.SharedData;

/**
 * Generates the project's region list {@code data/regions/regions.csv} from the shared
 * CBS files (85755NED "Gebieden in Nederland" and the code/label pairs of 84916NED). Run
 * {@code main} from the repository root after a new edition; {@link RegionListTests}
 * checks that the committed file equals what this tool makes.
 */
final class RegionListTool {

	private RegionListTool() {
	}

	static List<RegionEntry> build() throws IOException {
		RegionListBuilder builder = new RegionListBuilder();
		try (InputStream in = Files.newInputStream(SharedData.file("cbs/85755NED.csv"))) {
			builder.gebieden(in, "85755NED.csv");
		}
		try (InputStream in = Files.newInputStream(SharedData.file("cbs/84916NED_v4_allTables.csv"))) {
			builder.labels(in);
		}
		return builder.build();
	}

	static String render(List<RegionEntry> entries) throws IOException {
		StringWriter out = new StringWriter();
		RegionDirectory.write(entries, out);
		return out.toString();
	}

	public static void main(String[] args) throws IOException {
		Path target = Path.of((args.length > 0) ? args[0] : "data/regions/regions.csv");
		try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
			writer.write(render(build()));
		}
		System.out.println("Wrote " + target.toAbsolutePath());
	}

}
