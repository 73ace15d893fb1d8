package nl.llomonitor.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import nl.llomonitor.system.TestDatabaseConfiguration;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overload is not an outage. With a request pool of two connections and a short wait for
 * it, 256 concurrent uncached requests get 200 or 503 {@code overloaded} with
 * {@code Retry-After}, never {@code database-unavailable}; and a flood of health requests
 * at the same time is answered UP throughout, since health runs on a pool of its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "llo.db.pool=2", "llo.db.acquire-timeout=100ms", "llo.import.bootstrap-dir=off" })
@Import(TestDatabaseConfiguration.class)
class OverloadIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(OverloadIntegrationTests.class);

	@LocalServerPort
	int port;

	@Test
	void overloadIsNotAnOutageAndHealthStaysUp() {
		// client connections idle for less than the server's idle timeout, as a browser's
		ConnectionProvider connections = ConnectionProvider.builder("overload")
			.maxConnections(400)
			.maxIdleTime(Duration.ofSeconds(5))
			.build();
		WebClient client = WebClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)))
			.build();
		String series = "/api/v1/series?indicator=netto_arbeidsparticipatie&regions=NL01,PV26,GM0344&periodType=year";
		// before the flood: the service answers (a request may wait longer than the short
		// acquire timeout on a busy machine, so a few tries)
		assertThat(answersWithin(client, series, "nl")).isEqualTo(200);
		// every request a cache miss: its own Accept-Language
		Mono<List<Answer>> api = Flux.range(0, 2000)
			.flatMap((i) -> client.get()
				.uri(series)
				.header(HttpHeaders.ACCEPT_LANGUAGE, "nl;q=0." + (100 + i))
				.exchangeToMono((r) -> r.bodyToMono(String.class)
					.defaultIfEmpty("")
					.map((body) -> new Answer(r.statusCode().value(), body,
							r.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER)))),
					256)
			.collectList();
		Mono<List<Answer>> health = Flux.range(0, 3000)
			.flatMap((i) -> client.get()
				.uri((i % 2 == 0) ? "/actuator/health" : "/actuator/health/readiness")
				.exchangeToMono((r) -> r.bodyToMono(String.class)
					.map((body) -> new Answer(r.statusCode().value(), body, null))), 64)
			.collectList();
		List<List<Answer>> both = Mono.zip(api, health)
			.map((t) -> List.of(t.getT1(), t.getT2()))
			.block(Duration.ofMinutes(3));
		Map<String, Long> apiOutcomes = both.get(0)
			.stream()
			.collect(Collectors.groupingBy(Answer::kind, Collectors.counting()));
		Map<String, Long> healthOutcomes = both.get(1)
			.stream()
			.collect(Collectors.groupingBy(Answer::kind, Collectors.counting()));
		logger.info("OVERLOAD api={} health={}", apiOutcomes, healthOutcomes);
		// how many of the flood get through depends on the machine's speed; what may not
		// happen is any other answer than 200 or 503 overloaded
		assertThat(apiOutcomes.keySet()).isSubsetOf(List.of("200", "503 overloaded"));
		assertThat(apiOutcomes).containsKey("503 overloaded");
		assertThat(both.get(0)).filteredOn((a) -> a.status == 503)
			.allSatisfy((a) -> assertThat(a.retryAfter).isNotNull());
		assertThat(healthOutcomes).containsOnlyKeys("200 UP");
		assertThat(both.get(1)).allSatisfy((a) -> assertThat(a.body).isEqualTo("{\"status\":\"UP\"}"));
		// after the flood: the service recovers without a restart (a cache miss again)
		assertThat(answersWithin(client, series, "en")).isEqualTo(200);
	}

	/**
	 * @return the status of the first 200 within ten tries half a second apart, or the
	 * last status
	 */
	private static int answersWithin(WebClient client, String uri, String language) {
		int status = 0;
		for (int i = 0; i < 10 && status != 200; i++) {
			if (i > 0) {
				Mono.delay(Duration.ofMillis(500)).block();
			}
			status = client.get()
				.uri(uri)
				.header(HttpHeaders.ACCEPT_LANGUAGE, language)
				.exchangeToMono((r) -> r.releaseBody().thenReturn(r.statusCode().value()))
				.block(Duration.ofSeconds(30));
		}
		return status;
	}

	record Answer(int status, String body, String retryAfter) {

		String kind() {
			if (this.status == 200) {
				return this.body.startsWith("{\"status\":\"UP\"") ? "200 UP" : "200";
			}
			int i = this.body.indexOf("/problems/");
			return this.status + ((i < 0) ? "" : " " + this.body.substring(i + 10, this.body.indexOf('"', i)));
		}

	}

}
