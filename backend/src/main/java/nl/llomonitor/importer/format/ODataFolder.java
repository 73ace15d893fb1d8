package nl.llomonitor.importer.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import nl.llomonitor.importer.ImportException;

/**
 * A folder of saved CBS OData responses for one table: which file holds the data, and the
 * table id from the folder name or {@code TableInfos.json}.
 */
public final class ODataFolder {

	private static final Pattern TABLE = Pattern.compile("([0-9]{5}[A-Za-z]{3})");

	private static final List<String> DATA = List.of("TypedDataSet.json", "Observations.json", "UntypedDataSet.json");

	private ODataFolder() {
	}

	public static Path dataFile(Path dir) {
		for (String name : DATA) {
			if (Files.isRegularFile(dir.resolve(name))) {
				return dir.resolve(name);
			}
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter((f) -> f.getFileName().toString().matches("(?i)(Typed|Untyped)DataSet.*page1.*\\.json"))
				.findFirst()
				.orElseThrow(() -> new ImportException(dir.getFileName().toString(), null, null, null,
						"a folder with TypedDataSet.json, UntypedDataSet*page1*.json or Observations.json",
						"no OData data set found"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String tableId(Path dir) {
		for (Path p = dir; p != null && p.getFileName() != null; p = p.getParent()) {
			Matcher m = TABLE.matcher(p.getFileName().toString());
			if (m.find()) {
				return m.group(1);
			}
		}
		return null;
	}

}
