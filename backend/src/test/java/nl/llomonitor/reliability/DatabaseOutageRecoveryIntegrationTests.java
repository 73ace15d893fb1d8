package nl.llomonitor.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.llomonitor.importer.ImportException;
import nl.llomonitor.importer.ImportReport;
import nl.llomonitor.importer.ImportService;
import nl.llomonitor.system.DataChangeListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app on its own embedded PostgreSQL (fixed data directory and port, so it can be
 * stopped and started again), under load, with a large import running. PostgreSQL is
 * stopped: the API answers 503 problem+json {@code database-unavailable} within 2 s
 * (never a 500, never a stack trace), health reports DOWN, and the import fails and rolls
 * back whole. PostgreSQL comes back: the app recovers by itself (200, health UP, the
 * LISTEN/NOTIFY listener re-subscribed), and the retried import succeeds. Then the
 * database flaps (short outages in a row): still never a 500.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DatabaseOutageRecoveryIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseOutageRecoveryIntegrationTests.class);

	private static Path dataDir;

	private static int pgPort;

	private static volatile EmbeddedPostgres postgres;

	@LocalServerPort
	private int port;

	@Autowired
	private ImportService importer;

	@Autowired
	private DataChangeListener versions;

	@TempDir
	Path temp;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws IOException {
		dataDir = Files.createTempDirectory("llo-outage-pg");
		try (ServerSocket socket = new ServerSocket(0)) {
			pgPort = socket.getLocalPort();
		}
		postgres = start();
		registry.add("llo.db.url", () -> "jdbc:postgresql://localhost:" + pgPort + "/postgres");
		registry.add("llo.db.username", () -> "postgres");
		registry.add("llo.db.password", () -> "postgres");
	}

	private static EmbeddedPostgres start() throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setPort(pgPort)
			.start();
	}

	@AfterAll
	static void stop() throws IOException {
		if (postgres != null) {
			postgres.close();
			postgres = null;
		}
		FileSystemUtils.deleteRecursively(dataDir);
	}

	@Test
	void outageUnderLoadGives503ThenRecoversByItself() throws Exception {
		assertThat(get("/api/v1/indicators").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
		Path file = Files.createDirectories(this.temp.resolve("big")).resolve(BigCbsFile.NAME);
		long rows = BigCbsFile.write(file, 1700, 1899, 1);

		Load load = new Load();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			threads.add(Thread.ofPlatform().name("load-" + i).start(() -> load.run(this::get)));
		}
		CompletableFuture<Object> importRun = CompletableFuture.supplyAsync(() -> {
			try {
				return this.importer.importFile(file);
			}
			catch (RuntimeException ex) {
				return ex;
			}
		});
		// wait until the import writes (COPY into its staging table), then stop
		// PostgreSQL
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (!importRun.isDone() && count(
				"select count(*) from pg_stat_activity where pid <> pg_backend_pid() and query ilike '%copy%' and state = 'active'") == 0) {
			assertThat(System.nanoTime()).as("import started writing").isLessThan(deadline);
			Thread.sleep(20);
		}
		assertThat(importRun).as("the import is still running at the outage").isNotDone();
		load.phase.set("outage");
		long outageStart = System.nanoTime();
		postgres.close();
		postgres = null;

		// during the outage: 503 problem+json within 2 s, health DOWN
		Thread.sleep(500);
		for (String path : List.of("/api/v1/series?indicator=netto_arbeidsparticipatie&regions=PV26,PV21&x=",
				"/api/v1/compare?indicator=werkloosheidspercentage&regions=PV26,PV21&x=", "/api/v1/kerncijfers/PV26?x=",
				"/api/v1/trend?indicator=werkloosheidspercentage&region=PV26&x=", "/api/v1/periods?type=quarter&x=",
				"/api/v1/geo/provincie?x=")) {
			long start = System.nanoTime();
			HttpResponse<String> response = get(path + System.nanoTime());
			long ms = (System.nanoTime() - start) / 1_000_000;
			assertThat(response.statusCode()).as(path).isEqualTo(503);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(response.body()).contains("\"type\":\"/problems/database-unavailable\"")
				.doesNotContain("Exception")
				.doesNotContain("\tat ");
			assertThat(ms).as("%s answered in %d ms", path, ms).isLessThan(2_000);
		}
		// health is cached for a second: it reads DOWN within that
		waitUntil(() -> get("/actuator/health").statusCode() == 503, 3);
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(503);
		assertThat(health.body()).contains("\"status\":\"DOWN\"");
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).as("readiness: " + readiness.body()).isEqualTo(503);

		// the import fails (no hang) and leaves nothing behind
		Object outcome = importRun.get(60, TimeUnit.SECONDS);
		assertThat(outcome).as("the import fails during the outage").isInstanceOf(RuntimeException.class);
		assertThat(outcome).as("a database failure is not blamed on the file").isNotInstanceOf(ImportException.class);
		Thread.sleep(Math.max(0, 3_000 - (System.nanoTime() - outageStart) / 1_000_000));

		// PostgreSQL comes back: the app recovers without a restart
		load.phase.set("recovery");
		postgres = start();
		long back = System.nanoTime();
		waitUntil(() -> get("/api/v1/series?indicator=netto_arbeidsparticipatie&regions=PV26&x=" + System.nanoTime())
			.statusCode() == 200, 30);
		long recoveredMs = (System.nanoTime() - back) / 1_000_000;
		waitUntil(() -> get("/actuator/health").statusCode() == 200, 30);
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		// the listener re-subscribed: a notification sent now reaches the app
		long version = count("select bump_data_version()");
		waitUntil(() -> this.versions.currentVersion() >= version, 30);
		load.phase.set("after");
		Thread.sleep(1_000);

		// a flapping database: short outages one after another, the load running on
		// (each request misses the response cache, so every one reaches the pool)
		for (int cycle = 0; cycle < 4; cycle++) {
			load.phase.set("flapping");
			postgres.close();
			postgres = null;
			Thread.sleep(600 + 300 * cycle);
			postgres = start();
			Thread.sleep(1_200);
		}
		load.phase.set("settled");
		waitUntil(
				() -> get("/api/v1/compare?indicator=werkloosheidspercentage&regions=PV26,PV21&x=" + System.nanoTime())
					.statusCode() == 200,
				30);
		load.stop.set(true);
		for (Thread t : threads) {
			t.join(10_000);
		}

		// the interrupted import rolled back whole; the retry succeeds
		assertThat(count("select count(*) from observation where period_code < '1900'")).isZero();
		assertThat(count("select count(*) from import_run where status = 'running'")).isZero();
		// the import pool reconnects in the background: the first import after the
		// outage may find no connection yet (then it fails whole, writing nothing)
		java.util.concurrent.atomic.AtomicReference<ImportReport> retried = new java.util.concurrent.atomic.AtomicReference<>();
		waitUntil(() -> {
			try {
				retried.set(this.importer.importFile(file));
				return true;
			}
			catch (RuntimeException ex) {
				return false;
			}
		}, 30);
		ImportReport retry = retried.get();
		assertThat(retry.status()).isEqualTo("succeeded");
		assertThat(count("select count(*) from observation where period_code < '1900'"))
			.isEqualTo(retry.rowsInserted());
		assertThat(count("select count(distinct import_run_id) from observation where period_code < '1900'"))
			.isEqualTo(1);

		logger.info(
				"OUTAGE requests={} statuses={} max_ms={} max_ms_during_outage={} non_503_5xx={} recovered_after_ms={} import_rows={} rows_lost=0",
				load.requests.get(), load.statuses, load.maxMs.get(), load.maxOutageMs.get(), load.bad.size(),
				recoveredMs, rows);
		assertThat(load.bad).as("5xx other than 503 database-unavailable, or slow answers").isEmpty();
		assertThat(load.statuses).containsKey("outage 503");
		assertThat(load.maxOutageMs.get()).as("slowest answer during the outage").isLessThan(2_000);
	}

	/** A few clients requesting database-backed endpoints in a loop (bounded). */
	static final class Load {

		final AtomicBoolean stop = new AtomicBoolean();

		final java.util.concurrent.atomic.AtomicReference<String> phase = new java.util.concurrent.atomic.AtomicReference<>(
				"before");

		final Map<String, Integer> statuses = new ConcurrentHashMap<>();

		final List<String> bad = Collections.synchronizedList(new ArrayList<>());

		final AtomicLong requests = new AtomicLong();

		/** Makes every request miss the response cache, so that it reaches the pool. */
		final AtomicLong unique = new AtomicLong();

		final AtomicLong maxMs = new AtomicLong();

		final AtomicLong maxOutageMs = new AtomicLong();

		interface Getter {

			HttpResponse<String> get(String path) throws Exception;

		}

		void run(Getter getter) {
			List<String> paths = List.of("/api/v1/series?indicator=netto_arbeidsparticipatie&regions=PV26,PV21,NL01",
					"/api/v1/compare?indicator=werkloosheidspercentage&regions=PV26,PV21", "/api/v1/kerncijfers/PV26",
					"/api/v1/map?indicator=werkloosheidspercentage&level=provincie", "/api/v1/regions",
					"/api/v1/indicators");
			long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
			for (int i = 0; !this.stop.get() && System.nanoTime() < end && i < 100_000; i++) {
				String path = paths.get(i % paths.size());
				String phase = this.phase.get();
				long start = System.nanoTime();
				try {
					HttpResponse<String> response = getter
						.get(path + (path.contains("?") ? "&" : "?") + "n=" + this.unique.incrementAndGet());
					long ms = (System.nanoTime() - start) / 1_000_000;
					this.requests.incrementAndGet();
					this.maxMs.accumulateAndGet(ms, Math::max);
					if (phase.equals("outage")) {
						this.maxOutageMs.accumulateAndGet(ms, Math::max);
					}
					int status = response.statusCode();
					this.statuses.merge(phase + " " + status, 1, Integer::sum);
					if (status >= 500
							&& !(status == 503 && response.body().contains("/problems/database-unavailable"))) {
						this.bad.add(phase + " " + status + " " + path + " " + response.body());
					}
					// while the database is away no answer may hang past 2 s; otherwise
					// (warm-up, a large import running, reconnecting) 10 s marks a hang
					boolean away = phase.equals("outage") || phase.equals("flapping");
					if (ms >= (away ? 2_000 : 10_000)) {
						this.bad.add(phase + " slow " + ms + " ms " + path);
					}
				}
				catch (Exception ex) {
					this.bad.add(phase + " " + path + " " + ex);
				}
			}
		}

	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(5))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static long count(String sql) throws SQLException {
		try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres",
				"postgres", "postgres"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static void waitUntil(KilledImportIntegrationTests.Check check, int seconds) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (!check.ok()) {
			assertThat(System.nanoTime()).as("condition within %d s", seconds).isLessThan(deadline);
			Thread.sleep(100);
		}
	}

}
