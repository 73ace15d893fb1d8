package nl.llomonitor.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

import nl.llomonitor.importer.format.CbsCsvReader;
import nl.llomonitor.importer.format.CbsV4CsvReader;
import nl.llomonitor.importer.format.DemoFormat;
import nl.llomonitor.importer.format.EurostatTsvReader;
import nl.llomonitor.importer.format.FormatReader;
import nl.llomonitor.importer.format.GeoJsonImporter;
import nl.llomonitor.importer.format.ODataReader;
import nl.llomonitor.importer.format.RegionsImporter;
import nl.llomonitor.importer.store.MappingRemapper;

/**
 * The file formats the importer reads. {@link #code()} is what {@code import_run.format}
 * records.
 */
public enum ImportFormat {

	/**
	 * CBS table dumped to CSV: {@code ;}, BOM, OData keys in the header, labels in cells.
	 */
	CBS_CSV("cbs-csv", true, CbsCsvReader::new),

	/** CBS OData v4 observations joined with their code lists, as CSV (84916NED). */
	CBS_V4_CSV("cbs-v4-csv", true, CbsV4CsvReader::new),

	/** CBS OData v3 JSON ({@code TypedDataSet}/{@code UntypedDataSet}). */
	CBS_ODATA3("cbs-odata3", false, () -> new ODataReader(false)),

	/** CBS OData v4 JSON ({@code Observations}). */
	CBS_ODATA4("cbs-odata4", false, () -> new ODataReader(true)),

	/** Eurostat SDMX-TSV. */
	EUROSTAT_TSV("eurostat-tsv", true, EurostatTsvReader::new),

	/** CBS "Gebieden in Nederland" (85755NED, 86059NED): the region hierarchy. */
	REGIONS("regions", true, RegionsImporter::new),

	/** A GeoJSON FeatureCollection of region shapes. */
	GEOJSON("geojson", false, GeoJsonImporter::new),

	/** The project's own demo data set ({@code data/demo}). */
	DEMO("demo", true, DemoFormat.Reader::new),

	/**
	 * Not a file: a mapping file applied to what the store holds of its table
	 * ({@link MappingRemapper}).
	 */
	MAPPING("mapping", false, () -> (in, job) -> ReadResult.builder(job).build());

	private final String code;

	/**
	 * Whether a file of the format is read line by line, so must end with a line break.
	 */
	private final boolean lines;

	private final Supplier<FormatReader> reader;

	ImportFormat(String code, boolean lines, Supplier<FormatReader> reader) {
		this.code = code;
		this.lines = lines;
		this.reader = reader;
	}

	/**
	 * @return whether a file of this format is read line by line (then it must end with a
	 * line break: a cut-off last line can still parse, 75.5 as 75.)
	 */
	public boolean lineBased() {
		return this.lines;
	}

	/**
	 * @return a new reader of the format (the mapping format reads nothing: the mapping
	 * is applied to the stored table after the merge)
	 */
	public FormatReader reader() {
		return this.reader.get();
	}

	/**
	 * @return the code stored in {@code import_run.format}
	 */
	public String code() {
		return this.code;
	}

	/**
	 * @param code a format code or enum name, case-insensitive
	 * @return the format
	 * @throws IllegalArgumentException when unknown
	 */
	public static ImportFormat fromCode(String code) {
		for (ImportFormat format : values()) {
			if (format.code.equalsIgnoreCase(code) || format.name().equalsIgnoreCase(code)) {
				return format;
			}
		}
		throw new IllegalArgumentException("Unknown import format '" + code + "'");
	}

	/**
	 * Detects the format from the file name and its first bytes.
	 * @param file the file
	 * @return the detected format
	 * @throws ImportException when the format cannot be recognised
	 */
	public static ImportFormat detect(Path file) {
		String name = file.getFileName().toString();
		return detect(name, head(file, name));
	}

	/**
	 * @param fileName the file's name
	 * @param head its first bytes ({@link #requireText})
	 * @return the format they show
	 * @throws ImportException when the format cannot be recognised
	 */
	public static ImportFormat detect(String fileName, byte[] head) {
		return detect(fileName, new String(head, StandardCharsets.UTF_8));
	}

