package nl.llomonitor.api;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

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
					"In 2023 Q2 the figure for WW-uitkeringen (test EN) in Utrecht (10,000 persons) was 2,000 persons below that in Fryslân (12,000 persons); this difference is significant."));
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
	void aCsvOfABreakdownSaysWhichItIs() {
		// the same columns hold the total and a group: a comment names the group
		String women = WebAnswers.csv(this.client.get()
			.uri("/api/v1/series?indicator=apitest_participatie&regions=PV26&from=2023KW02&to=2023KW02"
					+ "&breakdown=sex:vrouw&format=csv")
			.exchange());
		assertThat(women).contains("# Uitsplitsing: sex=vrouw\r\n").contains(",73.0,");
		assertThat(WebAnswers.csv(this.client.get()
			.uri("/api/v1/compare?indicator=apitest_participatie&regions=PV26,PV21&period=2023KW02"
					+ "&breakdown=sex:vrouw&format=csv&lang=en")
			.exchange())).contains("# Breakdown: sex=vrouw\r\n");
		assertThat(WebAnswers.csv(this.client.get()
			.uri("/api/v1/map?indicator=apitest_participatie&level=provincie&period=2023KW02&breakdown=sex:vrouw"
					+ "&format=csv")
			.exchange())).contains("# Uitsplitsing: sex=vrouw\r\n");
		assertThat(WebAnswers.csv(this.client.get()
			.uri("/api/v1/series?indicator=apitest_participatie&regions=PV26&from=2023KW02&to=2023KW02&format=csv")
			.exchange())).doesNotContain("Uitsplitsing");
	}

	@Test
	void mapAsCsvAndJsonStat() {
		// every province of the level is a row, with its margins, status and source
		String csv = WebAnswers.csv(this.client.get()
			.uri("/api/v1/map?indicator=apitest_ww&level=provincie&period=2023KW02&format=csv&lang=en")
			.exchange());
		assertThat(csv).startsWith("# Source: CBS, table 85554NED");
		assertThat(csv).contains("apitest_ww,PV26,Utrecht,2023KW02,10000.0,9000.0,11000.0,persons,definitief");
		assertThat(csv.lines().filter((line) -> line.startsWith("apitest_ww,PV")).count()).isEqualTo(12);
		// the same through the Accept header, and as JSON-stat
		this.client.get()
			.uri("/api/v1/map?indicator=apitest_ww&level=provincie&period=2023KW02")
			.header("Accept", "text/csv")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/csv");
		this.client.get()
			.uri("/api/v1/map?indicator=apitest_ww&level=provincie&period=2023KW02&format=jsonstat")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.class")
			.isEqualTo("dataset")
			.jsonPath("$.dimension.region.category.index.PV26")
			.exists()
			.jsonPath("$.extension.level")
			.isEqualTo("provincie")
			// labels in the language asked for (Dutch by default), not "Regio / region"
			.jsonPath("$.dimension.region.label")
			.isEqualTo("Regio");
		this.client.get()
			.uri("/api/v1/map?indicator=apitest_ww&level=provincie&period=2023KW02&format=jsonstat&lang=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.dimension.region.label")
			.isEqualTo("region")
			// the map answer has no data version: none is made up
			.jsonPath("$.extension.dataVersion")
			.doesNotExist()
			.jsonPath("$.dimension.period.label")
			.isEqualTo("period");
		// a level without a figure: the CSV says so instead of being empty
		String none = WebAnswers
			.csv(this.client.get().uri("/api/v1/map?indicator=apitest_ww&level=gemeente&format=csv").exchange());
		assertThat(none).contains("# Geen cijfers van ");
		// JSON stays the map's own answer, now with margins, flags and the source table
		this.client.get()
			.uri("/api/v1/map?indicator=apitest_ww&level=provincie&period=2023KW02")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.values[?(@.code == 'PV26')].marginLow")
			.isEqualTo(9000.0)
			.jsonPath("$.values[?(@.code == 'PV26')].sourceTable")
			.isEqualTo("85554NED");
	}

	@Test
	void theFirstYearOfARangeHasItsChangeOnAYearEarlier() {
		// from 2023KW01: the year before is read for the changes, not shown, not fitted
		this.client.get()
			.uri("/api/v1/trend?indicator=apitest_participatie&region=PV26&from=2023KW01")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.points.length()")
			.isEqualTo(4)
			.jsonPath("$.points[0].period")
			.isEqualTo("2023KW01")
			// 74.7 - 73.9 (2022KW01) and 74.7 - 74.8 (2022KW04)
			.jsonPath("$.points[0].changeOnYear")
			.isEqualTo(0.8)
			.jsonPath("$.points[0].changeOnPeriod")
			.isEqualTo(-0.1)
			.jsonPath("$.segments[0].from")
			.isEqualTo("2023KW01")
			.jsonPath("$.segments[0].n")
			.isEqualTo(4);
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
			// the method in the answer's language, as its reason
			.jsonPath("$.seasonalAdjustment.method")
			.value((String method) -> assertThat(method).startsWith("gecentreerd 2x4-voortschrijdend gemiddelde"))
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
	void eventsAnnounceDataChanges() throws InterruptedException {
		// every event received, in order, for the assertions and for the message when
		// one does not come
		java.util.List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
		reactor.core.Disposable subscription = this.client.get()
			.uri("/api/v1/events")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.getResponseBody()
			.subscribe(
					(event) -> received.add((event.event() != null)
							? event.event() + " id=" + event.id() + " " + event.data() : "comment " + event.comment()),
					(error) -> received.add("error " + error), () -> received.add("complete"));
		try {
			awaitEvent(received, (event) -> event.startsWith("hello "), "hello");
			// a change announced before the bump, by other apps in this JVM that share
			// the database, does not count
			long bumped = ApiTestData.bump(this.jdbc);
			String changed = awaitEvent(received,
					(event) -> event.startsWith("data-changed ") && version(event) >= bumped,
					"data-changed with version >= " + bumped);
			assertThat(version(changed)).isGreaterThanOrEqualTo(bumped);
			assertThat(changed).as("the id of the event is its version").contains(" id=" + version(changed) + " ");
		}
		finally {
			subscription.dispose();
		}
	}

	/**
	 * @return the first event received that matches, within 30 s
	 * @throws AssertionError naming what did come, and the version the app's listener
	 * holds
	 */
	private String awaitEvent(java.util.List<String> received, java.util.function.Predicate<String> wanted, String what)
			throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			java.util.Optional<String> found = received.stream().filter(wanted).findFirst();
			if (found.isPresent()) {
				return found.get();
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no " + what + " within 30 s; received " + received + "; the listener holds version "
				+ this.versions.currentVersion() + " (connected: " + this.versions.isConnected() + ")");
	}

	private static long version(String event) {
		Matcher m = Pattern.compile("\"version\":\\s*(\\d+)|version=(\\d+)").matcher(event);
		assertThat(m.find()).as("version in %s", event).isTrue();
		return Long.parseLong((m.group(1) != null) ? m.group(1) : m.group(2));
	}

}
