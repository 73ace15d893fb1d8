package nl.llomonitor.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import nl.llomonitor.SharedData;
import nl.llomonitor.system.DatabaseConfiguration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static nl.llomonitor.importer.CurrentValues.cell;
import static nl.llomonitor.importer.CurrentValues.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Any CBS table imports without a mapping file (CSV through the CLI and the admin
 * endpoint, OData v3 and v4 with their metadata), its values are published through the
 * API under table-scoped indicators and dimensions, and a mapping file written into
 * {@code LLO_MAPPINGS_DIR} while the app runs feeds a canonical indicator from the stored
 * table without a restart.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "llo.admin.token=test-admin-token", "llo.mappings.poll=200ms", "llo.import.demo=false" })
@AutoConfigureWebTestClient
@Import(OpenWorldDatabaseConfiguration.class)
class OpenWorldImportIntegrationTests {

	private static final Path MAPPINGS;

	static {
		try {
			MAPPINGS = Files.createTempDirectory("llo-mappings");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@DynamicPropertySource
	static void mappingsDir(DynamicPropertyRegistry registry) {
		registry.add("llo.mappings.dir", MAPPINGS::toString);
	}

	@Autowired
	private ImportCommand command;

	@Autowired
	private ImportService importer;

	@Autowired
	private WebTestClient client;

	@Autowired
	@Qualifier(DatabaseConfiguration.JDBC_DSL)
	private DSLContext jdbc;

	@Autowired
	private nl.llomonitor.system.DataChangeListener versions;

	/** Waits until the API's caches have heard of the data version the store is at. */
	private void awaitCaches() {
		long version = this.jdbc.fetchSingle("select version from data_version").get(0, Long.class);
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (this.versions.currentVersion() < version && System.nanoTime() < deadline) {
			java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
		}
	}

	private String cli(String file, boolean skipUnknownRegions) {
		return cli(file, skipUnknownRegions, false);
	}

	private String cli(String file, boolean skipUnknownRegions, boolean generic) {
		return cli(SharedData.file(file), skipUnknownRegions, generic);
	}

	private String cli(Path file, boolean skipUnknownRegions, boolean generic) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		// the shared downloads stop at CBS's 10,000-row limit: imported as incomplete
		int code = this.command.execute(List.of(file.toString()), null, null, null, false, generic, skipUnknownRegions,
				true, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
		awaitCaches();
		return out.toString(StandardCharsets.UTF_8);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> get(String uri) {
		return nl.llomonitor.api.WebAnswers.ok(this.client.get().uri(uri).accept(MediaType.APPLICATION_JSON).exchange(),
				Map.class);
	}

	@Test
	void anLloTableByEducationImportsThroughTheCliWithEveryDimensionApart() {
		String summary = cli("cbs/85624NED.csv", false);
		assertThat(summary).contains("85624NED.csv (cbs-csv, table 85624NED): 10,000 rows read");
		String indicator = "cbs_85624ned__deelnemerslevenlangontwikkelen_1";
		this.client.get()
			.uri("/api/v1/indicators/" + indicator)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Deelnemers leven lang ontwikkelen (DeelnemersLevenLangOntwikkelen_1)")
			.jsonPath("$.unit")
			.isEqualTo("unknown")
			.jsonPath("$.decimals")
			.isEqualTo(0)
			.jsonPath("$.sourceTable")
			.isEqualTo("85624NED")
			.jsonPath("$.breakdowns.cbs_85624ned__onderwijsniveau[?(@.code=='3-hbo-wo')].name")
			.isEqualTo("3 Hbo, wo")
			.jsonPath("$.breakdowns.cbs_85624ned__geslacht")
			.doesNotExist();
		// the total of every dimension but age (which has no total): 4298 thousand
		// participants in 2021; the hbo/wo members kept apart
		this.client.get()
			.uri("/api/v1/series?indicator=" + indicator
					+ "&regions=NL01&breakdown=cbs_85624ned__leeftijd:15-tot-75-jaar")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.series[0].points[?(@.period=='2021JJ00')].value")
			.isEqualTo(4298)
			.jsonPath("$.series[0].points[?(@.period=='2021JJ00')].sourceTable")
			.isEqualTo("85624NED");
		assertThat(value(this.jdbc, indicator, "NL01", "2022JJ00",
				"cbs_85624ned__leeftijd=15-tot-75-jaar;cbs_85624ned__onderwijsniveau=3-hbo-wo"))
			.isEqualByComparingTo("1625");
		// importing again changes nothing
		assertThat(cli("cbs/85624NED.csv", false)).startsWith("UNCHANGED");
	}

	@Test
	void theTableListShowsAnUnmappedTableAndItsIndicators() {
		cli("cbs/85624NED.csv", false);
		this.client.get()
			.uri("/api/v1/tables/85624ned")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo("85624NED")
			.jsonPath("$.source")
			.isEqualTo("CBS")
			.jsonPath("$.generic")
			.isEqualTo(true)
			.jsonPath("$.periods.types[0]")
			.isEqualTo("year")
			.jsonPath("$.periods.first")
			.isEqualTo("2021JJ00")
			.jsonPath("$.periods.last")
			.isEqualTo("2023JJ00")
			.jsonPath("$.regions.levels[0]")
			.isEqualTo("land")
			.jsonPath("$.measures[0].code")
			.isEqualTo("cbs_85624ned__deelnemerslevenlangontwikkelen_1")
			.jsonPath("$.measures[0].own")
			.isEqualTo(true)
			.jsonPath("$.dimensions[?(@.code=='cbs_85624ned__onderwijskenmerken')].members[*].code")
			.value((codes) -> assertThat((List<Object>) codes).hasSize(42).contains("volgt-bekostigd-onderwijs"))
			// each dimension's total, where it has one (the series without it): a view
			// opens on it
			.jsonPath("$.dimensions[?(@.code=='cbs_85624ned__onderwijsniveau')].total.nameNl")
			.value((names) -> assertThat((List<Object>) names).containsExactly("Totaal"))
			.jsonPath("$.dimensions[?(@.code=='cbs_85624ned__onderwijskenmerken')].total.nameNl")
			.value((names) -> assertThat((List<Object>) names).containsExactly("Totaal personen"))
			// the age groups have none (15 tot 75 jaar is a member like the others)
			.jsonPath("$.dimensions[?(@.code=='cbs_85624ned__leeftijd')].members[0].code")
			.value((codes) -> assertThat((List<Object>) codes).containsExactly("15-tot-75-jaar"))
			.jsonPath("$.dimensions[?(@.code=='cbs_85624ned__leeftijd')].total")
			.value((totals) -> assertThat((List<Object>) totals).isEmpty())
			.jsonPath("$.lastImport.file")
			.isEqualTo("85624NED.csv")
			.jsonPath("$.completeness.complete")
			.isEqualTo(false)
			.jsonPath("$.completeness.incompleteReason")
			// in the page's language: Dutch by default (lang=en gives the English text)
			.isEqualTo(
					"precies 10.000 datarijen: het bestand is waarschijnlijk afgebroken bij de downloadlimiet van CBS");
		this.client.get()
			.uri("/api/v1/indicators?table=85624NED")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].code")
			.isEqualTo("cbs_85624ned__deelnemerslevenlangontwikkelen_1");
		// a CSV download has no description of its measures: each language says so in its
		// own words
		for (String lang : List.of("nl", "en")) {
			this.client.get()
				.uri("/api/v1/indicators/cbs_85624ned__deelnemerslevenlangontwikkelen_1?lang=" + lang)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.definition")
				.isEqualTo("CBS 85624NED, DeelnemersLevenLangOntwikkelen_1 ("
						+ (lang.equals("nl") ? "geen omschrijving in deze download" : "no description in this download")
						+ ")");
		}
		this.client.get()
			.uri("/api/v1/indicators?table=99999NED")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/unknown-table");
	}

	private static final String LLO_MAPPING = """
			table: 85624NED
			title: "Tabel 85624NED"
			publisher: CBS
			licence: CC BY 4.0
			url: https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85624NED
			region: NL01
			measures:
			  DeelnemersLevenLangOntwikkelen_1: { indicator: llo_deelnemers }
			dimensions:
			  Geslacht: { "Totaal mannen en vrouwen": {} }
			  Leeftijd: { "15 tot 75 jaar": {}, "*": { skip: true } }
			  Onderwijsniveau: { "Totaal": {}, "*": { skip: true } }
			  Onderwijsvolgend: { "Totaal": {}, "*": { skip: true } }
			  Onderwijskenmerken: { "Totaal personen": {}, "*": { skip: true } }
			""";

	private WebTestClient.ResponseSpec deleteMapping(String table) {
		return this.client.delete()
			.uri("/api/admin/mappings/" + table)
			.header("Authorization", "Bearer test-admin-token")
			.exchange();
	}

	private WebTestClient.ResponseSpec uploadMapping(String yaml) {
		return this.client.post()
			.uri("/api/admin/mappings")
			.header("Authorization", "Bearer test-admin-token")
			.contentType(MediaType.parseMediaType("application/yaml"))
			.bodyValue(yaml.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

	@Test
	void anUploadedMappingTakesEffectAtOnceAndReMapsTheStoredTable() {
		cli("cbs/85624NED.csv", false);
		uploadMapping(LLO_MAPPING).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.table")
			.isEqualTo("85624NED")
			.jsonPath("$.remap.format")
			.isEqualTo("mapping")
			// the download it maps was cut off at 10,000 rows: so are the mapped cells
			.jsonPath("$.remap.complete")
			.isEqualTo(false)
			.jsonPath("$.remap.incompleteReason")
			.value((reason) -> assertThat((String) reason).contains("exactly 10,000 data rows"));
		assertThat(value(this.jdbc, "llo_deelnemers", "NL01", "2023JJ00", "")).isEqualByComparingTo("4311");
		// the series says so, in the reader's language, as for the table's own cells
		Map<String, Object> series = get("/api/v1/series?indicator=llo_deelnemers&regions=NL01");
		assertThat(series.get("sources")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.singleElement()
			.satisfies((source) -> assertThat(((Map<?, ?>) source).get("incomplete")).asString()
				.contains("10.000 datarijen"));
		assertThat(this.jdbc.fetchValue("select source_table from observation_current o join breakdown b"
				+ " on b.id = o.breakdown_id where indicator_code = 'llo_deelnemers' and region_code = 'NL01'"
				+ " and period_code = '2023JJ00' and b.key = ''"))
			.isEqualTo("85624NED");
		// the same mapping again changes nothing, so nothing is re-mapped
		uploadMapping(LLO_MAPPING).expectStatus().isOk().expectBody().jsonPath("$.remap").doesNotExist();
		deleteMapping("85624NED").expectStatus().isNoContent();
	}

	/**
	 * A mapping that feeds an indicator's cells from a second table (85624NED's
	 * participants into llo_deelnemers, which 85315NED publishes for Nederland) says that
	 * it replaced the other table's current figures: they would otherwise change with the
	 * order of the imports, without a word.
	 */
	@Test
	void aMappingThatReplacesAnotherTablesFiguresSaysSo(@org.junit.jupiter.api.io.TempDir Path temp)
			throws java.io.IOException {
		cli("cbs/85624NED.csv", false);
		deleteMapping("85624NED");
		// a figure of the other table current that differs from 85624NED's (Nederland
		// 2022: 4291 in both files), then the mapping over it
		cli(SharedData.changedCopy("cbs/85315NED.csv", false, temp, (t) -> t
			.replace(";Deelname leven lang ontwikkelen;2022;4291\n", ";Deelname leven lang ontwikkelen;2022;4292\n")),
				false, false);
		uploadMapping(LLO_MAPPING).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.remap.warnings")
			.value((warnings) -> assertThat(((List<?>) warnings).stream().map(String::valueOf))
				.anySatisfy((w) -> assertThat(w)
					.startsWith("this import of table 85624NED replaced current figures that table 85315NED published")
					.contains("a cell should come from one table")));
		deleteMapping("85624NED").expectStatus().isNoContent();
	}

	@Test
	void aMappingThatWouldChangeTheUnitOfAMeasureIsRefused() {
		this.importer.importFile(SharedData.file("cbs/odata3_80137ned/TypedDataSet.json").getParent(), null, null,
				new ImportOptions(null, true, false), null);
		uploadMapping("""
				table: 80137ned
				title: "Tabel 80137ned"
				publisher: CBS
				licence: CC BY 4.0
				url: https://opendata.cbs.nl/statline/#/CBS/nl/dataset/80137ned
				region: NL01
				measures:
				  Totaal_1: { indicator: werkloosheidspercentage }
				ignore: [Werknemers_2, Zelfstandigen_3, Totaal_4, Werknemers_5, Zelfstandigen_6, Totaal_7, Werknemers_8,
				  Zelfstandigen_9, Totaal_10, PerArbeidsjaar_11, PerGewerktUur_12]
				dimensions:
				  Persoonskenmerken: { "*": {} }
				  BedrijfstakkenSBI93: { "*": {} }
				""").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.detail")
			.value((d) -> assertThat((String) d).contains("column Totaal_1")
				.contains("unit differs: werkloosheidspercentage is in percent"));
	}

	@Test
	void anUploadedMappingThatDoesNotFitTheStoredTableIsRefused() {
		cli("cbs/85624NED.csv", false);
		this.client.post()
			.uri("/api/admin/mappings")
			.header("Authorization", "Bearer test-admin-token")
			.contentType(MediaType.parseMediaType("application/yaml"))
			.bodyValue("""
					table: 85624NED
					title: "Tabel 85624NED"
					publisher: CBS
					licence: CC BY 4.0
					url: https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85624NED
					region: NL01
					measures:
					  DeelnemersLevenLangOntwikkelen_1: { indicator: llo_deelnemers }
					dimensions:
					  Geslacht: { "Totaal mannen en vrouwen": {} }
					""".getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.detail")
			.value((d) -> assertThat((String) d).contains("Leeftijd").contains("dimension not mapped"));
		this.client.get()
			.uri("/api/admin/mappings")
			.header("Authorization", "Bearer test-admin-token")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.tables[?(@ == '85624NED')]")
			.isEmpty();
	}

	@Test
	void aRegionalForecastImportsThroughTheAdminEndpoint() {
		byte[] file;
		try {
			file = Files.readAllBytes(SharedData.file("cbs/82220NED.csv"));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		String boundary = "llo-open-world";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		// 82220NED has a mapping file (grijze druk): generic=true imports its own
		// measures too
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"generic\"\r\n\r\ntrue\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"82220NED.csv\""
						+ "\r\nContent-Type: application/octet-stream\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		this.client.post()
			.uri("/api/admin/imports")
			.header("Authorization", "Bearer test-admin-token")
			.contentType(MediaType.parseMediaType("multipart/form-data;boundary=" + boundary))
			.bodyValue(body.toByteArray())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.tableId")
			.isEqualTo("82220NED")
			.jsonPath("$.rowsRead")
			.isEqualTo(2376);
		awaitCaches();
		// 'Friesland (PV)' is the label of PV21; values in thousands with one decimal
		this.client.get()
			.uri("/api/v1/series?indicator=cbs_82220ned__k_65jaarofouder_4&regions=PV26,PV21&from=2020JJ00&to=2030JJ00")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.indicator.name")
			.isEqualTo("65 jaar of ouder (k_65JaarOfOuder_4)")
			.jsonPath("$.indicator.decimals")
			.isEqualTo(1)
			.jsonPath("$.series[?(@.region.code=='PV26')].points[?(@.period=='2030JJ00')].value")
			.isEqualTo(288.8)
			.jsonPath("$.series[?(@.region.code=='PV21')].points[?(@.period=='2020JJ00')].value")
			.isEqualTo(143.2);
	}

	@Test
	void aDecimalCommaInATableWithoutAMappingIsRefusedNotLeftOutAsText() throws IOException {
		// a spreadsheet with Dutch settings saved one value of 85624NED as 4298,0: a
		// garbled number, not a text topic (the measure was left out whole, with 200)
		Path file = Files.createTempDirectory("llo-comma").resolve("85626NED.csv");
		Files.writeString(file, Files.readString(SharedData.file("cbs/85624NED.csv"), StandardCharsets.UTF_8)
			.replaceFirst(";2021;4298\r?\n", ";2021;4298,0\n"), StandardCharsets.UTF_8);
		assertRefusedWithNothingWritten(file, "85626NED.csv", "line 2", "column DeelnemersLevenLangOntwikkelen_1",
				"'4298,0'", "decimal comma");
	}

	/**
	 * The import of a table without a mapping fails with a message holding every part
	 * given, and none of the table's own indicators is left in the store.
	 */
	private void assertRefusedWithNothingWritten(Path file, String... message) {
		assertThatThrownBy(
				() -> this.importer.importFile(file, null, null, new ImportOptions(null, false, false, true), null))
			.isInstanceOf(ImportException.class)
			.message()
			.contains(message);
		String prefix = "cbs_"
				+ file.getFileName().toString().replaceFirst("\\.[^.]*$", "").toLowerCase(java.util.Locale.ROOT) + "__";
		assertThat(this.jdbc.fetchCount(nl.llomonitor.db.Tables.INDICATOR,
				nl.llomonitor.db.Tables.INDICATOR.CODE.startsWith(prefix)))
			.as("nothing half-written")
			.isZero();
	}

	@Test
	void aStatusDimensionSetsTheStatusAndUnknownRegionsFailUnlessSkippedAndCounted() throws IOException {
		// 60039fvw now has a mapping file (grijze druk); the same download under a table
		// id without one is what a user brings of any other table
		Path unmapped = Files.createTempDirectory("llo-unmapped").resolve("60039abc.csv");
		Files.copy(SharedData.file("cbs/60039fvw.csv"), unmapped);
		assertRefusedWithNothingWritten(unmapped, "column RegioS", "'Nederland, Buitenland, Niet in te delen'",
				"unknown region");
		String summary = cli(unmapped, true, false);
		assertThat(summary).contains("warning: 3298 rows of 194 regions the store does not know were skipped")
			.contains("'s-Gravenhage (GA)")
			.contains("measures with text values not imported: [Regiocode_76 ('NL01')]");
		// the table's list gives the warnings in the reader's language, and the table as
		// incomplete (rows and a measure left out)
		for (String lang : List.of("nl", "en")) {
			this.client.get()
				.uri("/api/v1/tables/60039abc?lang=" + lang)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.completeness.complete")
				.isEqualTo(false)
				.jsonPath("$.completeness.warningsLanguage")
				.isEqualTo(lang)
				.jsonPath("$.completeness.warnings")
				.value((List<String> warnings) -> assertThat(warnings).noneMatch((w) -> w.startsWith("INCOMPLETE"))
					.anySatisfy((w) -> assertThat(w).startsWith(lang.equals("nl")
							? "3298 rijen van 194 regio's die de monitor niet kent zijn overgeslagen (--skip-unknown-regions): ['s-Gravenhage (GA)"
							: "3298 rows of 194 regions the store does not know were skipped (--skip-unknown-regions): ['s-Gravenhage (GA)"))
					.contains(lang.equals("nl") ? "onderwerpen met tekstwaarden niet ingelezen: [Regiocode_76 ('NL01')]"
							: "measures with text values not imported: [Regiocode_76 ('NL01')]"));
		}
		var utrecht = cell(this.jdbc, "cbs_60039abc__totaalmannenenvrouwen_1", "PV26", "2010JJ00", "");
		assertThat(utrecht.get(nl.llomonitor.db.Tables.OBSERVATION_CURRENT.VALUE)).isEqualByComparingTo("1220910");
		assertThat(utrecht.get(nl.llomonitor.db.Tables.OBSERVATION_CURRENT.STATUS))
			.isEqualTo(nl.llomonitor.cube.Status.VOORLOPIG);
		this.client.get()
			.uri("/api/v1/series?indicator=cbs_60039abc__k_65tot75jaar_4&regions=PV26&from=2012JJ00&to=2012JJ00")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.series[0].points[0].value")
			.isEqualTo(98621)
			.jsonPath("$.series[0].points[0].status")
			.isEqualTo("voorlopig")
			.jsonPath("$.indicator.breakdowns")
			.isEmpty();
	}

	@Test
	void odataV3AndV4ResponsesBringTheirTitlesUnitsAndDecimals() {
		ImportReport v3 = this.importer.importFile(SharedData.file("cbs/odata3_80137ned/TypedDataSet.json").getParent(),
				null, null, new ImportOptions(null, true, false), null);
		assertThat(v3.tableId()).isEqualTo("80137ned");
		awaitCaches();
		this.client.get()
			.uri("/api/v1/indicators/cbs_80137ned__totaal_1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Gemiddeld aantal banen: Totaal")
			.jsonPath("$.unit")
			.isEqualTo("x1000")
			.jsonPath("$.decimals")
			.isEqualTo(0)
			.jsonPath("$.breakdowns.cbs_80137ned__persoonskenmerken[?(@.code=='3')].name")
			.isEqualTo("Vrouwen");
		assertThat(value(this.jdbc, "cbs_80137ned__totaal_1", "NL01", "2001JJ00", "")).isEqualByComparingTo("8811");
		assertThat(value(this.jdbc, "cbs_80137ned__totaal_1", "NL01", "2001JJ00", "cbs_80137ned__persoonskenmerken=3"))
			.isEqualByComparingTo("3885");
		// the table's mapping file is applied on top of its own measures
		assertThat(value(this.jdbc, "banen", "NL01", "2001JJ00", "sex=vrouw")).isEqualByComparingTo("3885");
		awaitCaches();
		// the table lists the canonical indicator it feeds, named in both languages
		this.client.get()
			.uri("/api/v1/tables/80137ned")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.measures[?(@.code=='banen')].name")
			.isEqualTo("Banen")
			.jsonPath("$.measures[?(@.code=='banen')].nameEn")
			.isEqualTo("Jobs");

		ImportReport v4 = this.importer.importFile(SharedData.file("cbs/odata4_80072ned/Observations.json").getParent(),
				null, null, new ImportOptions(null, true, false), null);
		assertThat(v4.rowsRead()).isEqualTo(4409);
		awaitCaches();
		this.client.get()
			.uri("/api/v1/indicators/cbs_80072ned__m001924")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Ziekteverzuimpercentage")
			.jsonPath("$.unit")
			.isEqualTo("percent")
			.jsonPath("$.decimals")
			.isEqualTo(1)
			.jsonPath("$.definition")
			.value((d) -> assertThat((String) d).startsWith("Het ziekteverzuimpercentage is"));
		// T001081 is the total of the SBI dimension: no breakdown
		assertThat(value(this.jdbc, "cbs_80072ned__m001924", "NL01", "1996KW01", "")).isEqualByComparingTo("5.5");
		assertThat(value(this.jdbc, "ziekteverzuim", "NL01", "1996KW01", "")).isEqualByComparingTo("5.5");
	}

	/**
	 * A v4 response of a table imported on its own metadata: a property outside the spec
	 * and the table's Dimensions is a warning, not a dimension that would move every
	 * value out of the total; OData annotations are no data at all.
	 */
	@Test
	void aV4PropertyOutsideTheSpecIsNoDimensionOfAGenericImport() throws IOException {
		Path folder = Files.createDirectories(Files.createTempDirectory("llo-v4").resolve("odata4_80072ned"));
		Path shared = SharedData.file("cbs/odata4_80072ned/Observations.json").getParent();
		for (String name : new String[] { "Properties.json", "Dimensions.json", "PeriodenCodes.json",
				"BedrijfskenmerkenSBI2008Codes.json", "MeasureCodes.json" }) {
			Files.copy(shared.resolve(name), folder.resolve(name));
		}
		String v4 = Files.readString(SharedData.caseFile("06-odata4-stringvalue.json"), StandardCharsets.UTF_8)
			.replace("\"StringValue\": null,",
					"\"StringValue\": null, \"Footnote\": \"F1\", \"@odata.etag\": \"W/1\",");
		Files.writeString(folder.resolve("Observations.json"), v4, StandardCharsets.UTF_8);
		ImportReport report = this.importer.importFile(folder, null, null,
				new ImportOptions(null, true, false, true, null), null);
		assertThat(report.warnings()).anyMatch((w) -> w.contains("property Footnote"))
			.noneMatch((w) -> w.contains("odata.etag"));
		assertThat(value(this.jdbc, "cbs_80072ned__m001924", "NL01", "1996KW04", "")).isEqualByComparingTo("4.7");

		// without the table's metadata: a property with a number or null is no dimension
		Path alone = Files.createDirectories(Files.createTempDirectory("llo-v4").resolve("odata4_80072ned"));
		Files.writeString(alone.resolve("Observations.json"),
				v4.replace("\"Footnote\": \"F1\",", "\"Weight\": 1.5, \"Note\": null,")
					.replace("\"Value\": 4.7", "\"Value\": 4.75"),
				StandardCharsets.UTF_8);
		ImportReport lone = this.importer.importFile(alone, null, null,
				new ImportOptions(null, true, false, true, null), null);
		assertThat(lone.warnings()).anyMatch((w) -> w.contains("property Weight"))
			.anyMatch((w) -> w.contains("property Note"));
		assertThat(value(this.jdbc, "cbs_80072ned__m001924", "NL01", "1996KW04", "")).isEqualByComparingTo("4.75");
	}

	@Test
	void aMappingWrittenIntoTheMappingsFolderFeedsACanonicalIndicatorWithoutRestart() throws Exception {
		cli("cbs/85624NED.csv", false);
		assertThat(value(this.jdbc, "llo_deelnemers", "NL01", "2021JJ00", "")).isNull();
		Files.writeString(MAPPINGS.resolve("85624NED.yaml"), """
				table: 85624NED
				title: "Tabel 85624NED"
				publisher: CBS
				licence: CC BY 4.0
				url: https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85624NED
				title: "Deelnemers leven lang ontwikkelen; onderwijskenmerken"
				region: NL01
				measures:
				  DeelnemersLevenLangOntwikkelen_1: { indicator: llo_deelnemers }
				dimensions:
				  Geslacht: { "Totaal mannen en vrouwen": {} }
				  Leeftijd: { "15 tot 75 jaar": {}, "*": { skip: true } }
				  Onderwijsniveau: { "Totaal": {}, "*": { skip: true } }
				  Onderwijsvolgend: { "Totaal": {}, "*": { skip: true } }
				  Onderwijskenmerken: { "Totaal personen": {}, "*": { skip: true } }
				""");
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (value(this.jdbc, "llo_deelnemers", "NL01", "2021JJ00", "") == null && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		awaitCaches();
		this.client.get()
			.uri("/api/v1/series?indicator=llo_deelnemers&regions=NL01&from=2021JJ00&to=2023JJ00")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.series[0].points[?(@.period=='2021JJ00')].value")
			.isEqualTo(4298)
			.jsonPath("$.series[0].points[?(@.period=='2021JJ00')].sourceTable")
			.isEqualTo("85624NED");
		// the table's own series stay
		assertThat(value(this.jdbc, "cbs_85624ned__deelnemerslevenlangontwikkelen_1", "NL01", "2021JJ00",
				"cbs_85624ned__leeftijd=15-tot-75-jaar"))
			.isEqualByComparingTo("4298");
		Files.delete(MAPPINGS.resolve("85624NED.yaml"));
	}

	/**
	 * Members of a table without a mapping are the same across imports by their title
	 * (CSV label form): two titles that make one slug ({@code < 25} and {@code > 25}
	 * duizend euro) are two members, in one file and across files. Before, the second
	 * file's figure was written as a new vintage over the first's.
	 */
	@Test
	void twoTitlesWithOneSlugAreTwoMembersInOneFileAndAcrossImports(@org.junit.jupiter.api.io.TempDir Path dir)
			throws IOException {
		String header = "ID;Inkomen;Perioden;Huishoudens_1\n";
		Path first = Files.writeString(dir.resolve("99001NED.csv"),
				header + "0;Totaal;2020;100\n1;< 25 duizend euro;2020;40\n", StandardCharsets.UTF_8);
		ImportReport a = this.importer.importFile(first, null, null, ImportOptions.NONE, null);
		assertThat(a.status()).isEqualTo("succeeded");
		Path second = Files.writeString(dir.resolve("99001NED-b.csv"),
				header + "0;Totaal;2020;100\n1;> 25 duizend euro;2020;60\n", StandardCharsets.UTF_8);
		ImportReport b = this.importer.importFile(second, null, "99001NED", ImportOptions.NONE, null);
		assertThat(b.status()).isEqualTo("succeeded");
		assertThat(b.warnings()).anyMatch((w) -> w.contains("'> 25 duizend euro' is stored as 25-duizend-euro-2"));
		String indicator = "cbs_99001ned__huishoudens_1";
		String dimension = "cbs_99001ned__inkomen=";
		assertThat(value(this.jdbc, indicator, "NL01", "2020JJ00", dimension + "25-duizend-euro"))
			.as("the first file's member keeps its figure")
			.isEqualByComparingTo("40");
		assertThat(value(this.jdbc, indicator, "NL01", "2020JJ00", dimension + "25-duizend-euro-2"))
			.isEqualByComparingTo("60");
		assertThat(value(this.jdbc, indicator, "NL01", "2020JJ00", "")).isEqualByComparingTo("100");
		// both in one file, in either order: each keeps the code it has in the store
		Path both = Files.writeString(dir.resolve("99001NED-c.csv"),
				header + "0;> 25 duizend euro;2021;61\n1;Totaal;2021;101\n2;< 25 duizend euro;2021;41\n",
				StandardCharsets.UTF_8);
		ImportReport c = this.importer.importFile(both, null, "99001NED", ImportOptions.NONE, null);
		assertThat(c.warnings()).noneMatch((w) -> w.contains("is stored as"));
		assertThat(value(this.jdbc, indicator, "NL01", "2021JJ00", dimension + "25-duizend-euro"))
			.isEqualByComparingTo("41");
		assertThat(value(this.jdbc, indicator, "NL01", "2021JJ00", dimension + "25-duizend-euro-2"))
			.isEqualByComparingTo("61");
		assertThat(this.jdbc.fetch(
				"select code, name_nl from dimension_member where dimension_code = 'cbs_99001ned__inkomen' order by code")
			.map((r) -> r.get(0) + "|" + r.get(1))).containsExactly("25-duizend-euro|< 25 duizend euro",
					"25-duizend-euro-2|> 25 duizend euro", "totaal|Totaal");
	}

	/**
	 * An OData download names the members of a dimension by CBS key, a label CSV of the
	 * same table by title: a table without a mapping imported in both forms keeps one
	 * member per title, and the CSV's total rows are the total. The CSV's members were
	 * matched by key only: none matched, each became a second member, and the total
	 * stopped updating while the run warned that the file lacked it.
	 */
	@Test
	void membersOfAnODataDownloadAndALabelCsvOfOneTableAreTheSame(@org.junit.jupiter.api.io.TempDir Path dir)
			throws IOException {
		Path folder = Files.createDirectories(dir.resolve("odata4_99004ned"));
		Files.writeString(folder.resolve("Dimensions.json"), """
				{"value":[{"Identifier":"Geslacht","Kind":"Dimension","Title":"Geslacht"},
				{"Identifier":"Perioden","Kind":"TimeDimension","Title":"Perioden"}]}""", StandardCharsets.UTF_8);
		Files.writeString(folder.resolve("GeslachtCodes.json"), """
				{"value":[{"Identifier":"T001038","Title":"Totaal mannen en vrouwen"},
				{"Identifier":"3000","Title":"Mannen"},{"Identifier":"4000","Title":"Vrouwen (HBO)"}]}""",
				StandardCharsets.UTF_8);
		Files.writeString(folder.resolve("Observations.json"),
				"""
						{"@odata.context":"https://beta-odata4.cbs.nl/CBS/99004NED/$metadata#Observations","value":[
						{"Id":0,"Measure":"M000001","Geslacht":"T001038","Perioden":"2020JJ00","Value":100,"ValueAttribute":"None"},
						{"Id":1,"Measure":"M000001","Geslacht":"3000","Perioden":"2020JJ00","Value":48,"ValueAttribute":"None"},
						{"Id":2,"Measure":"M000001","Geslacht":"4000","Perioden":"2020JJ00","Value":52,"ValueAttribute":"None"}]}""",
				StandardCharsets.UTF_8);
		assertThat(this.importer.importFile(folder, null, null, ImportOptions.NONE, null).status())
			.isEqualTo("succeeded");
		String dimension = "cbs_99004ned__geslacht";
		List<String> members = this.jdbc
			.fetch("select code || '|' || name_nl || '|' || is_total || '|' || coalesce(source_key, '')"
					+ " from dimension_member where dimension_code = ? order by sort_order, code", dimension)
			.getValues(0, String.class);
		assertThat(members).hasSize(3);
		String men = this.jdbc
			.fetchSingle("select code from dimension_member where dimension_code = ? and name_nl = 'Mannen'", dimension)
			.get(0, String.class);
		String women = this.jdbc
			.fetchSingle("select code from dimension_member where dimension_code = ? and source_key = '4000'",
					dimension)
			.get(0, String.class);
		// the CSV of the same table, by title; one title differs in case only
		Path csv = Files.writeString(dir.resolve("99004NED.csv"),
				"ID;Geslacht;Perioden;Personen_1\n"
						+ "0;Totaal mannen en vrouwen;2021;110\n1;Mannen;2021;53\n2;Vrouwen (hbo);2021;57\n",
				StandardCharsets.UTF_8);
		ImportReport report = this.importer.importFile(csv, null, null, ImportOptions.NONE, null);
		assertThat(report.status()).isEqualTo("succeeded");
		assertThat(report.warnings()).noneMatch((w) -> w.contains("total") || w.contains("is stored as"));
		assertThat(this.jdbc.fetchCount(org.jooq.impl.DSL.table("dimension_member"),
				org.jooq.impl.DSL.field("dimension_code").eq(dimension)))
			.as("one member per title")
			.isEqualTo(3);
		// the CSV names the measure by its v3 key, the v4 download by its code: two
		// indicators, one dimension
		String indicator = "cbs_99004ned__personen_1";
		assertThat(value(this.jdbc, indicator, "NL01", "2021JJ00", "")).isEqualByComparingTo("110");
		assertThat(value(this.jdbc, indicator, "NL01", "2021JJ00", dimension + "=" + men)).isEqualByComparingTo("53");
		assertThat(value(this.jdbc, indicator, "NL01", "2021JJ00", dimension + "=" + women)).isEqualByComparingTo("57");
		assertThat(value(this.jdbc, "cbs_99004ned__m000001", "NL01", "2020JJ00", "")).isEqualByComparingTo("100");
		// a CSV without a column that reads as a measure (CBS keys end in _<n>) is
		// refused: its rows were read and none stored, as a success without a warning
		Path none = Files.writeString(dir.resolve("99005NED.csv"), "ID;Geslacht;Perioden;M000001\n0;Mannen;2021;53\n",
				StandardCharsets.UTF_8);
		assertThatThrownBy(() -> this.importer.importFile(none, null, null, ImportOptions.NONE, null))
			.isInstanceOf(ImportException.class)
			.hasMessageContaining("99005NED.csv, line 1")
			.hasMessageContaining("no measure column")
			.hasMessageContaining("ending in _<n>");
	}

	/**
	 * Two CBS members of one title stay two: a release that gives a new member (key A031)
	 * the title an existing one (A025) had, listed first, takes no code of A025 by its
	 * title, whatever the order of the rows. A031's figures were written as new vintages
	 * of A025's series.
	 */
	@Test
	void aNewMemberWithTheTitleOfAnotherKeepsItsOwnSeries(@org.junit.jupiter.api.io.TempDir Path dir)
			throws IOException {
		String dimension = "cbs_99007ned__soort";
		Path first = v4Folder(dir.resolve("a"), "99007NED", """
				{"Identifier":"T001019","Title":"Totaal"},{"Identifier":"A025","Title":"Overig"}""",
				"{\"Soort\":\"T001019\",\"Perioden\":\"2020JJ00\",\"Value\":10}",
				"{\"Soort\":\"A025\",\"Perioden\":\"2020JJ00\",\"Value\":5}");
		assertThat(this.importer.importFile(first, null, null, ImportOptions.NONE, null).status())
			.isEqualTo("succeeded");
		String a025 = this.jdbc
			.fetchSingle("select code from dimension_member where dimension_code = ? and source_key = 'A025'",
					dimension)
			.get(0, String.class);
		Path second = v4Folder(dir.resolve("b"), "99007NED", """
				{"Identifier":"A031","Title":"Overig"},{"Identifier":"T001019","Title":"Totaal"},
				{"Identifier":"A025","Title":"Overig (oude indeling)"}""",
				"{\"Soort\":\"A031\",\"Perioden\":\"2021JJ00\",\"Value\":7}",
				"{\"Soort\":\"T001019\",\"Perioden\":\"2021JJ00\",\"Value\":12}",
				"{\"Soort\":\"A025\",\"Perioden\":\"2021JJ00\",\"Value\":5}");
		assertThat(this.importer.importFile(second, null, null, ImportOptions.NONE, null).status())
			.isEqualTo("succeeded");
		String indicator = "cbs_99007ned__m000001";
		assertThat(value(this.jdbc, indicator, "NL01", "2021JJ00", dimension + "=" + a025)).isEqualByComparingTo("5");
		String a031 = this.jdbc
			.fetchSingle("select code from dimension_member where dimension_code = ? and source_key = 'A031'",
					dimension)
			.get(0, String.class);
		assertThat(a031).isNotEqualTo(a025);
		assertThat(value(this.jdbc, indicator, "NL01", "2021JJ00", dimension + "=" + a031)).isEqualByComparingTo("7");
		assertThat(value(this.jdbc, indicator, "NL01", "2021JJ00", "")).isEqualByComparingTo("12");
	}

	/**
	 * A saved OData v4 folder of a table with one dimension, {@code Soort}: its code list
	 * and observations of measure M000001.
	 */
	private static Path v4Folder(Path parent, String table, String codes, String... observations) throws IOException {
		Path folder = Files.createDirectories(parent.resolve("odata4_" + table.toLowerCase(java.util.Locale.ROOT)));
		Files.writeString(folder.resolve("Dimensions.json"), """
				{"value":[{"Identifier":"Soort","Kind":"Dimension","Title":"Soort"},
				{"Identifier":"Perioden","Kind":"TimeDimension","Title":"Perioden"}]}""", StandardCharsets.UTF_8);
		Files.writeString(folder.resolve("SoortCodes.json"), "{\"value\":[" + codes + "]}", StandardCharsets.UTF_8);
		StringBuilder records = new StringBuilder();
		for (int i = 0; i < observations.length; i++) {
			records.append((i > 0) ? "," : "")
				.append("{\"Id\":")
				.append(i)
				.append(",\"Measure\":\"M000001\",\"ValueAttribute\":\"None\",")
				.append(observations[i], 1, observations[i].length());
		}
		Files.writeString(folder.resolve("Observations.json"), "{\"@odata.context\":\"https://beta-odata4.cbs.nl/CBS/"
				+ table + "/$metadata#Observations\",\"value\":[" + records + "]}", StandardCharsets.UTF_8);
		return folder;
	}

	/**
	 * The total of a dimension of a table without a mapping does not depend on the order
	 * of a file's rows: 'Totaal' before 'Totaal exclusief buitenland' in the first file,
	 * after it in the second, is the total in both, and a file without the stored total
	 * has none. Before, the first total-like title of each file was the total, so the
	 * second file's figure for the part was written over the total's.
	 */
	@Test
	void theTotalOfADimensionDoesNotDependOnTheOrderOfTheRows(@org.junit.jupiter.api.io.TempDir Path dir)
			throws IOException {
		String header = "ID;Herkomst;Perioden;Personen_1\n";
		Path first = Files.writeString(dir.resolve("99002NED.csv"),
				header + "0;Totaal;2020;500\n1;Totaal exclusief buitenland;2020;450\n2;Buitenland;2020;50\n",
				StandardCharsets.UTF_8);
		assertThat(this.importer.importFile(first, null, null, ImportOptions.NONE, null).warnings())
			.noneMatch((w) -> w.contains("total"));
		Path second = Files.writeString(dir.resolve("99002NED-b.csv"),
				header + "0;Totaal exclusief buitenland;2020;460\n1;Totaal;2020;510\n2;Buitenland;2020;50\n",
				StandardCharsets.UTF_8);
		ImportReport b = this.importer.importFile(second, null, "99002NED", ImportOptions.NONE, null);
		assertThat(b.status()).isEqualTo("succeeded");
		assertThat(b.warnings())
			.anyMatch((w) -> w.contains("the total is 'Totaal'") && w.contains("'Totaal exclusief buitenland'"));
		String indicator = "cbs_99002ned__personen_1";
		String dimension = "cbs_99002ned__herkomst=";
		assertThat(value(this.jdbc, indicator, "NL01", "2020JJ00", "")).isEqualByComparingTo("510");
		assertThat(value(this.jdbc, indicator, "NL01", "2020JJ00", dimension + "totaal-exclusief-buitenland"))
			.isEqualByComparingTo("460");
		assertThat(value(this.jdbc, indicator, "NL01", "2020JJ00", dimension + "buitenland"))
			.isEqualByComparingTo("50");
		// a file without the stored total: its total-like member is an ordinary one
		Path third = Files.writeString(dir.resolve("99002NED-c.csv"),
				header + "0;Totaal exclusief buitenland;2021;470\n1;Buitenland;2021;55\n", StandardCharsets.UTF_8);
		ImportReport c = this.importer.importFile(third, null, "99002NED", ImportOptions.NONE, null);
		assertThat(c.warnings()).anyMatch((w) -> w.contains("the file lacks the stored total"));
		assertThat(value(this.jdbc, indicator, "NL01", "2021JJ00", "")).isNull();
		assertThat(value(this.jdbc, indicator, "NL01", "2021JJ00", dimension + "totaal-exclusief-buitenland"))
			.isEqualByComparingTo("470");
		// a first import that lists the part first still takes 'Totaal' as the total
		Path other = Files.writeString(dir.resolve("99003NED.csv"),
				header.replace("Herkomst", "Soort") + "0;Totaal zonder x;2020;7\n1;Totaal;2020;9\n",
				StandardCharsets.UTF_8);
		assertThat(this.importer.importFile(other, null, null, ImportOptions.NONE, null).status())
			.isEqualTo("succeeded");
		assertThat(value(this.jdbc, "cbs_99003ned__personen_1", "NL01", "2020JJ00", "")).isEqualByComparingTo("9");
		assertThat(
				value(this.jdbc, "cbs_99003ned__personen_1", "NL01", "2020JJ00", "cbs_99003ned__soort=totaal-zonder-x"))
			.isEqualByComparingTo("7");
	}

}
