package nl.llomonitor.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limit of 600 periods per request also holds when {@code from} and {@code to} are
 * omitted: a series of 800 quarters is refused with {@code range-too-wide}, not sent
 * whole; with a range inside the limit it is served.
 */
class PeriodLimitIntegrationTests {

	private static final String SERIES = "/api/v1/series?indicator=netto_arbeidsparticipatie&regions=NL01"
			+ "&periodType=quarter";

	@TempDir
	Path temp;

	@RegisterExtension
	final AppsOnOneDatabase apps = new AppsOnOneDatabase("llo_periods");

	private ConfigurableApplicationContext app;

	@Test
	void omittedFromAndToDoNotLiftTheLimit() throws Exception {
		this.app = this.apps.start("--llo.import.demo=false");
		WebClient client = Apps.client(this.app);
		Path file = this.temp.resolve(BigCbsFile.NAME);
		BigCbsFile.write(file, 1800, 1999, 1);
		assertThat(Apps.upload(client, BigCbsFile.NAME, Files.readAllBytes(file))
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(120))).contains("\"status\":\"succeeded\"");

		for (String uri : new String[] { SERIES, SERIES + "&from=1800KW01", SERIES + "&to=1999KW04" }) {
			ResponseEntity<String> all = get(client, uri);
			assertThat(all.getStatusCode().value()).as(uri).isEqualTo(400);
			assertThat(all.getBody()).contains("/problems/range-too-wide").contains("spans 800");
		}
		ResponseEntity<String> century = get(client, SERIES + "&from=1900KW01&to=1999KW04");
		assertThat(century.getStatusCode().value()).isEqualTo(200);
		assertThat(century.getBody()).contains("1999KW04");
	}

	private static ResponseEntity<String> get(WebClient client, String uri) {
		return client.get().uri(uri).exchangeToMono((r) -> r.toEntity(String.class)).block(Duration.ofSeconds(30));
	}

}
