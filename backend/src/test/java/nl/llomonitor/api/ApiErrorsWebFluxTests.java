package nl.llomonitor.api;

import nl.llomonitor.system.DataChangeListener;
import nl.llomonitor.system.DatabaseEndpoint;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Web slice: the error handling renders every failure as problem+json, never with
 * internals.
 */
@WebFluxTest(controllers = ApiErrorsWebFluxTests.FailingController.class)
@Import({ ApiErrorsWebFluxTests.Config.class, ApiErrorsWebFluxTests.FailingController.class,
		ProblemWebExceptionHandler.class })
class ApiErrorsWebFluxTests {

	@Autowired
	private WebTestClient client;

	@Test
	void unexpectedFailureIs500WithoutInternals() {
		String body = this.client.get()
			.uri("/api/v1/test/fail")
			.exchange()
			.expectStatus()
			.isEqualTo(500)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("\"type\":\"/problems/internal-error\"").contains("\"status\":500");
		assertThat(body).doesNotContain("secret").doesNotContain("IllegalStateException").doesNotContain("at nl.");
	}

	@Test
	void databaseConnectionFailureIs503() {
		this.client.get()
			.uri("/api/v1/test/db")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals("Retry-After", "5")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/database-unavailable");
	}

	@Test
	void missingRequiredParameterIs400NamingIt() {
		WebAnswers.invalidParameter(this.client.get().uri("/api/v1/test/required").exchange(), "name");
	}

	@Test
	void unknownPathIs404Problem() {
		this.client.get()
			.uri("/nowhere")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/not-found");
	}

	@RestController
	static class FailingController {

		@GetMapping("/api/v1/test/fail")
		Mono<String> fail() {
			return Mono.error(new IllegalStateException("secret internals"));
		}

		@GetMapping("/api/v1/test/db")
		Mono<String> database() {
			return Mono.error(new io.r2dbc.spi.R2dbcNonTransientResourceException(
					"Connection refused: localhost/127.0.0.1:5432"));
		}

		@GetMapping("/api/v1/test/required")
		Mono<String> required(@RequestParam String name) {
			return Mono.just(name);
		}

	}

	@TestConfiguration
	static class Config {

		@Bean
		DataChangeListener dataChangeListener() {
			// nothing listens on port 9: the version stays unknown, so nothing is cached
			return new DataChangeListener(new DatabaseEndpoint("127.0.0.1", 9, "none", "none", "none"));
		}

	}

}
