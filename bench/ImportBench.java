import java.io.BufferedWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import nl.llomonitor.LloMonitorApplication;
import nl.llomonitor.importer.ImportReport;
import nl.llomonitor.importer.ImportService;
import nl.llomonitor.system.DatabaseConfiguration;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Import throughput and peak heap (issue 12): imports a file through ImportService (one
 * transaction: COPY into a staging table, key check, merge, vintage check) and, in the
 * same run, PostgreSQL's own COPY of exactly the rows the import wrote into a bare table of
 * the same columns (no key, index or constraint) and into the same, emptied observation
 * table. Files: the largest shared file with a mapping (86088NED.csv) and a generated CBS
 * CSV file with 10 million observations (85268NED layout, every region of the region
 * list, years/quarters/months from 1800 on). Run through bench/import.sh.
 */
public class ImportBench {

	/** The columns an import writes, in COPY order. */
	static final String COLUMNS = "indicator_code, region_code, period_code, breakdown_id, import_run_id, recorded_at,"
			+ " value, missing_reason, margin_low, margin_high, status, flags, footnote, source_table";

	public static void main(String[] args) throws Exception {
		Path work = Path.of(args[0]);
		Path shared = Path.of(args[1]);
		long observations = (args.length > 2) ? Long.parseLong(args[2]) : 10_000_000L;
		SpringApplication app = new SpringApplication(LloMonitorApplication.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		// 0: none (the product's default); bench/import.sh passes SEGMENT_CELLS
		long segmentCells = (args.length > 3) ? Long.parseLong(args[3]) : 0;
		try (ConfigurableApplicationContext context = app.run("--llo.import.bootstrap-dir=off", "--llo.import.demo=false",
				"--llo.import.segment-cells=" + segmentCells,
				"--llo.db.embedded.data-dir=" + work.resolve("pgdata"), "--logging.level.root=WARN",
				"--logging.level.nl.llomonitor.importer=DEBUG",
				"--spring.main.banner-mode=off")) {
			watchCollections();
			ImportService importer = context.getBean(ImportService.class);
			DSLContext jdbc = context.getBean(DatabaseConfiguration.JDBC_DSL, DSLContext.class);
			createBareTable(jdbc, work);
			List<String> lines = new ArrayList<>();
			lines.add(run(importer, jdbc, shared.resolve("cbs/86088NED.csv"), work));
			Path big = work.resolve("85268NED_generated_" + observations + ".csv");
			long t = System.nanoTime();
			long rows = generate(big, observations);
			System.out.printf(Locale.ROOT, "generated %s: %,d records, %,d observations, %,d bytes in %.1f s%n", big.getFileName(),
					rows, rows * 7, Files.size(big), (System.nanoTime() - t) / 1e9);
			lines.add(run(importer, jdbc, big, work));
			System.out.println();
			System.out.println("file | records | observations | import s | import obs/s | bare COPY s"
					+ " | COPY into observation s | import/bare COPY | import/observation COPY | peak heap MB (max "
					+ Runtime.getRuntime().maxMemory() / (1 << 20) + ") | heap after a collection MB | after a full one MB");
			lines.forEach(System.out::println);
			String[] real = lines.get(0).split(" \\| ");
			String[] generated = lines.get(1).split(" \\| ");
			String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
			System.out.println("SUMMARY import_vs_bare_copy=" + generated[7] + " import_vs_observation_copy="
					+ generated[8] + " import_s=" + generated[3] + " bare_copy_s=" + generated[5] + " observation_copy_s="
					+ generated[6] + " heap_mb=" + generated[9] + " heap_after_gc_mb=" + generated[10]
					+ " heap_after_full_gc_mb=" + generated[11] + " observations=" + generated[2].replace(",", "")
					+ " shared_import_vs_bare_copy=" + real[7] + " shared_heap_mb=" + real[9] + " segment_cells=" + segmentCells
					+ " load1=" + load);
		}
	}

	/**
	 * A table with the columns of observation that an import writes, and nothing else:
	 * no key, no index, no foreign key, no check, no default. Logged, like observation.
	 * Made as the database owner (the app role may not create tables).
	 */
	static void createBareTable(DSLContext jdbc, Path work) throws Exception {
		Properties credentials = new Properties();
		try (var in = Files.newBufferedReader(work.resolve("db-credentials.properties"))) {
			credentials.load(in);
		}
		int port = jdbc.fetchSingle("select inet_server_port()").get(0, Integer.class);
		admin = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/llo", "postgres",
				credentials.getProperty("postgres"));
		try (Statement statement = admin.createStatement()) {
			statement.execute("create table bench_bare as select " + COLUMNS + " from observation with no data");
			statement.execute("grant select, insert, truncate on bench_bare to llo_app");
		}
	}

