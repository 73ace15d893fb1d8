package nl.llomonitor.api;

import java.time.Duration;
import java.util.Map;

import nl.llomonitor.system.DataChange;
import nl.llomonitor.system.DataChangeListener;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.willReturn;

/**
 * Web slices of the controllers of the api package: the server-sent events of data
 * changes (docs/api.md, {@code events}) and the explanation served at each problem type
 * URI.
 */
@WebFluxTest(controllers = { EventsController.class, ProblemsController.class })
@Import(WebSliceTestConfiguration.class)
class ApiControllersWebFluxTests {

	private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Long>>> EVENT = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private WebTestClient client;

	@MockitoSpyBean
	private DataChangeListener versions;

	@Test
	void eventsSayHelloWithTheVersionThenEachChangeAndEndWhenTheAppStops() {
		Sinks.Many<DataChange> changes = Sinks.many().multicast().directBestEffort();
		Sinks.One<Boolean> stopping = Sinks.one();
		willReturn(changes.asFlux()).given(this.versions).changes();
		willReturn(stopping.asMono()).given(this.versions).stopping();
		willReturn(12L).given(this.versions).currentVersion();
		FluxExchangeResult<ServerSentEvent<Map<String, Long>>> result = this.client.get()
			.uri("/api/v1/events")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
			.returnResult(EVENT);
		StepVerifier.create(result.getResponseBody()).assertNext((hello) -> {
			assertThat(hello.event()).isEqualTo("hello");
			assertThat(hello.data()).containsExactly(Map.entry("version", 12L));
		}).then(() -> changes.tryEmitNext(new DataChange(13))).assertNext((changed) -> {
			assertThat(changed.event()).isEqualTo("data-changed");
			assertThat(changed.id()).isEqualTo("13");
			assertThat(changed.data()).containsExactly(Map.entry("version", 13L));
		}).then(() -> stopping.tryEmitValue(true)).expectComplete().verify(Duration.ofSeconds(10));
	}

	@Test
	void eventsHaveNoVintages() {
		// asOf is refused, not ignored (docs/api.md)
		WebAnswers.invalidParameter(this.client.get().uri("/api/v1/events?asOf=2024-01-01").exchange(), "asOf");
	}

	@Test
	void everyProblemTypeUriExplainsItself() {
		String page = this.client.get()
			.uri("/problems/invalid-parameter")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("<h1>Invalid parameter</h1>")
			.contains("the &#39;parameter&#39; member names it")
			.contains("<code>/problems/invalid-parameter</code>");
		// each type the error handling uses has a page
		for (String slug : new String[] { "unknown-region", "unknown-indicator", "unknown-table", "not-found",
				"range-too-wide", "method-not-allowed", "not-acceptable", "unauthorized", "forbidden", "rate-limited",
				"import-failed", "database-unavailable", "overloaded", "import-busy", "internal-error" }) {
			this.client.get().uri("/problems/" + slug).exchange().expectStatus().isOk();
		}
	}

	@Test
	void anUnknownProblemTypeIs404() {
		this.client.get()
			.uri("/problems/{slug}", "<script>")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/not-found")
			.jsonPath("$.title")
			.isEqualTo("Not found")
			.jsonPath("$.detail")
			.isEqualTo("No problem type '<script>'.");
	}

}
