package nl.llomonitor.reliability;

import nl.llomonitor.system.TestDatabaseConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin and import endpoints over real HTTP: 401 without a token, 403 with a wrong
 * one, and 429 problem+json once the client's token bucket is empty (guessing included).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "llo.admin.token=reliability-test-token", "llo.admin.rate-limit.burst=6",
				"llo.admin.rate-limit.per-minute=1" })
@AutoConfigureWebTestClient
@Import(TestDatabaseConfiguration.class)
class AdminAccessIntegrationTests {

	private static final String IMPORTS = "/api/admin/imports";

	@Autowired
	private WebTestClient client;

	@Test
	void tokenIsRequiredAndGuessingIsRateLimited() {
		problem(this.client.post().uri(IMPORTS).exchange(), 401, "unauthorized");
		problem(this.client.post().uri(IMPORTS).header(HttpHeaders.AUTHORIZATION, "Bearer wrong").exchange(), 403,
				"forbidden");
		problem(this.client.get().uri(IMPORTS).header(HttpHeaders.AUTHORIZATION, "Bearer ").exchange(), 401,
				"unauthorized");
		problem(this.client.post()
			.uri("/api/admin/anything-else")
			.header(HttpHeaders.AUTHORIZATION, "Bearer reliability-test-token-x")
			.exchange(), 403, "forbidden");
		// the right token gets past the guard (whatever the endpoint then says about the
		// empty body)
		int status = this.client.post()
			.uri(IMPORTS)
			.header(HttpHeaders.AUTHORIZATION, "Bearer reliability-test-token")
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
		assertThat(status).isNotIn(401, 403, 429).isLessThan(500);
		// failed guesses and anonymous requests do not use up the admin's own bucket; the
		// admin's requests do: burst of 6, refill 1 per minute
		for (int i = 0; i < 5; i++) {
			this.client.post()
				.uri(IMPORTS)
				.header(HttpHeaders.AUTHORIZATION, "Bearer reliability-test-token")
				.exchange()
				.expectStatus()
				.value((s) -> assertThat(s).isNotIn(401, 403, 429));
		}
		WebTestClient.ResponseSpec limited = this.client.post()
			.uri(IMPORTS)
			.header(HttpHeaders.AUTHORIZATION, "Bearer reliability-test-token")
			.exchange();
		limited.expectHeader().value(HttpHeaders.RETRY_AFTER, (v) -> assertThat(Integer.parseInt(v)).isPositive());
		problem(limited, 429, "rate-limited");
		// the public API is not affected by the admin bucket
		this.client.get().uri("/api/v1/indicators").exchange().expectStatus().isOk();
	}

	private static void problem(WebTestClient.ResponseSpec response, int status, String slug) {
		response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/" + slug)
			.jsonPath("$.status")
			.isEqualTo(status);
	}

}
