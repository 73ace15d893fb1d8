package nl.llomonitor.observation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import nl.llomonitor.SharedData;
import nl.llomonitor.importer.ImportReport;
import nl.llomonitor.importer.ImportService;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reason of a missing value reaches the API: a figure withdrawn as confidential (case
 * 07 of 2026-11-30) is "not available, vertrouwelijk" in the series JSON and its CSV; a
 * figure from a cut-off import (case 08) names its source incomplete in series, compare
 * and map.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "20s")
@Import(TestDatabaseConfiguration.class)
class MissingReasonApiIntegrationTests {

	/** Why case 08 is incomplete, in Dutch (the API's default language). */
	private static final String CAPPED_NL = "een pagina van precies 10.000 records zonder odata.nextLink (capped.json):"
			+ " afgebroken bij de limiet van de API";

	@Autowired
	private WebTestClient client;

	@Autowired
	private ImportService importer;

	@TempDir
	Path temp;

	@Test
	void aFigureFromAnIncompleteImportNamesItsSourceIncomplete() throws IOException {
		// an earlier cut-off download of the same table (CBS's 10,000-row CSV), whatever
		// the other tests imported before: its reason is not the one the sources give
		this.importer.importFile(SharedData.file("cbs/83599NED.csv"), true);
		// case 08 with a fresh first value, so that this run's vintage is the current one
		String fresh = (System.nanoTime() % 900 + 100) + ".5";
		String capped = Files.readString(SharedData.caseFile("08-odataapi-capped-10000.json"), StandardCharsets.UTF_8)
			.replaceFirst("\"OpenstaandeVacatures_1\": \"   135.5\"", "\"OpenstaandeVacatures_1\": \"" + fresh + "\"");
		Path file = Files.writeString(Files.createDirectories(this.temp.resolve("capped")).resolve("capped.json"),
				capped, StandardCharsets.UTF_8);
		ImportReport report = this.importer.importFile(file, true);
		assertThat(report.complete()).isFalse();
		this.client.get()
			.uri("/api/v1/series?indicator=vacatures&regions=NL01&from=2011KW01&to=2011KW01")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.series[0].points[0].value")
			.isEqualTo(Double.parseDouble(fresh))
			.jsonPath("$.sources[0].table")
			.isEqualTo("83599NED")
			.jsonPath("$.sources[0].incomplete")
			.isEqualTo(CAPPED_NL);
		// compare and map name the same source incomplete, as the dashboard's Vergelijk
		// and Kaart views show it
		for (String uri : List.of("/api/v1/compare?indicator=vacatures&regions=NL01,PV26&period=2011KW01",
				"/api/v1/map?indicator=vacatures&level=land&period=2011KW01")) {
			this.client.get()
				.uri(uri)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.sources[0].table")
				.isEqualTo("83599NED")
				.jsonPath("$.sources[0].incomplete")
				.isEqualTo(CAPPED_NL);
		}
		// revisions: the vintage this run wrote says why, and so does its source (the
		// newest cut-off vintage speaks for the table); the demo's vintage gave way to
		// the first real one (ConfirmedVintagesIntegrationTests)
		this.client.get()
			.uri("/api/v1/revisions?indicator=vacatures&region=NL01&period=2011KW01")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.vintages[-1:].value")
			.isEqualTo(Double.parseDouble(fresh))
			.jsonPath("$.vintages[-1:].incomplete")
			.isEqualTo(CAPPED_NL)
			.jsonPath("$.sources[0].table")
			.isEqualTo("83599NED")
			.jsonPath("$.sources[0].incomplete")
			.isEqualTo(CAPPED_NL);
		// the reason in the reader's language, in the series and in the table's
		// completeness
		this.client.get()
			.uri("/api/v1/series?indicator=vacatures&regions=NL01&from=2011KW01&to=2011KW01&lang=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.sources[0].incomplete")
			.isEqualTo("a page of exactly 10,000 records without odata.nextLink (capped.json): cut off at the API's"
					+ " limit");
		// the list of tables says it in the language asked for too
		this.client.get()
			.uri("/api/v1/tables?lang=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id=='83599NED')].completeness.incompleteReason")
			.isEqualTo(List.of("a page of exactly 10,000 records without odata.nextLink (capped.json): cut off at the"
					+ " API's limit"));
		for (String lang : List.of("nl", "en")) {
			this.client.get()
				.uri("/api/v1/tables/83599NED?lang=" + lang)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.completeness.complete")
				.isEqualTo(false)
				.jsonPath("$.completeness.incompleteReason")
				.isEqualTo(lang.equals("nl") ? CAPPED_NL
						: "a page of exactly 10,000 records without odata.nextLink (capped.json): cut off at the API's"
								+ " limit")
				.jsonPath("$.completeness.why")
				.doesNotExist()
				.jsonPath("$.completeness.incompleteRun")
				.isEqualTo((int) report.id());
		}
		// a later complete import of one cell of the table leaves the other cells of the
		// cut-off run current: the table is still incomplete, and says which run it was
		String one = "{\"odata.metadata\": \"https://opendata.cbs.nl/ODataApi/OData/83599NED/$metadata"
				+ "#Cbs.OData.WebAPI.UntypedDataSet\", \"value\": [{\"Perioden\": \"2011KW02\","
				+ " \"BedrijfstakkenBranchesSBI2008\": \"T001081\", \"RegioS\": \"NL01  \","
				+ " \"OpenstaandeVacatures_1\": \"" + fresh + "\", \"ID\": 0}]}";
		Path part = Files.writeString(Files.createDirectories(this.temp.resolve("part")).resolve("part.json"), one,
				StandardCharsets.UTF_8);
		ImportReport later = this.importer.importFile(part);
		assertThat(later.complete()).isTrue();
		assertThat(later.rowsInserted()).isEqualTo(1);
		this.client.get()
			.uri("/api/v1/tables/83599NED")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.lastImport.run")
			.isEqualTo((int) later.id())
			.jsonPath("$.completeness.complete")
			.isEqualTo(false)
			.jsonPath("$.completeness.incompleteReason")
			.isEqualTo(CAPPED_NL)
			.jsonPath("$.completeness.incompleteRun")
			.isEqualTo((int) report.id());
	}