	/** The superuser, for CHECKPOINT (the app role may not) and the bare table. */
	static Connection admin;

	static void emptyObservation() throws Exception {
		asOwner("do $$ declare r record; begin for r in select inhrelid::regclass as rel from pg_inherits"
				+ " where inhparent = 'observation'::regclass loop execute format('drop table %s', r.rel); end loop;"
				+ " end $$");
		asOwner("truncate observation");
	}

	static void checkpoint() throws Exception {
		asOwner("checkpoint");
	}

	/**
	 * Runs a statement as the superuser: CHECKPOINT, and emptying observation, which drops
	 * the segments (migration V13) an earlier import left as well (the app role may not
	 * drop tables).
	 */
	static void asOwner(String sql) throws Exception {
		try (Statement statement = admin.createStatement()) {
			statement.execute(sql);
		}
	}

	static String run(ImportService importer, DSLContext jdbc, Path file, Path work) throws Exception {
		emptyObservation();
		checkpoint();
		System.gc();
		resetPeaks();
		long t0 = System.nanoTime();
		// the shared 86088NED.csv is cut off at 10,000 records: allowed, marked incomplete
		ImportReport report = importer.importFile(file, true);
		double importSeconds = (System.nanoTime() - t0) / 1e9;
		long heap = peakHeap();
		long live = afterGc.get();
		long liveFull = afterFullGc.get();
		System.out.printf(Locale.ROOT, "heap: %d MB at the pools' peaks, %d MB at most after a collection, %s after a full one%n",
				heap >> 20, live >> 20, (liveFull < 0) ? "no full collection" : (liveFull >> 20) + " MB at most");
		System.out.printf(Locale.ROOT, "import %s: %s, %,d records, %,d observations written in %.1f s%n",
				file.getFileName(), report.status(), report.rowsRead(), report.rowsInserted(), importSeconds);

		// the same rows, as COPY text, written into the bare table and into an emptied
		// observation table, each in a transaction of its own
		Path copyFile = work.resolve("copy.txt");
		long baselineRun = jdbc.fetchSingle(
				"insert into import_run (format, file_name, checksum, status) values ('copy', 'baseline', '', 'succeeded') returning id")
			.get(0, Long.class);
		jdbc.connection((connection) -> {
			try (OutputStream out = Files.newOutputStream(copyFile)) {
				connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyOut("copy (select " + COLUMNS.replace("import_run_id", baselineRun + "")
							+ " from observation where import_run_id = " + report.id() + ") to stdout", out);
			}
		});
		emptyObservation();
		jdbc.execute("truncate bench_bare");
		checkpoint();
		long t1 = System.nanoTime();
		long bareRows = copyIn(jdbc, "bench_bare", copyFile);
		double bareSeconds = (System.nanoTime() - t1) / 1e9;
		System.out.printf(Locale.ROOT, "COPY of the same %,d rows into a bare table (no index, key or constraint) in %.1f s%n",
				bareRows, bareSeconds);
		jdbc.execute("truncate bench_bare");
		checkpoint();
		long t2 = System.nanoTime();
		long copied = copyIn(jdbc, "observation", copyFile);
		double copySeconds = (System.nanoTime() - t2) / 1e9;
		Files.delete(copyFile);
		System.out.printf(Locale.ROOT, "COPY of the same %,d rows into observation in %.1f s%n", copied, copySeconds);
		return String.format(Locale.ROOT, "%s | %,d | %,d | %.1f | %,.0f | %.1f | %.1f | %.2f | %.2f | %d",
				file.getFileName(), report.rowsRead(), report.rowsInserted(), importSeconds,
				report.rowsInserted() / importSeconds, bareSeconds, copySeconds, importSeconds / bareSeconds,
				importSeconds / copySeconds, heap / (1 << 20)) + " | " + (live >> 20) + " | "
				+ ((liveFull < 0) ? "-" : String.valueOf(liveFull >> 20));
	}

