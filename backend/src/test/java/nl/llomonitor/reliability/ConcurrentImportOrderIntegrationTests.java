package nl.llomonitor.reliability;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

	@RegisterExtension
	final AppsOnOneDatabase apps = new AppsOnOneDatabase("llo_order");

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	@Test
	void theLastCommitIsTheCurrentValue() throws Exception {
		String[] args = { "--llo.import.demo=false", "--llo.admin.rate-limit.burst=40",
				"--llo.admin.rate-limit.per-minute=60" };
		this.a = this.apps.start(args);
		this.b = this.apps.start(args);
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
