package nl.llomonitor.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import nl.llomonitor.SharedData;
import nl.llomonitor.importer.ImportException;
import nl.llomonitor.importer.ImportReport;
import nl.llomonitor.importer.ImportService;
import nl.llomonitor.system.DatabaseConfiguration;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static nl.llomonitor.db.Tables.OBSERVATION;
import static nl.llomonitor.db.Tables.REGION_ALIAS;
import static nl.llomonitor.db.Tables.REGION_GEOMETRY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile files for every importer format: each format's valid sample (cut from the real
 * published files) is imported once, then mutated copies are imported: truncated (also
 * mid-line), Latin-1 and UTF-16, a 16 MB field, a formula-leading label
 * ({@code =cmd|' /C calc'!A0}), NUL bytes, garbage, an empty file, a 200,000-column line;
 * for JSON also 200,000 levels of nesting, a million-digit number, a 30 MB string and a
 * million repeated keys. Every outcome is either a clear {@link ImportException} (file
 * named) with nothing written, or (for a harmless mutation) an import that writes no new
 * row, since every cell equals the baseline. Never another exception, never an
 * OutOfMemoryError or StackOverflowError.
 */
@SpringBootTest
@Import(TestDatabaseConfiguration.class)
class HostileImportIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(HostileImportIntegrationTests.class);

	static final long SEED = Long.getLong("llo.fuzz.seed", 20261123L);

	static final String INJECTION = "=cmd|' /C calc'!A0";

	@Autowired
	private ImportService importer;

	@Autowired
	@Qualifier(DatabaseConfiguration.JDBC_DSL)
	private DSLContext jdbc;

	@TempDir
	Path temp;

	enum Expect {

		/** must fail with an ImportException. */
		FAIL,
		/** may fail with an ImportException, or succeed writing nothing new. */
		NOTHING_NEW

	}

	record Mutation(String name, Expect expect, BiFunction<byte[], Random, byte[]> apply) {
	}

	/**
	 * A valid sample of one format: a single file, or a folder with one file to mutate.
	 */
	record Sample(String format, String name, byte[] bytes, Path folder, boolean json) {
	}

	@Test
	void hostileFilesFailCleanlyAndWriteNothing() throws IOException {
		Random random = new Random(SEED);
		List<Sample> samples = samples();
		Map<String, Integer> outcomes = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		int tried = 0;
		long deadline = System.nanoTime() + 300_000_000_000L;
		for (Sample sample : samples) {
			// the baseline: the valid sample imports (or was imported already)
			ImportReport baseline = this.importer.importFile(write(sample, sample.bytes(), "baseline"));
			assertThat(baseline.status()).as(sample.name()).isIn("succeeded", "unchanged");
			List<Mutation> mutations = new ArrayList<>(sample.json() ? jsonMutations() : textMutations());
			mutations.addAll(commonMutations());
			for (Mutation mutation : mutations) {
				if (System.nanoTime() > deadline) {
					break;
				}
				byte[] bytes = mutation.apply().apply(sample.bytes(), random);
				if (Arrays.equals(bytes, sample.bytes())) {
					continue;
				}
				tried++;
				String outcome = attempt(sample, mutation, bytes, failures);
				outcomes.merge(outcome, 1, Integer::sum);
			}
		}
		logger.info("FUZZ-IMPORT seed={} formats={} files={} outcomes={} failures={}", SEED, samples.size(), tried,
				outcomes, failures.size());
		assertThat(failures).isEmpty();
		assertThat(tried).isGreaterThan(samples.size() * 8);
	}

	private String attempt(Sample sample, Mutation mutation, byte[] bytes, List<String> failures) throws IOException {
		String label = sample.format() + "/" + mutation.name();
		Path target = write(sample, bytes, mutation.name());
		long observations = this.jdbc.fetchCount(OBSERVATION);
		long aliases = this.jdbc.fetchCount(REGION_ALIAS);
		long shapes = this.jdbc.fetchCount(REGION_GEOMETRY);
		long version = this.jdbc.fetchSingle("select version from data_version").get(0, Long.class);
		String outcome;
		try {
			ImportReport report = this.importer.importFile(target);
			outcome = "imported-nothing-new";
			if (mutation.expect() == Expect.FAIL) {
				failures.add(label + ": imported (" + report.status() + ", " + report.rowsInserted()
						+ " rows) but should have failed");
			}
			else if (report.rowsInserted() != 0) {
				failures.add(label + ": wrote " + report.rowsInserted() + " rows");
			}
		}
		catch (ImportException ex) {
			outcome = "import-exception";
			if (ex.getMessage() == null || !(ex.getMessage().contains(target.getFileName().toString())
					|| ex.getMessage().contains(sample.name()))) {
				failures.add(label + ": error does not name the file: " + ex.getMessage());
			}
		}
		catch (Throwable ex) { // NOPMD: an Error here (OOM, stack overflow) is a finding
			outcome = ex.getClass().getSimpleName();
			failures.add(label + ": " + ex.getClass().getName() + ": " + abbreviate(String.valueOf(ex.getMessage())));
		}
		if (this.jdbc.fetchCount(OBSERVATION) != observations || this.jdbc.fetchCount(REGION_ALIAS) != aliases
				|| this.jdbc.fetchCount(REGION_GEOMETRY) != shapes
				|| this.jdbc.fetchSingle("select version from data_version").get(0, Long.class) != version) {
			failures.add(label + ": the store changed");
		}
		return outcome;
	}

	private Path write(Sample sample, byte[] bytes, String variant) throws IOException {
		Path dir = Files.createDirectories(this.temp.resolve(sample.format() + "-" + variant.replaceAll("\\W", "_")));
		if (sample.folder() == null) {
			return Files.write(dir.resolve(sample.name()), bytes);
		}
		Path folder = Files.createDirectories(dir.resolve(sample.folder().getFileName().toString()));
		try (Stream<Path> files = Files.list(sample.folder())) {
			for (Path f : files.toList()) {
				if (!f.getFileName().toString().equals(sample.name())) {
					Files.copy(f, folder.resolve(f.getFileName()));
				}
			}
		}
		Files.write(folder.resolve(sample.name()), bytes);
		return folder;
	}

	private static List<Sample> samples() throws IOException {
		List<Sample> samples = new ArrayList<>();
		List<String> cbs = Files.readAllLines(SharedData.file("cbs/85268NED.csv"), StandardCharsets.UTF_8);
		List<String> cbsLines = new ArrayList<>(cbs.subList(0, 20));
		cbsLines.addAll(cbs.subList(361, 370)); // Fryslân (PV): not ASCII
		samples.add(new Sample("cbs-csv", "85268NED.csv", lines(cbsLines), null, false));
		List<String> v4 = Files.readAllLines(SharedData.file("cbs/84916NED_v4_allTables.csv"), StandardCharsets.UTF_8);
		samples.add(new Sample("cbs-v4-csv", "84916NED_v4_allTables.csv", lines(v4.subList(0, 30)), null, false));
		samples.add(new Sample("eurostat-tsv", "trng_lfse_04_NL_subset.tsv",
				Files.readAllBytes(SharedData.file("eurostat/trng_lfse_04_NL_subset.tsv")), null, false));
		List<String> regions = Files.readAllLines(SharedData.file("cbs/85755NED.csv"), StandardCharsets.UTF_8);
		samples.add(new Sample("regions", "85755NED.csv", lines(regions.subList(0, 25)), null, false));
		List<String> demo = Files.readAllLines(
				SecretsInRepoTests.repositoryRoot().resolve("data/demo/observations.csv"), StandardCharsets.UTF_8);
		samples.add(new Sample("demo", "observations.csv", lines(demo.subList(0, 40)), null, false));
		samples.add(new Sample("geojson", "provincie_2023_wgs84.geojson",
				Files.readAllBytes(SharedData.file("geo/provincie_2023_wgs84.geojson")), null, true));
		Path odata3 = SharedData.file("cbs/odata3_80137ned/TypedDataSet.json").getParent();
		samples.add(new Sample("cbs-odata3", "TypedDataSet.json",
				Files.readAllBytes(odata3.resolve("TypedDataSet.json")), odata3, true));
		Path odata4 = SharedData.file("cbs/odata4_80072ned/Observations.json").getParent();
		samples.add(new Sample("cbs-odata4", "Observations.json",
				Files.readAllBytes(odata4.resolve("Observations.json")), odata4, true));
		return samples;
	}

	static byte[] lines(List<String> lines) {
		return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
	}

	static List<Mutation> textMutations() {
		return List.of(new Mutation("truncated-mid-last-line", Expect.FAIL, (b, r) -> {
			int end = b.length - 1; // the final newline
			int start = lastIndexOf(b, (byte) '\n', end - 1) + 1;
			return Arrays.copyOf(b, start + 1 + r.nextInt(Math.max(1, end - start - 1)));
		}), new Mutation("last-digit-cut", Expect.FAIL, (b, r) -> Arrays.copyOf(b, b.length - 2)),
				new Mutation("truncated-anywhere", Expect.NOTHING_NEW, (b, r) -> Arrays.copyOf(b, r.nextInt(b.length))),
				new Mutation("giant-field", Expect.FAIL, (b, r) -> replaceField(b, 1, "A".repeat(16 << 20))),
				new Mutation("csv-injection-label", Expect.FAIL, (b, r) -> replaceField(b, 1, INJECTION)),
				new Mutation("csv-injection-first-cell", Expect.NOTHING_NEW, (b, r) -> replaceField(b, 0, INJECTION)),
				new Mutation("nul-in-data", Expect.NOTHING_NEW, (b, r) -> insert(b, lineStart(b, 2) + 3, "\0\0\0")),
				new Mutation("200k-columns", Expect.NOTHING_NEW,
						(b, r) -> concat(Arrays.copyOf(b, lineStart(b, 1)), ";x".repeat(200_000).getBytes(), "\n")),
				new Mutation("control-chars", Expect.NOTHING_NEW,
						(b, r) -> insert(b, lineStart(b, 2) + 1, "\u0007\u001b[2J\b\u007f")));
	}

	static List<Mutation> jsonMutations() {
		return List.of(new Mutation("deep-nesting", Expect.FAIL, (b, r) -> {
			String text = new String(b, StandardCharsets.UTF_8);
			int at = text.indexOf('[');
			return (text.substring(0, at + 1) + "[".repeat(200_000) + "]".repeat(200_000) + text.substring(at + 1))
				.getBytes(StandardCharsets.UTF_8);
		}), new Mutation("deep-object-nesting", Expect.FAIL, (b, r) -> {
			String text = new String(b, StandardCharsets.UTF_8);
			int at = text.indexOf('{');
			return (text.substring(0, at + 1) + "\"x\":{".repeat(100_000) + "}".repeat(100_000) + ","
					+ text.substring(at + 1))
				.getBytes(StandardCharsets.UTF_8);
		}), new Mutation("truncated", Expect.FAIL, (b, r) -> Arrays.copyOf(b, b.length / 4 + r.nextInt(b.length / 2))),
				new Mutation("million-digit-number", Expect.FAIL,
						(b, r) -> replaceFirstNumber(b, "9".repeat(1_000_000))),
				new Mutation("30MB-string", Expect.NOTHING_NEW, (b, r) -> {
					String text = new String(b, StandardCharsets.UTF_8);
					int at = text.indexOf('{');
					return (text.substring(0, at + 1) + "\"padding\":\"" + "x".repeat(30 << 20) + "\","
							+ text.substring(at + 1))
						.getBytes(StandardCharsets.UTF_8);
				}), new Mutation("million-repeated-keys", Expect.NOTHING_NEW, (b, r) -> {
					String text = new String(b, StandardCharsets.UTF_8);
					int at = text.indexOf('{');
					return (text.substring(0, at + 1) + "\"k\":[1],".repeat(1_000_000) + text.substring(at + 1))
						.getBytes(StandardCharsets.UTF_8);
				}),
				new Mutation("csv-injection-string", Expect.NOTHING_NEW,
						(b, r) -> new String(b, StandardCharsets.UTF_8)
							.replaceFirst("\"[A-Za-z]+\":\"([^\"]*)\"",
									"\"Title\":\"" + INJECTION.replace("'", "'") + "\"")
							.getBytes(StandardCharsets.UTF_8)));
	}

	static List<Mutation> commonMutations() {
		return List.of(
				new Mutation("utf-16", Expect.NOTHING_NEW,
						(b, r) -> concat(new byte[] { (byte) 0xFF, (byte) 0xFE },
								new String(b, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE), "")),
				new Mutation("latin-1", Expect.NOTHING_NEW,
						(b, r) -> new String(b, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1)),
				new Mutation("garbage", Expect.FAIL, (b, r) -> {
					byte[] g = new byte[65_536];
					r.nextBytes(g);
					return g;
				}), new Mutation("empty", Expect.FAIL, (b, r) -> new byte[0]),
				new Mutation("only-bom", Expect.FAIL, (b, r) -> new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }));
	}

	private static byte[] replaceField(byte[] b, int field, String value) {
		String text = new String(b, StandardCharsets.UTF_8);
		String[] lines = text.split("\n", -1);
		// the first data line (after a header or comment lines)
		int index = 1;
		while (index < lines.length - 1 && lines[index].startsWith("#")) {
			index++;
		}
		if (lines[0].startsWith("#") && index < lines.length - 1) {
			index++; // demo: comments, then the header
		}
		String line = lines[index];
		char separator = line.contains(";") ? ';' : line.contains("\t") ? '\t' : ',';
		String[] cells = line.split((separator == '\t') ? "\t" : String.valueOf(separator), -1);
		if (separator == '\t' && field == 1) {
			// Eurostat: the first cell holds the comma-separated keys; change the region
			String[] keys = cells[0].split(",");
			keys[keys.length - 1] = value;
			cells[0] = String.join(",", keys);
		}
		else {
			cells[Math.min(field, cells.length - 1)] = value;
		}
		lines[index] = String.join(String.valueOf(separator), cells);
		return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] replaceFirstNumber(byte[] b, String number) {
		String text = new String(b, StandardCharsets.UTF_8);
		java.util.regex.Matcher m = java.util.regex.Pattern.compile(":(-?[0-9]+\\.?[0-9]*)[,}\\]]").matcher(text);
		if (!m.find()) {
			return b;
		}
		return (text.substring(0, m.start(1)) + number + text.substring(m.end(1))).getBytes(StandardCharsets.UTF_8);
	}

	private static int lineStart(byte[] b, int line) {
		int at = 0;
		for (int i = 0; i < line; i++) {
			int next = indexOf(b, (byte) '\n', at);
			if (next < 0) {
				return at;
			}
			at = next + 1;
		}
		return at;
	}

	private static int indexOf(byte[] b, byte value, int from) {
		for (int i = from; i < b.length; i++) {
			if (b[i] == value) {
				return i;
			}
		}
		return -1;
	}

	private static int lastIndexOf(byte[] b, byte value, int from) {
		for (int i = from; i >= 0; i--) {
			if (b[i] == value) {
				return i;
			}
		}
		return -1;
	}

	private static byte[] insert(byte[] b, int at, String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(b, 0, at);
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
		out.write(b, at, b.length - at);
		return out.toByteArray();
	}

	private static byte[] concat(byte[] a, byte[] b, String tail) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(a);
		out.writeBytes(b);
		out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	private static String abbreviate(String s) {
		return (s.length() > 300) ? s.substring(0, 300) + "..." : s;
	}

}