	/** The first 4,096 bytes of a file, which detection and {@link #requireText} read. */
	private static byte[] head(Path file, String name) {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(4096);
		}
		catch (IOException ex) {
			throw new ImportException(name, null, null, null, "a readable file", ex.getMessage());
		}
	}

	/**
	 * Refuses an empty file, and a file that is not UTF-8 text at its start: one with the
	 * byte order mark of UTF-16 or UTF-32 (Excel's "Unicode text" is UTF-16), or with a
	 * NUL byte among its first 4,096 bytes (UTF-16 without a mark, or a binary file).
	 * Every format the importer reads is UTF-8 (RFC 8259 for JSON; CBS and Eurostat
	 * publish UTF-8); read as UTF-8, such a file used to fail as "unknown format" showing
	 * garbled characters, or as Windows-1252 when a format was given.
	 * @param file the data file
	 * @param name its name, for the error
	 * @return its first 4,096 bytes, for {@link #detect(String, byte[])}
	 * @throws ImportException naming the first bytes (hex) and what to do
	 */
	public static byte[] requireText(Path file, String name) {
		byte[] head = head(file, name);
		if (head.length == 0) {
			throw new ImportException(name, null, null, null, "a file with a header and data rows",
					"the file is empty (0 bytes)");
		}
		String encoding = null;
		if (startsWith(head, 0x00, 0x00, 0xFE, 0xFF)) {
			encoding = "UTF-32 (big-endian byte order mark 00 00 FE FF)";
		}
		else if (startsWith(head, 0xFF, 0xFE, 0x00, 0x00)) {
			encoding = "UTF-32 (little-endian byte order mark FF FE 00 00)";
		}
		else if (startsWith(head, 0xFE, 0xFF)) {
			encoding = "UTF-16 (big-endian byte order mark FE FF)";
		}
		else if (startsWith(head, 0xFF, 0xFE)) {
			encoding = "UTF-16 (little-endian byte order mark FF FE)";
		}
		if (encoding != null) {
			throw new ImportException(name, "line 1", null, hex(head, 8), "a UTF-8 file (save it as \"CSV UTF-8\")",
					"the file is " + encoding + ", not UTF-8");
		}
		for (int i = 0; i < head.length; i++) {
			if (head[i] == 0) {
				throw new ImportException(name, "byte " + (i + 1), null, hex(head, Math.min(head.length, 8)),
						"a UTF-8 text file (save it as \"CSV UTF-8\")",
						"a NUL byte: the file is UTF-16 without a byte order mark or not a text file");
			}
		}
		return head;
	}

	private static boolean startsWith(byte[] head, int... bytes) {
		if (head.length < bytes.length) {
			return false;
		}
		for (int i = 0; i < bytes.length; i++) {
			if ((head[i] & 0xFF) != bytes[i]) {
				return false;
			}
		}
		return true;
	}

	/** The first {@code n} bytes in hex, as "FF FE 49 00". */
	private static String hex(byte[] head, int n) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < Math.min(n, head.length); i++) {
			text.append((i > 0) ? " " : "").append("%02X".formatted(head[i] & 0xFF));
		}
		return text.toString();
	}

	static ImportFormat detect(String fileName, String head) {
		String name = fileName.toLowerCase(Locale.ROOT);
		// after the byte order marks, as the readers skip them (Bom)
		String text = nl.llomonitor.importer.format.Bom.strip(head);
		// a spreadsheet may quote every field of the header
		String firstLine = text.lines().findFirst().orElse("").replace("\"", "");
		if (name.endsWith(".geojson") || (text.contains("\"FeatureCollection\"") && !text.contains("odata"))) {
			return GEOJSON;
		}
		if (firstLine.contains("\\TIME_PERIOD") || firstLine.contains("\\time")) {
			return EUROSTAT_TSV;
		}
		if (firstLine.startsWith("# LLO Monitor")) {
			return DEMO;
		}
		if (text.trim().startsWith("{") || text.trim().startsWith("[")) {
			if (text.contains("@odata.context") || text.contains("\"MeasureCodes\"") || text.contains("\"Measure\"")) {
				return CBS_ODATA4;
			}
			return CBS_ODATA3;
		}
		if (firstLine.startsWith("Id,ValueAttribute,Value")) {
			return CBS_V4_CSV;
		}
		if (firstLine.startsWith("ID;RegioS;Code_1;Naam_2")) {
			return REGIONS;
		}
		if (firstLine.matches("ID[;,\t|].*")) {
			return CBS_CSV;
		}
		throw new ImportException(fileName, "line 1", null, abbreviate(firstLine),
				"a CBS CSV, CBS OData JSON, Eurostat TSV, GeoJSON or LLO Monitor demo file", "unknown format");
	}

	public static String abbreviate(String value) {
		return (value.length() > 80) ? value.substring(0, 77) + "..." : value;
	}

}