	@Test
	void aWithdrawnFigureIsShownWithoutAValueAndWithItsReason() {
		this.importer.importFile(SharedData.caseFile("07-odata4-withdrawn.before.json"));
		ImportReport after = this.importer.importFile(SharedData.caseFile("07-odata4-withdrawn.json"));
		assertThat(after.status()).isIn("succeeded", "unchanged");
		this.client.get()
			.uri("/api/v1/series?indicator=ziekteverzuim&regions=NL01&from=1997KW01&to=1997KW02")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.series[0].points[0].period")
			.isEqualTo("1997KW01")
			.jsonPath("$.series[0].points[0].value")
			.isEmpty()
			.jsonPath("$.series[0].points[0].missingReason")
			.isEqualTo("vertrouwelijk")
			.jsonPath("$.series[0].points[0].footnote")
			.isEqualTo("Confidential")
			.jsonPath("$.series[0].points[1].value")
			.isEqualTo(4.5)
			.jsonPath("$.series[0].points[1].missingReason")
			.isEmpty();
		String csv = this.client.get()
			.uri("/api/v1/series?indicator=ziekteverzuim&regions=NL01&from=1997KW01&to=1997KW02&format=csv")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(csv).contains("missing_reason").contains(",1997KW01,").contains(",Confidential,vertrouwelijk,");
		// JSON-stat: the value is null, and the cell keeps its reason, footnote, source
		// and vintage beside it, as the CSV does; the number after it has its own
		for (String format : List.of("format=jsonstat", "format=jsonstat&lang=en")) {
			this.client.get()
				.uri("/api/v1/series?indicator=ziekteverzuim&regions=NL01&from=1997KW01&to=1997KW02&" + format)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.value[0]")
				.isEmpty()
				.jsonPath("$.extension.cells['0'].missing_reason")
				.isEqualTo("vertrouwelijk")
				.jsonPath("$.extension.cells['0'].footnote")
				.isEqualTo("Confidential")
				.jsonPath("$.extension.cells['0'].source_table")
				.isEqualTo("80072ned")
				.jsonPath("$.extension.cells['0'].recorded_at")
				.isNotEmpty()
				.jsonPath("$.extension.cells['0'].unit")
				.doesNotExist()
				.jsonPath("$.value[1]")
				.isEqualTo(4.5)
				.jsonPath("$.extension.cells['1'].missing_reason")
				.doesNotExist()
				.jsonPath("$.extension.cells['1'].source_table")
				.isEqualTo("80072ned");
		}
		this.client.get()
			.uri("/api/v1/compare?indicator=ziekteverzuim&regions=NL01,PV26&period=1997KW01&format=jsonstat")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.dimension.region.category.index.NL01")
			.isEqualTo(0)
			.jsonPath("$.extension.cells['0'].missing_reason")
			.isEqualTo("vertrouwelijk")
			.jsonPath("$.extension.cells['0'].recorded_at")
			.isNotEmpty()
			// a region the store holds no cell for has nothing to say
			.jsonPath("$.extension.cells['1']")
			.doesNotExist();
		// compare and map say the same of the cell, with its vintage; a region the store
		// holds no cell for has neither
		this.client.get()
			.uri("/api/v1/compare?indicator=ziekteverzuim&regions=NL01,PV26&period=1997KW01")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.values[?(@.region.code=='NL01')].value")
			.isEqualTo(java.util.Collections.singletonList(null))
			.jsonPath("$.values[?(@.region.code=='NL01')].missingReason")
			.isEqualTo(List.of("vertrouwelijk"))
			.jsonPath("$.values[?(@.region.code=='NL01')].recordedAt")
			.value((List<String> at) -> assertThat(at).singleElement().isNotNull())
			.jsonPath("$.values[?(@.region.code=='PV26')].missingReason")
			.isEqualTo(java.util.Collections.singletonList(null));
		assertThat(this.client.get()
			.uri("/api/v1/compare?indicator=ziekteverzuim&regions=NL01,PV26&period=1997KW01&format=csv")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("missing_reason").contains(",Confidential,vertrouwelijk,");
		this.client.get()
			.uri("/api/v1/map?indicator=ziekteverzuim&level=land&period=1997KW01")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.values[?(@.code=='NL01')].missingReason")
			.isEqualTo(List.of("vertrouwelijk"))
			.jsonPath("$.values[?(@.code=='NL01')].recordedAt")
			.value((List<String> at) -> assertThat(at).singleElement().isNotNull());
		// the withdrawal is the newest vintage of the cell, with its reason; the number
		// before it stays in the history
		this.client.get()
			.uri("/api/v1/revisions?indicator=ziekteverzuim&region=NL01&period=1997KW01")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.vintages[-1:].value")
			.isEqualTo(java.util.Collections.singletonList(null))
			.jsonPath("$.vintages[-1:].missingReason")
			.isEqualTo(List.of("vertrouwelijk"))
			.jsonPath("$.vintages[-2:-1].value")
			.isEqualTo(List.of(4.9))
			.jsonPath("$.vintages[-2:-1].missingReason")
			.isEqualTo(java.util.Collections.singletonList(null));
		String revisionsCsv = this.client.get()
			.uri("/api/v1/revisions?indicator=ziekteverzuim&region=NL01&period=1997KW01&format=csv")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(revisionsCsv).contains("missing_reason").contains(",Confidential,vertrouwelijk,");
	}

}
