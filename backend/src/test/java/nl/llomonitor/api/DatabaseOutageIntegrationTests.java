package nl.llomonitor.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.llomonitor.system.DataChangeListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app on its own real PostgreSQL, which the test stops and starts again: while it is
 * down the API answers 503 database-unavailable as problem+json within 2.5 s (no hang, no
 * 500); when it is back the API and the LISTEN/NOTIFY listener recover without a restart.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "20s")
class DatabaseOutageIntegrationTests {

	private static Path dataDir;

	private static int port;

	private static EmbeddedPostgres postgres;

	@Autowired
	private WebTestClient client;

	@Autowired
	private DataChangeListener versions;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws IOException {
		dataDir = Files.createTempDirectory("llo-outage");
		postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start();
		port = postgres.getPort();
		registry.add("llo.db.url", () -> "jdbc:postgresql://localhost:" + port + "/postgres");
		registry.add("llo.db.username", () -> "postgres");
		registry.add("llo.db.password", () -> "postgres");
	}

	@AfterAll
	static void stop() throws IOException {
		if (postgres != null) {
			postgres.close();
		}
		FileSystemUtils.deleteRecursively(dataDir);
	}

	@Test
	void outageGives503QuicklyAndTheAppRecoversByItself() throws Exception {
		this.client.get().uri("/api/v1/regions").exchange().expectStatus().isOk();
		postgres.close();
		for (String uri : new String[] { "/api/v1/periods?type=quarter", "/api/v1/geo/provincie?x=1" }) {
			long start = System.nanoTime();
			this.client.get()
				.uri(uri + "&nocache=" + System.nanoTime())
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("/problems/database-unavailable")
				.jsonPath("$.status")
				.isEqualTo(503);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
		}

		postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setPort(port)
			.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		int status = 0;
		while (System.nanoTime() < deadline && status != 200) {
			status = this.client.get()
				.uri("/api/v1/periods?type=quarter&nocache=" + System.nanoTime())
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value();
			Thread.sleep(200);
		}
		assertThat(status).as("API answers again after the database came back").isEqualTo(200);

		// the listener reconnected: a change made now reaches the app
		long bumped;
		try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres",
				"postgres");
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select bump_data_version()")) {
			rs.next();
			bumped = rs.getLong(1);
		}
		deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline && this.versions.currentVersion() < bumped) {
			Thread.sleep(100);
		}
		assertThat(this.versions.currentVersion()).isEqualTo(bumped);
	}

}
