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

	private static final Pattern METADATA = Pattern
		.compile("\"@?odata\\.(?:metadata|context)\"\\s*:\\s*\"[^\"]*/(?:OData|odata|CBS)/([0-9]{5}[A-Za-z]{3})/");

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
			return files
				.filter((f) -> f.getFileName()
					.toString()
					.matches("(?i)((Typed|Untyped)DataSet|Observations).*page0*1(?![0-9]).*\\.json"))
				.findFirst()
				.orElseThrow(() -> new ImportException(dir.getFileName().toString(), null, null, null,
						"a folder with TypedDataSet.json, UntypedDataSet.json, Observations.json or the first page of"
								+ " one (*page1*.json)",
						"no OData data set found"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The table id of a saved OData response whose {@code odata.metadata} /
	 * {@code @odata.context} comes after its records, as CBS's v3 API writes it: read
	 * from the end of the file.
	 * @param file a saved response
	 * @return the table id in its metadata URL, or null
	 */
	public static String tableIdFromTail(Path file) {
		try (java.nio.channels.SeekableByteChannel in = Files.newByteChannel(file)) {
			long size = in.size();
			int length = (int) Math.min(size, 4096);
			java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(length);
			in.position(size - length);
			while (tail.hasRemaining() && in.read(tail) >= 0) {
				// read on
			}
			String text = new String(tail.array(), 0, tail.position(), java.nio.charset.StandardCharsets.UTF_8);
			Matcher m = METADATA.matcher(text);
			String table = null;
			while (m.find()) {
				table = m.group(1);
			}
			return table;
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * The table id a saved OData response names in its {@code odata.metadata} /
	 * {@code @odata.context}, which CBS writes first (v4) or last (v3): read from the
	 * first and the last 4 KB of the file.
	 * @param file a saved response
	 * @return the table id, or null when neither end names one
	 */
	public static String tableIdFromMetadata(Path file) {
		try (java.io.InputStream in = Files.newInputStream(file)) {
			byte[] head = in.readNBytes(4096);
			Matcher m = METADATA.matcher(new String(head, java.nio.charset.StandardCharsets.UTF_8));
			if (m.find()) {
				return m.group(1);
			}
		}
		catch (IOException ex) {
			return null;
		}
		return tableIdFromTail(file);
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
