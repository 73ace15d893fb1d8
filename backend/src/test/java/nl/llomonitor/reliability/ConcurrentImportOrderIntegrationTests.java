package nl.llomonitor.reliability;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.llomonitor.system.DatabaseEndpoint;
import nl.llomonitor.system.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two imports of the same cell, started at the same moment through two instances: the
 * current value is the one of the import that committed last (the higher data version,
 * bumped inside each import's transaction under the import lock), whatever the order the
 * requests arrived in. Repeated 20 times.
 */
class ConcurrentImportOrderIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(ConcurrentImportOrderIntegrationTests.class);

	private static final String SERIES = "/api/v1/series?indicator=netto_arbeidsparticipatie&regions=NL01"
			+ "&periodType=year&from=2024JJ00&to=2024JJ00";

	private static final Pattern VERSION = Pattern.compile("\"dataVersion\":(\\d+)");

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	private DatabaseEndpoint database;

	@AfterEach
	void stop() throws SQLException {
		if (this.b != null) {
			this.b.close();
		}
		if (this.a != null) {
			this.a.close();
		}
		TestDatabase.dropDatabase(this.database);
	}

	@Test
	void theLastCommitIsTheCurrentValue() throws Exception {
		this.database = TestDatabase.createDatabase("llo_order_" + ProcessHandle.current().pid());
		String[] args = { "--llo.import.demo=false", "--llo.admin.rate-limit.burst=40",
				"--llo.admin.rate-limit.per-minute=60" };
		this.a = Apps.on(this.database, args);
		this.b = Apps.on(this.database, args);
		WebClient clientA = Apps.client(this.a);
		WebClient clientB = Apps.client(this.b);
		int secondWon = 0;
		for (int round = 0; round < 20; round++) {
			String valueA = "6" + (round / 10) + "." + (round % 10);
			String valueB = "7" + (round / 10) + "." + (round % 10);
			WebClient.RequestHeadersSpec<?> uploadA = DataVersionIntegrationTests.uploadValue(clientA, valueA);
			WebClient.RequestHeadersSpec<?> uploadB = DataVersionIntegrationTests.uploadValue(clientB, valueB);
			CompletableFuture<String> first = uploadA.retrieve().bodyToMono(String.class).toFuture();
			CompletableFuture<String> second = uploadB.retrieve().bodyToMono(String.class).toFuture();
			long versionA = version(first.get());
			long versionB = version(second.get());
			String last = (versionA > versionB) ? valueA : valueB;
			secondWon += (versionB > versionA) ? 1 : 0;
			for (WebClient client : new WebClient[] { clientA, clientB }) {
				Apps.waitUntil(() -> client.get()
					.uri(SERIES)
					.retrieve()
					.bodyToMono(String.class)
					.block(Duration.ofSeconds(10))
					.contains("\"value\":" + last + ","), Duration.ofSeconds(10));
			}
		}
		logger.info("ORDER 20 of 20 concurrent pairs: current value = last commit ({} times the B request won)",
				secondWon);
	}

	private static long version(String report) {
		assertThat(report).contains("\"status\":\"succeeded\"");
		Matcher m = VERSION.matcher(report);
		assertThat(m.find()).as(report).isTrue();
		return Long.parseLong(m.group(1));
	}

}