	/** COPY of a file into a table, in one committed transaction. */
	static long copyIn(DSLContext jdbc, String table, Path copyFile) {
		long[] copied = new long[1];
		jdbc.transaction((cfg) -> cfg.dsl().connection((connection) -> {
			try (InputStream in = Files.newInputStream(copyFile)) {
				copied[0] = connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("copy " + table + " (" + COLUMNS + ") from stdin", in);
			}
		}));
		return copied[0];
	}

	/**
	 * A CBS CSV file in the 85268NED layout (7 measures per record) with at least the given
	 * number of observations: every region label of the region list × years, quarters and
	 * months from 1800 on.
	 */
	static long generate(Path file, long observations) throws Exception {
		List<String> labels = new ArrayList<>();
		try (InputStream in = ImportBench.class.getClassLoader().getResourceAsStream("data/regions/regions.csv")) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				int at = line.indexOf("cbs-label=");
				if (at > 0 && !line.startsWith("code;")) {
					String label = line.substring(at + "cbs-label=".length()).split("\\|")[0];
					labels.add(label.startsWith("\"") ? label.substring(1) : label);
				}
			}
		}
		String[] months = { "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
				"oktober", "november", "december" };
		long records = (observations + 6) / 7;
		long written = 0;
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("\uFEFFID;RegioS;Perioden;BeroepsEnNietBeroepsbevolking_1;Beroepsbevolking_2;WerkzameBeroepsbevolking_3;"
					+ "Werknemer_4;Zelfstandige_5;PositieInDeWerkkringOnbekend_6;Beroepsniveau1_7;Beroepsniveau2_8;"
					+ "Beroepsniveau3_9;Beroepsniveau4_10;BeroepsniveauOnbekend_11;WerklozeBeroepsbevolking_12;"
					+ "Werkloosheidspercentage_13;NietBeroepsbevolking_14;BrutoArbeidsparticipatie_15;NettoArbeidsparticipatie_16\n");
			outer: for (int year = 1800; year < 2100; year++) {
				List<String> periods = new ArrayList<>();
				periods.add(String.valueOf(year));
				for (int q = 1; q <= 4; q++) {
					periods.add(year + " " + q + "e kwartaal");
				}
				for (String m : months) {
					periods.add(year + " " + m);
				}
				for (String period : periods) {
					for (String region : labels) {
						if (written >= records) {
							break outer;
						}
						long v = (written * 7919) % 1000;
						out.write(written + ";" + region + ";" + period + ";" + (1000 + v) + ";" + (700 + v) + ";"
								+ (650 + v) + ";1;2;0;1;2;3;4;0;" + (50 + v % 40) + ";" + (v % 100) / 10.0 + ";300;"
								+ (60 + v % 30) + "." + (v % 10) + ";" + (55 + v % 30) + "." + (v % 7) + "\n");
						written++;
					}
				}
			}
		}
		return written;
	}

	static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
		afterGc.set(0);
		afterFullGc.set(-1);
	}

	/**
	 * The largest heap in use just after a collection since {@link #resetPeaks}: after any
	 * collection (an upper bound of what the import keeps alive: dead objects in the old
	 * generation stay until a full one) and after a full collection (what was alive then;
	 * -1 when none ran). The peak of {@link #peakHeap} adds each pool's own peak, reached
	 * at different moments, so it mostly shows how far the collector let the heap fill.
	 */
	static final java.util.concurrent.atomic.AtomicLong afterGc = new java.util.concurrent.atomic.AtomicLong();

	static final java.util.concurrent.atomic.AtomicLong afterFullGc = new java.util.concurrent.atomic.AtomicLong(-1);

	static void watchCollections() {
		java.util.Set<String> heapPools = new java.util.HashSet<>();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				heapPools.add(pool.getName());
			}
		}
		for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			((javax.management.NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
				if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
					.equals(notification.getType())) {
					return;
				}
				var info = com.sun.management.GarbageCollectionNotificationInfo
					.from((javax.management.openmbean.CompositeData) notification.getUserData());
				long used = info.getGcInfo()
					.getMemoryUsageAfterGc()
					.entrySet()
					.stream()
					.filter((e) -> heapPools.contains(e.getKey()))
					.mapToLong((e) -> e.getValue().getUsed())
					.sum();
				afterGc.accumulateAndGet(used, Math::max);
				if (info.getGcAction().contains("major")) {
					afterFullGc.accumulateAndGet(used, Math::max);
				}
			}, null, null);
		}
	}

	static long peakHeap() {
		long total = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				total += pool.getPeakUsage().getUsed();
			}
		}
		return total;
	}


}
