package nl.llomonitor.reliability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import nl.llomonitor.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Caches and ETags follow the database's version, also when it goes backwards: the store
 * loses its last import (as a restore from a backup, or a crash without durable commits,
 * would do) and the listener's connection breaks. The app then serves what the database
 * holds, never the lost value from its cache or as a 304; and the next import, which
 * reaches the lost version number again, gets a new ETag.
 */
class DataVersionIntegrationTests {

	private static final String SERIES = "/api/v1/series?indicator=netto_arbeidsparticipatie&regions=NL01"
			+ "&periodType=year&from=2024JJ00&to=2024JJ00";

	@RegisterExtension
	final AppsOnOneDatabase apps = new AppsOnOneDatabase("llo_version");

	private ConfigurableApplicationContext app;

	@Test
	void versionGoingBackwardsDropsCachesAndETags() throws Exception {
		this.app = this.apps.start("--llo.import.demo=false");
		WebClient client = Apps.client(this.app);
		assertThat(importValue(client, "73.2")).contains("\"status\":\"succeeded\"");
		ResponseEntity<String> first = get(client, null);
		assertThat(first.getBody()).contains("\"value\":73.2");
		String[] saved = versionRow();

		assertThat(importValue(client, "80.0")).contains("\"status\":\"succeeded\"");
		ResponseEntity<String> lost = get(client, null);
		assertThat(lost.getBody()).contains("\"value\":80.0");
		assertThat(get(client, null).getHeaders().getFirst("X-Cache")).isEqualTo("hit");
		String lostTag = lost.getHeaders().getETag();

		// the store goes back to its state before the second import, and the listener's
		// connection breaks, as in a crash and restart of PostgreSQL
		try (Connection c = connect(); Statement s = c.createStatement()) {
			s.execute("delete from observation where import_run_id = (select max(id) from import_run)");
			s.execute("delete from import_run where id = (select max(id) from import_run)");
			s.execute("update data_version set version = " + saved[0] + ", changed_at = '" + saved[1] + "'");
			s.execute("select pg_terminate_backend(pid) from pg_stat_activity"
					+ " where application_name = 'llo-monitor-listener' and datname = current_database()");
		}
		Apps.waitUntil(() -> get(client, null).getBody().contains("\"value\":73.2"), Duration.ofSeconds(15));
		ResponseEntity<String> revalidated = get(client, lostTag);
		assertThat(revalidated.getStatusCode().value()).isEqualTo(200);
		assertThat(revalidated.getBody()).contains("\"value\":73.2");
		assertThat(revalidated.getHeaders().getETag()).isEqualTo(first.getHeaders().getETag());

		// the next import reaches the lost version number again, with other data
		assertThat(importValue(client, "81.5")).contains("\"status\":\"succeeded\"");
		Apps.waitUntil(() -> get(client, null).getBody().contains("\"value\":81.5"), Duration.ofSeconds(10));
		ResponseEntity<String> after = get(client, lostTag);
		assertThat(after.getStatusCode().value()).isEqualTo(200);
		assertThat(after.getHeaders().getETag()).isNotEqualTo(lostTag);
		assertThat(versionRow()[0]).isEqualTo(String.valueOf(Long.parseLong(saved[0]) + 1));
	}

	private static ResponseEntity<String> get(WebClient client, String ifNoneMatch) {
		return client.get().uri(SERIES).headers((h) -> {
			if (ifNoneMatch != null) {
				h.set(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
			}
		}).exchangeToMono((r) -> r.toEntity(String.class)).block(Duration.ofSeconds(30));
	}

	static String importValue(WebClient client, String value) throws Exception {
		return uploadValue(client, value).exchangeToMono((r) -> r.bodyToMono(String.class))
			.block(Duration.ofSeconds(120));
	}

	/**
	 * @param client the app
	 * @param value a new figure for Nederland 2024 in 85268NED.csv (net participation)
	 * @return the upload, ready to send
	 */
	static WebClient.RequestHeadersSpec<?> uploadValue(WebClient client, String value) throws Exception {
		List<String> lines = new ArrayList<>(
				Files.readAllLines(SharedData.file("cbs/85268NED.csv"), StandardCharsets.UTF_8));
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(";Nederland;2024;")) {
				String row = lines.get(i);
				lines.set(i, row.substring(0, row.lastIndexOf(';') + 1) + value);
			}
		}
		byte[] file = (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
		return Apps.upload(client, "85268NED.csv", file);
	}

	private String[] versionRow() throws SQLException {
		try (Connection c = connect();
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select version, changed_at::text from data_version")) {
			rs.next();
			return new String[] { rs.getString(1), rs.getString(2) };
		}
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.apps.database().jdbcUrl(), this.apps.database().username(),
				this.apps.database().password());
	}

}
