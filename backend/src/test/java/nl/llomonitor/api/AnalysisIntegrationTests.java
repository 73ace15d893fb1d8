package nl.llomonitor.api;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * compare, trend, kerncijfers and events on the hand-made cube ({@link ApiTestData}).
 */
class AnalysisIntegrationTests extends CubeIntegrationTestSupport {

	@Test
	void compareGivesDifferenceAndSaysTheMethod() {
		this.client.get()
			.uri("/api/v1/compare?indicator=apitest_participatie&regions=PV26,PV21&period=2023KW02")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.period.label")
			.isEqualTo("2023 2e kwartaal")
			.jsonPath("$.values[0].value")
			.isEqualTo(75.5)
			.jsonPath("$.values[1].value")
			.isEqualTo(72.6)
			.jsonPath("$.differences[0].difference")
			.isEqualTo(2.9)
			.jsonPath("$.differences[0].unit")
			.isEqualTo("procentpunt")
			.jsonPath("$.differences[0].method")
			.isEqualTo("not-testable")
			.jsonPath("$.summary")
			.isEqualTo(
					"In 2023 2e kwartaal lag de netto arbeidsparticipatie (test) in Utrecht (75,5 %) 2,9 procentpunt "
							+ "boven Fryslân (72,6 %); of dit verschil significant is, is niet te toetsen.");
	}

	@Test
	void compareUsesPublishedMargins() {
		this.client.get()
			.uri("/api/v1/compare?indicator=apitest_ww&regions=PV26,PV21&period=2023KW02&lang=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.differences[0].difference")
			.isEqualTo(-2000)
			.jsonPath("$.differences[0].method")
			.isEqualTo("margins")
			.jsonPath("$.differences[0].significant")
			.isEqualTo(true)
			.jsonPath("$.differences[0].z")
			.isEqualTo(-3.51)
			.jsonPath("$.summary")
			.value((String s) -> assertThat(s).startsWith(
					"In 2023 Q2 the figure for WW-uitkeringen (test EN) in Utrecht (10,000 persons) was 2,000 persons below Fryslân (12,000 persons); this difference is significant."));
	}

	@Test
	void compareAsCsv() {
		String csv = this.client.get()
			.uri("/api/v1/compare?indicator=apitest_ww&regions=PV26,PV21&period=2023KW02&format=csv")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(csv).startsWith("# Bron: CBS, tabel 85554NED");
		assertThat(csv).contains("apitest_ww,PV26,Utrecht,2023KW02,10000.0,9000.0,11000.0,persons,definitief");
	}

	@Test
	void trendGivesChangesAndASegment() {
		this.client.get()
			.uri("/api/v1/trend?indicator=apitest_participatie&region=PV26")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.periodType")
			.isEqualTo("quarter")
			.jsonPath("$.defaultComparison")
			.isEqualTo("same-period-last-year")
			.jsonPath("$.points[5].period")
			.isEqualTo("2023KW02")
			.jsonPath("$.points[5].changeOnYear")
			.isEqualTo(0.9)
			.jsonPath("$.points[5].changeOnPeriod")
			.isEqualTo(0.8)
			.jsonPath("$.points[0].changeOnYear")
			.isEmpty()
			.jsonPath("$.seasonalAdjustment.applied")
			.isEqualTo(false)
			.jsonPath("$.segments.length()")
			.isEqualTo(1)
			.jsonPath("$.segments[0].n")
			.isEqualTo(8)
			.jsonPath("$.segments[0].basis")
			.isEqualTo("values")
			.jsonPath("$.segments[0].line.length()")
			.isEqualTo(8);
	}

	@Test
	void trendNeedsOneRegion() {
		this.client.get()
			.uri("/api/v1/trend?indicator=apitest_participatie&region=PV26,PV21")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo("region");
	}

	@Test
	void kerncijfersAlwaysListEveryFigure() {
		this.client.get()
			.uri("/api/v1/kerncijfers/PV26")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.region.code")
			.isEqualTo("PV26")
			.jsonPath("$.figures.length()")
			.isEqualTo(9)
			.jsonPath("$.figures[7].code")
			.isEqualTo("grijze_druk")
			// with or without data (60039fvw may be in the shared store), the figure says
			// what it is
			.jsonPath("$.figures[7].explanation")
			.isNotEmpty();
	}

	@Test
	void eventsAnnounceDataChanges() {
		Flux<ServerSentEvent<String>> events = this.client.get()
			.uri("/api/v1/events")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.getResponseBody()
			// the steps below write with JDBC: off the event loop that also serves the
			// app
			.publishOn(Schedulers.boundedElastic());
		AtomicLong bumped = new AtomicLong(Long.MAX_VALUE);
		StepVerifier.create(events)
			// a change landing while subscribing may come just before hello
			.thenConsumeWhile((event) -> "data-changed".equals(event.event()))
			.assertNext((hello) -> assertThat(hello.event()).isEqualTo("hello"))
			.then(() -> bumped.set(ApiTestData.bump(this.jdbc)))
			// skip heartbeats and changes made before the bump (other apps in this JVM
			// share the database)
			.thenConsumeWhile((event) -> !"data-changed".equals(event.event()) || version(event) < bumped.get())
			.assertNext((changed) -> {
				assertThat(changed.event()).isEqualTo("data-changed");
				assertThat(version(changed)).isGreaterThanOrEqualTo(bumped.get());
				assertThat(changed.id()).isEqualTo(String.valueOf(version(changed)));
			})
			.thenCancel()
			.verify(Duration.ofSeconds(30));
	}

	private static long version(ServerSentEvent<String> event) {
		Matcher m = Pattern.compile("\"version\":(\\d+)").matcher(String.valueOf(event.data()));
		assertThat(m.find()).as("version in %s", event.data()).isTrue();
		return Long.parseLong(m.group(1));
	}

}
