package nl.llomonitor.observation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import nl.llomonitor.SharedData;
import nl.llomonitor.importer.ImportReport;
import nl.llomonitor.importer.ImportService;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sign, attribute or flag as the sources pad and combine it reaches the API: the series
 * JSON and its CSV give the value (0 for nihil) or no value with its reason, and the
 * flags, in every format (variants of case 01 and 07 of 2026-11-30).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "20s")
@Import(TestDatabaseConfiguration.class)
class SignsThroughApiIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private ImportService importer;

	@TempDir
	Path temp;

	/** A format that can carry a value cell. */
	enum Format {

		CSV, UNTYPED, TYPED, V4, TSV;

		Path write(Path dir, String cell) throws IOException {
			boolean number = cell.matches("[0-9]+(\\.[0-9]+)?");
			return switch (this) {
				case CSV -> csv(dir, cell);
				case UNTYPED -> untyped(dir, cell);
				case TYPED -> typed(dir, cell);
				case V4 -> v4(dir, number ? cell : "null", cell.startsWith("@") ? cell.substring(1) : "None",
						(number || cell.startsWith("@")) ? "null" : "\"" + cell + "\"");
				case TSV -> tsv(dir, cell);
			};
		}

	}

	/**
	 * @param format the format
	 * @param cell the text in the value cell ({@code @Code}: a v4 value attribute)
	 * @param query indicator, region, period and breakdown of the cell
	 * @param value the value the API gives, or null
	 * @param reason the reason it gives, or null
	 * @param flags the flags it gives
	 */
	record Case(Format format, String cell, String query, Double value, String reason, String flags) {

		@Override
		public String toString() {
			return this.format + " [" + this.cell + "]";
		}

	}

	static Stream<Case> cases() {
		String utrecht = "indicator=werkloosheidspercentage&regions=PV26&from=2013KW01&to=2013KW01";
		String vacatures = "indicator=vacatures&regions=PV26&from=2020KW01&to=2020KW01&breakdown=sector:B";
		String verzuim = "indicator=ziekteverzuim&regions=NL01&from=1996KW01&to=1996KW01";
		String eurostat = "indicator=llo_deelname_eurostat&regions=NL01&from=2019JJ00&to=2019JJ00";
		return Stream.of(new Case(Format.CSV, " - ", utrecht, 0.0, null, ""),
				new Case(Format.CSV, "\"  .\"", utrecht, null, "onbekend", ""),
				new Case(Format.CSV, " x", utrecht, null, "geheim", ""),
				new Case(Format.CSV, "", utrecht, null, "niet_van_toepassing", ""),
				new Case(Format.UNTYPED, "       -", vacatures, 0.0, null, ""),
				new Case(Format.UNTYPED, "       x", vacatures, null, "geheim", ""),
				new Case(Format.TYPED, "null", vacatures, null, "niet_beschikbaar", ""),
				new Case(Format.TYPED, "\"-\"", vacatures, 0.0, null, ""),
				new Case(Format.V4, "@Nil", verzuim, 0.0, null, ""),
				new Case(Format.V4, "@Confidential", verzuim, null, "vertrouwelijk", ""),
				new Case(Format.V4, "@Impossible", verzuim, null, "niet_van_toepassing", ""),
				new Case(Format.V4, "@Unknown", verzuim, null, "onbekend", ""),
				new Case(Format.V4, " .", verzuim, null, "onbekend", ""),
				new Case(Format.V4, "-", verzuim, 0.0, null, ""),
				new Case(Format.TSV, ": c", eurostat, null, "vertrouwelijk", "c"),
				new Case(Format.TSV, ":c", eurostat, null, "vertrouwelijk", "c"),
				new Case(Format.TSV, ": z", eurostat, null, "niet_van_toepassing", "z"),
				new Case(Format.TSV, "12 bep", eurostat, 12.0, null, "bep"),
				new Case(Format.TSV, "0.5p", eurostat, 0.5, null, "p"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void theApiGivesTheValueOrTheReason(Case c) throws IOException {
		// a fresh number first, so the sign is a new vintage whatever ran before
		// inside every indicator's valueRange (shares 0 to 100)
		String number = String.format(java.util.Locale.ROOT, "%.1f", 20 + (System.nanoTime() % 700) / 10.0);
		this.importer.importFile(c.format().write(dir(), number));
		ImportReport report = this.importer.importFile(c.format().write(dir(), c.cell()));
		assertThat(report.status()).isEqualTo("succeeded");
		Map<String, Object> point = point(c.query());
		assertThat(point.get("missingReason")).isEqualTo(c.reason());
		if (c.value() == null) {
			assertThat(point.get("value")).isNull();
		}
		else {
			assertThat(((Number) point.get("value")).doubleValue()).isEqualTo(c.value());
		}
		assertThat(point.get("flags")).isEqualTo(c.flags());
		String csv = this.client.get()
			.uri("/api/v1/series?" + c.query() + "&format=csv")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String header = csv.lines().filter((l) -> !l.startsWith("#")).findFirst().orElseThrow();
		String row = csv.lines().filter((l) -> !l.startsWith("#")).skip(1).findFirst().orElseThrow();
		List<String> columns = List.of(header.split(",", -1));
		String[] fields = row.split(",", -1);
		assertThat(fields[columns.indexOf("missing_reason")]).isEqualTo((c.reason() != null) ? c.reason() : "");
		if (c.value() == null) {
			assertThat(fields[columns.indexOf("value")]).isEmpty();
		}
		else {
			assertThat(new java.math.BigDecimal(fields[columns.indexOf("value")]))
				.isEqualByComparingTo(java.math.BigDecimal.valueOf(c.value()));
		}
	}

	static Stream<Case> withdrawals() {
		return cases().filter((c) -> c.value() == null);
	}

	/**
	 * A number published in 2020 (then revised) and withdrawn by today's release is still
	 * the answer {@code asOf} a day between them.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("withdrawals")
	void aWithdrawnNumberIsStillTheAnswerAsOfBefore(Case c) throws IOException {
		String number = String.format(java.util.Locale.ROOT, "%.1f", 20 + (System.nanoTime() % 700) / 10.0);
		// today's figure is a number, and an older download published it in 2020
		this.importer.importFile(c.format().write(dir(), number + "5"));
		this.importer.importFile(c.format().write(dir(), number), null, null,
				java.time.OffsetDateTime.parse("2020-06-01T00:00:00Z"));
		ImportReport report = this.importer.importFile(c.format().write(dir(), c.cell()));
		assertThat(report.cellsWithdrawn()).isEqualTo(1);
		Map<String, Object> before = point(c.query() + "&asOf=2021-01-01");
		assertThat(((Number) before.get("value")).doubleValue()).isEqualTo(Double.parseDouble(number));
		assertThat(before.get("missingReason")).isNull();
		Map<String, Object> now = point(c.query());
		assertThat(now.get("value")).isNull();
		assertThat(now.get("missingReason")).isEqualTo(c.reason());
	}

	private Path dir() throws IOException {
		return Files.createTempDirectory(this.temp, "case");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> point(String query) {
		Map<String, Object> body = this.client.get()
			.uri("/api/v1/series?" + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		List<Map<String, Object>> series = (List<Map<String, Object>>) body.get("series");
		return ((List<Map<String, Object>>) series.get(0).get("points")).get(0);
	}

	static Path csv(Path dir, String cell) throws IOException {
		List<String> lines = Files.readAllLines(SharedData.file("cbs/85268NED.csv"), StandardCharsets.UTF_8);
		String utrecht = lines.stream()
			.filter((l) -> l.contains(";Utrecht (PV);2013 1e kwartaal;"))
			.findFirst()
			.orElseThrow();
		String[] fields = utrecht.split(";", -1);
		fields[15] = cell; // Werkloosheidspercentage_13
		return Files.writeString(dir.resolve("85268NED.csv"), lines.get(0) + "\n" + String.join(";", fields) + "\n",
				StandardCharsets.UTF_8);
	}

	static Path untyped(Path dir, String cell) throws IOException {
		return Files.writeString(dir.resolve("UntypedDataSet.json"),
				"""
						{"odata.metadata": "https://opendata.cbs.nl/ODataFeed/OData/83599NED/$metadata#Cbs.OData.WebAPI.UntypedDataSet",
						 "value": [{"Perioden": "2020KW01", "BedrijfstakkenBranchesSBI2008": "305700 ", "RegioS": "PV26  ",
						 "OpenstaandeVacatures_1": "%s", "ID": 2392}]}
						"""
					.formatted(cell),
				StandardCharsets.UTF_8);
	}

	static Path typed(Path dir, String cell) throws IOException {
		return Files.writeString(dir.resolve("TypedDataSet.json"),
				"""
						{"odata.metadata": "https://opendata.cbs.nl/ODataFeed/OData/83599NED/$metadata#Cbs.OData.WebAPI.TypedDataSet",
						 "value": [{"Perioden": "2020KW01", "BedrijfstakkenBranchesSBI2008": "305700 ", "RegioS": "PV26  ",
						 "OpenstaandeVacatures_1": %s, "ID": 2392}]}
						"""
					.formatted(cell),
				StandardCharsets.UTF_8);
	}

	static Path v4(Path dir, String value, String attribute, String text) throws IOException {
		return Files.writeString(dir.resolve("Observations.json"), """
				{"@odata.context": "https://odata4.cbs.nl/CBS/80072ned/$metadata#Observations",
				 "value": [{"Id": 0, "Measure": "M001924", "ValueAttribute": "%s", "Value": %s, "StringValue": %s,
				 "BedrijfskenmerkenSBI2008": "T001081", "Perioden": "1996KW01"}]}
				""".formatted(attribute, value, text), StandardCharsets.UTF_8);
	}

	static Path tsv(Path dir, String cell) throws IOException {
		return Files.writeString(dir.resolve("trng_lfse_04.tsv"),
				"freq,unit,sex,age,geo\\TIME_PERIOD\t2019 \nA,PC,T,Y25-64,NL\t" + cell + " \n", StandardCharsets.UTF_8);
	}

}
