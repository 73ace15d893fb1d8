package nl.llomonitor.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import nl.llomonitor.importer.store.ImportLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports cannot wedge. A transaction that holds the import lock and sits idle (what a
 * cancelled import used to leave behind) is reproduced with a connection of the test;
 * meanwhile imports through two instances wait for the lock at most the lock timeout and
 * fail with 503 {@code import-busy} (recorded in {@code import_run}), a request whose
 * client gives up while it is queued is cancelled before it starts and leaves no
 * temporary file, one whose client gives up while it waits for the lock is not
 * interrupted and records its outcome, the stuck transaction shows in
 * {@code /api/admin/imports} and in the {@code imports} health component, and readiness
 * stays UP. Once the lock is free, the next import on the other instance completes.
 */
class ImportWedgeIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(ImportWedgeIntegrationTests.class);

	@RegisterExtension
	final AppsOnOneDatabase apps = new AppsOnOneDatabase("llo_wedge");

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	@Test
	void importsNeverWaitForEverAndCancelCleanly() throws Exception {
		String[] args = { "--llo.import.demo=false", "--llo.import.lock-timeout=3s", "--llo.import.stuck-idle=1s" };
		this.a = this.apps.start(args);
		this.b = this.apps.start(args);
		WebClient clientA = Apps.client(this.a);
		WebClient clientB = Apps.client(this.b);
		long uploadsBefore = uploads();

		try (Connection stuck = connect(); Statement s = stuck.createStatement()) {
			stuck.setAutoCommit(false);
			s.execute("select pg_advisory_xact_lock(" + ImportLock.KEY + ")");
			// idle in transaction, holding the lock: a wedged import
			Thread.sleep(1500);

			// A: the first import waits for the lock on A's import thread; the second
			// waits in A's queue and its client gives up
			CompletableFuture<ResponseEntity<String>> waiting = upload(clientA, "81.1");
			Apps.waitUntil(() -> running(clientA), Duration.ofSeconds(10));
			CompletableFuture<ResponseEntity<String>> givenUp = upload(clientA, "81.2");
			Apps.waitUntil(() -> state(clientA).contains("\"queued\":1"), Duration.ofSeconds(10));
			givenUp.cancel(true);
			Apps.waitUntil(() -> state(clientA).contains("cancelled before it started"), Duration.ofSeconds(10));
			// the client of the import that waits for the lock gives up too: the import
			// is
			// not interrupted (that left a COPY half-done in an open transaction); it
			// ends
			// by itself at the lock timeout and records its failure
			waiting.cancel(true);

			// the stuck transaction is visible, and readiness is not affected
			String state = state(clientA);
			assertThat(state).contains("\"holds_lock\":true").contains("\"stuck\":true");
			assertThat(health(clientA, "/actuator/health/readiness")).contains("\"status\":\"UP\"");
			assertThat(component(health(clientA, "/actuator/health"), "imports")).isEqualTo("DOWN");
			// the public answer gives the status alone
			assertThat(clientA.get().uri("/actuator/health").exchangeToMono((r) -> r.bodyToMono(String.class)).block())
				.doesNotContain("imports")
				.contains("\"status\"");

			// B: waits at most the lock timeout, then a clear 503
			long t0 = System.nanoTime();
			ResponseEntity<String> busy = upload(clientB, "81.3").get();
			long waitedMs = (System.nanoTime() - t0) / 1_000_000;
			assertThat(busy.getStatusCode().value()).isEqualTo(503);
			assertThat(busy.getBody()).contains("/problems/import-busy");
			assertThat(busy.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotNull();
			assertThat(waitedMs).isBetween(2_500L, 15_000L);
			Apps.waitUntil(() -> state(clientA).contains("failed: Import of 85268NED.csv waited"),
					Duration.ofSeconds(10));
			assertThat(count("select count(*) from import_run where status = 'failed' and error like '%gave up%'"))
				.isEqualTo(2);
			logger.info("WEDGE lock held idle; import on B gave up after {} ms with 503 import-busy", waitedMs);
			stuck.rollback();
		}

		// the lock is free: the next import on either instance completes
		ResponseEntity<String> next = upload(clientB, "81.4").get();
		assertThat(next.getStatusCode().value()).as(next.getBody()).isEqualTo(200);
		assertThat(next.getBody()).contains("\"status\":\"succeeded\"");
		assertThat(upload(clientA, "81.5").get().getBody()).contains("\"status\":\"succeeded\"");
		// every upload's temporary folder is gone
		Apps.waitUntil(() -> uploads() <= uploadsBefore, Duration.ofSeconds(10));
		Apps.waitUntil(() -> "UP".equals(component(health(clientA, "/actuator/health"), "imports")),
				Duration.ofSeconds(5));
		assertThat(state(clientA)).contains("\"history\"").contains("\"status\":\"failed\"");
	}

	private static CompletableFuture<ResponseEntity<String>> upload(WebClient client, String value) throws Exception {
		return DataVersionIntegrationTests.uploadValue(client, value)
			.exchangeToMono((r) -> r.toEntity(String.class))
			.toFuture();
	}

	private static String component(String health, String name) {
		return tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(health)
			.path("components")
			.path(name)
			.path("status")
			.asString();
	}

	private static boolean running(WebClient client) {
		return state(client).contains("\"state\":\"running\"");
	}

	private static String state(WebClient client) {
		return client.get()
			.uri("/api/admin/imports")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + Apps.TOKEN)
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(10));
	}

	private static String health(WebClient client, String path) {
		return client.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + Apps.TOKEN)
			.exchangeToMono((r) -> r.bodyToMono(String.class))
			.block(Duration.ofSeconds(10));
	}

	private static long uploads() throws Exception {
		try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			List<Path> list = dirs.filter((p) -> p.getFileName().toString().startsWith("llo-upload")).toList();
			return list.size();
		}
	}

	private long count(String sql) throws SQLException {
		try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.apps.database().jdbcUrl(), this.apps.database().username(),
				this.apps.database().password());
	}

}
