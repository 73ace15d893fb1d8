package nl.llomonitor.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import nl.llomonitor.SharedData;
import nl.llomonitor.api.WebAnswers;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The admin upload endpoint: token checks, a real file imported through it, and a bad
 * file answered with an import-failed problem.
 */
// a burst above the requests of this class (the limit itself:
// AdminAccessIntegrationTests)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "llo.admin.token=test-admin-token", "llo.admin.rate-limit.burst=100",
				"llo.admin.imports-per-minute=100" })
@AutoConfigureWebTestClient
@Import(TestDatabaseConfiguration.class)
class AdminImportIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier(nl.llomonitor.system.DatabaseConfiguration.JDBC_DSL)
	private org.jooq.DSLContext jdbc;

	/**
	 * A shared file read into memory on the test thread (a file resource would be read on
	 * the client's event loop).
	 */
	private static ByteArrayResource named(String shared) {
		return named(SharedData.file(shared));
	}

	private static ByteArrayResource named(java.nio.file.Path file) {
		try {
			return named(file.getFileName().toString(), Files.readAllBytes(file));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * @param fileName the name the upload gives
	 * @param bytes its content
	 * @return the file part
	 */
	private static ByteArrayResource named(String fileName, byte[] bytes) {
		return new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return fileName;
			}
		};
	}

	/**
	 * @param entries path in the archive to content, in order
	 * @return a zip archive of them
	 */
	private static byte[] zip(Map<String, byte[]> entries) throws IOException {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> e : entries.entrySet()) {
				zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
				zip.write(e.getValue());
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	/**
	 * @param body a multipart body ({@link #upload})
	 * @return the answer to it, posted with the admin token
	 */
	private WebTestClient.ResponseSpec importAs(byte[] body) {
		return this.client.post()
			.uri("/api/admin/imports")
			.header("Authorization", "Bearer test-admin-token")
			.contentType(MULTIPART)
			.bodyValue(body)
			.exchange();
	}

	/** The answer imported the shared 85268NED.csv as a CBS CSV of its table. */
	private static void importedAs85268NED(WebTestClient.ResponseSpec answer) {
		answer.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.format")
			.isEqualTo("cbs-csv")
			.jsonPath("$.tableId")
			.isEqualTo("85268NED");
	}

	private static final String BOUNDARY = "llo-test-boundary-7f3a";

	private static final MediaType MULTIPART = MediaType.parseMediaType("multipart/form-data;boundary=" + BOUNDARY);

	/**
	 * The multipart body, written by hand: the client's multipart writer draws its
	 * boundary from SecureRandom on the event loop, which BlockHound rightly rejects.
	 */
	private static byte[] upload(ByteArrayResource file) {
		return upload(file, null);
	}

	private static byte[] upload(ByteArrayResource file, String published) {
		return upload(file, "published", published);
	}

	private static byte[] upload(ByteArrayResource file, String part, String value) {
		try {
			java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
			if (value != null) {
				body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part + "\"\r\n\r\n"
						+ value + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
					+ file.getFilename() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.write(file.getByteArray());
			body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return body.toByteArray();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void aCutOffResponseIsRefusedUnlessAllowedAndThenMarkedIncomplete() {
		// case 08: page 1 of 15,504 records without its odata.nextLink
		ByteArrayResource capped = named(SharedData.caseFile("08-odataapi-capped-10000.json"));
		importAs(upload(capped)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/import-failed")
			.jsonPath("$.detail")
			.value((detail) -> org.assertj.core.api.Assertions.assertThat((String) detail)
				.contains("probably incomplete")
				.contains("odata.nextLink")
				.contains("allowIncomplete=true"));
		importAs(upload(capped, "allowIncomplete", "maybe")).expectStatus().isBadRequest();
		importAs(upload(capped, "allowIncomplete", "true")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.complete")
			.isEqualTo(false)
			.jsonPath("$.incompleteReason")
			.value((reason) -> org.assertj.core.api.Assertions.assertThat((String) reason).contains("10,000"))
			.jsonPath("$.rowsRead")
			.isEqualTo(10_000)
			.jsonPath("$.warnings[0]")
			.value((w) -> org.assertj.core.api.Assertions.assertThat((String) w).startsWith("INCOMPLETE"));
		// the history says so too
		this.client.get()
			.uri("/api/admin/imports")
			.header("Authorization", "Bearer test-admin-token")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.history[?(@.file_name == '08-odataapi-capped-10000.json' && @.status != 'failed')].complete")
			.value((complete) -> org.assertj.core.api.Assertions.assertThat((List<Object>) complete)
				.isNotEmpty()
				.containsOnly(false))
			.jsonPath("$.history[?(@.file_name == '08-odataapi-capped-10000.json' && @.status != 'failed')]"
					+ ".incomplete_reason")
			.value((reasons) -> org.assertj.core.api.Assertions.assertThat(reasons.toString()).contains("10,000"));
	}

	@Test
	void withoutATokenIs401ProblemJson() {
		this.client.post()
			.uri("/api/admin/imports")
			.contentType(MULTIPART)
			.bodyValue(upload(named("cbs/85268NED.csv")))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/unauthorized");
	}

	@Test
	void withAWrongTokenIs403() {
		this.client.post()
			.uri("/api/admin/imports")
			.header("Authorization", "Bearer wrong")
			.contentType(MULTIPART)
			.bodyValue(upload(named("cbs/85268NED.csv")))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/forbidden");
	}

	@Test
	void aRealFileIsImportedAndReported() {
		importAs(upload(named("eurostat/trng_lfse_04_NL_subset.tsv"))).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.format")
			.isEqualTo("eurostat-tsv")
			.jsonPath("$.tableId")
			.isEqualTo("trng_lfse_04")
			.jsonPath("$.rowsRead")
			.isEqualTo(51)
			.jsonPath("$.status")
			.value((status) -> org.assertj.core.api.Assertions.assertThat(status).isIn("succeeded", "unchanged"));
	}

	/**
	 * A file published on a day (given as {@code published}) is not yet known at the
	 * start of that day: {@code asOf} that day leaves it out, the next day has it. Both
	 * dates are days in the Netherlands, where CBS publishes; before, {@code asOf} was
	 * the start of the day in UTC, which came after a publication at the start of the
	 * Dutch day.
	 */
	@Test
	void aFigurePublishedOnADayIsNotKnownAsOfThatDay() {
		importAs(upload(named("published-on-a-day.csv", own("99901TST", "1999JJ00", "123.4")), "2019-03-05"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rowsInserted")
			.isEqualTo(1);
		String uri = "/api/v1/series?indicator=beroepsbevolking&regions=GM0344&from=1999JJ00&to=1999JJ00&asOf=";
		this.client.get()
			.uri(uri + "2019-03-05")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.asOf")
			.isEqualTo("2019-03-05")
			.jsonPath("$.series[0].points.length()")
			.isEqualTo(0);
		this.client.get()
			.uri(uri + "2019-03-06")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.series[0].points[0].value")
			.isEqualTo(123.4);

		// a back-dated cell that a later import of its table lacks is not written (it
		// would become current over that release); the run says so, instead of
		// counting it as unchanged
		importAs(upload(named("eurostat/trng_lfse_04_NL_subset.tsv"))).expectStatus().isOk();
		oneCellNotStored(
				importAs(
						upload(named("published-earlier.csv", own("trng_lfse_04", "1998JJ00", "120.1")), "2019-01-10")),
				"trng_lfse_04", "beroepsbevolking GM0344 1998JJ00");
	}

	/**
	 * A back-dated cell that differs from its vintage of that moment by its status alone
	 * (voorlopig made definitief, the most common CBS revision) and is not written
	 * because a later import of its table lacks it, is counted like one whose value
	 * differs.
	 */
	@Test
	void aBackdatedStatusRevisionThatIsNotWrittenIsCounted() {
		importAs(upload(named("status-2018.csv", own("99977TST", "1996JJ00", "100.0", "voorlopig")), "2018-01-01"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rowsInserted")
			.isEqualTo(1);
		importAs(upload(named("99977TST.csv",
				"ID;RegioS;Perioden;Iets_1\n0;Nederland;2020;5\n".getBytes(StandardCharsets.UTF_8))))
			.expectStatus()
			.isOk();
		oneCellNotStored(importAs(
				upload(named("status-2019.csv", own("99977TST", "1996JJ00", "100.0", "definitief")), "2019-01-01")),
				"99977TST", "beroepsbevolking GM0344 1996JJ00");
	}

	/**
	 * The answer to a back-dated import that wrote nothing: its one cell is named in the
	 * backdated-not-written warning, with its table.
	 */
	private static void oneCellNotStored(WebTestClient.ResponseSpec answer, String table, String cell) {
		answer.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rowsInserted")
			.isEqualTo(0)
			.jsonPath("$.warnings[0]")
			.value((w) -> org.assertj.core.api.Assertions.assertThat((String) w)
				.contains("1 new or changed cells of this back-dated download were not stored", table, cell));
	}

	/** One row of the project's own format: beroepsbevolking of gemeente Utrecht. */
	private static byte[] own(String table, String period, String value) {
		return own(table, period, value, "definitief");
	}

	private static byte[] own(String table, String period, String value, String status) {
		return ("# LLO Monitor observations v1\n"
				+ "table;indicator;region;period;breakdown;value;margin_low;margin_high;status;flags\n" + table
				+ ";beroepsbevolking;GM0344;" + period + ";;" + value + ";;;" + status + ";\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void aPublicationDateThatIsNotADateIs400NamingThePart() {
		WebAnswers.invalidParameter(importAs(upload(named("eurostat/trng_lfse_04_NL_subset.tsv"), "gisteren")),
				"published");
	}

	@Test
	void anEditionDateIsADateAndOnlyForARegionEdition() {
		importAs(upload(named("cbs/85755NED.csv"), "validFrom", "volgend jaar")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo("validFrom");
		importAs(upload(named("eurostat/trng_lfse_04_NL_subset.tsv"), "validFrom", "2025-01-01")).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> org.assertj.core.api.Assertions.assertThat((String) detail)
				.contains("not a region edition"));
	}

	@Test
	void aBadFileIs422WithTheLineAndColumn() throws IOException {
		String text = Files.readString(SharedData.file("cbs/85268NED.csv"), StandardCharsets.UTF_8)
			.replace("Utrecht (PV)", "Utreg (PV)");
		ByteArrayResource file = named("85268NED.csv", text.getBytes(StandardCharsets.UTF_8));
		importAs(upload(file)).expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/import-failed")
			.jsonPath("$.detail")
			.value((detail) -> org.assertj.core.api.Assertions.assertThat((String) detail)
				.contains("85268NED.csv", "column RegioS", "'Utreg (PV)'", "line "));
	}

	@ParameterizedTest
	@ValueSource(strings = { "foo bar", "../../x", "ABC.DEF" })
	void aTableIdThatIsNoTableIdIs422NamingIt(String tableId) {
		importAs(upload(named("eurostat/trng_lfse_04_NL_subset.tsv"), "tableId", tableId)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/import-failed")
			.jsonPath("$.detail")
			.value((detail) -> org.assertj.core.api.Assertions.assertThat((String) detail)
				.contains("column tableId", "'" + tableId + "'", "not a table id"));
	}

	@Test
	void aFileWithoutATableIdNamesTheFormFieldThatGivesIt() throws IOException {
		// the first 200 rows of a table without a mapping, saved under another name
		List<String> lines = Files.readAllLines(SharedData.file("cbs/85624NED.csv"), StandardCharsets.UTF_8);
		byte[] bytes = (String.join("\n", lines.subList(0, 201)) + "\n").getBytes(StandardCharsets.UTF_8);
		ByteArrayResource file = named("download.csv", bytes);
		importAs(upload(file)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/import-failed")
			.jsonPath("$.detail")
			.value((detail) -> org.assertj.core.api.Assertions.assertThat((String) detail)
				.contains("download.csv", "unknown table", "admin form field tableId"));
		// given in that field, the same file is read as that table: an id of its own
		// here, so that the shared 85624NED stays as other tests import it
		importAs(upload(file, "tableId", "85624TST")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.tableId")
			.isEqualTo("85624TST")
			.jsonPath("$.rowsRead")
			.isEqualTo(200);
	}

	/**
	 * A saved OData v4 folder uploaded as a zip is read as the folder: its periods keep
	 * their status from PeriodenCodes.json (2020KW01 is voorlopig), which a lone
	 * Observations.json cannot give.
	 */
	@Test
	void aZippedODataFolderIsImportedWithItsCodeLists() throws IOException {
		Path folder = SharedData.root().resolve("cbs/odata4_80072ned");
		String fresh = (System.nanoTime() % 90 + 10) / 10.0 + "1";
		Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
		try (java.util.stream.Stream<Path> files = Files.list(folder)) {
			for (Path f : files.sorted().toList()) {
				entries.put("odata4_80072ned/" + f.getFileName(), Files.readAllBytes(f));
			}
		}
		// a fresh value for 2020KW01, so that this upload writes its vintage
		entries.computeIfPresent("odata4_80072ned/Observations.json",
				(k, content) -> new String(content, StandardCharsets.UTF_8)
					.replace("{\"Id\":120,\"Value\":5.2,", "{\"Id\":120,\"Value\":" + fresh + ",")
					.getBytes(StandardCharsets.UTF_8));
		ByteArrayResource file = named("odata4_80072ned.zip", zip(entries));
		importAs(upload(file)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.format")
			.isEqualTo("cbs-odata4")
			.jsonPath("$.tableId")
			.isEqualTo("80072ned")
			.jsonPath("$.fileName")
			.isEqualTo("odata4_80072ned")
			.jsonPath("$.rowsRead")
			.isEqualTo(4409);
		this.client.get()
			.uri("/api/v1/series?indicator=ziekteverzuim&regions=NL01&from=2020KW01&to=2020KW01")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.series[0].points[0].value")
			.isEqualTo(Double.parseDouble(fresh))
			.jsonPath("$.series[0].points[0].status")
			.isEqualTo("voorlopig");
	}

	@Test
	void aZipThatReachesOutsideItsFolderIs422NamingTheEntry() throws IOException {
		ByteArrayResource file = named("odata4_80072ned.zip",
				zip(Map.of("../../etc/Observations.json", "{}".getBytes(StandardCharsets.UTF_8))));
		importAs(upload(file)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/import-failed")
			.jsonPath("$.detail")
			.value((detail) -> org.assertj.core.api.Assertions.assertThat((String) detail)
				.contains("odata4_80072ned.zip", "'../../etc/Observations.json'", "a path outside it"));
		// recorded as a refused zip, not as a file of unknown format
		org.assertj.core.api.Assertions
			.assertThat(
					this.jdbc
						.fetchSingle(
								"select format, status, error from import_run where file_name = 'odata4_80072ned.zip'"
										+ " order by id desc limit 1")
						.intoList())
			.containsExactly("zip", "failed", "odata4_80072ned.zip, column entry: a path outside it"
					+ " (value '../../etc/Observations.json'); expected a file inside the archive's folder");
	}

	@Test
	void aZippedFileWithoutATableIdInItsNameTakesTheArchivesName() throws IOException {
		ByteArrayResource file = named("85268NED.zip",
				zip(Map.of("data.csv", Files.readAllBytes(SharedData.file("cbs/85268NED.csv")))));
		importedAs85268NED(importAs(upload(file)));
	}

	@Test
	void aZipInAZipAndAWorkbookAre422SayingWhatTheyAre() throws IOException {
		byte[] inner = zip(Map.of("85268NED.csv", "ID;RegioS\n".getBytes(StandardCharsets.UTF_8)));
		importAs(upload(named("outer.zip", zip(Map.of("inner.zip", inner))))).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> org.assertj.core.api.Assertions.assertThat((String) detail)
				.contains("outer.zip", "'inner.zip'", "a zip inside the zip"));
		importAs(upload(named("85268NED.xlsx",
				zip(Map.of("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8))))))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> org.assertj.core.api.Assertions.assertThat((String) detail)
				.contains("85268NED.xlsx", "spreadsheet workbook", "save the sheet as CSV"));
	}

	@Test
	void aGzippedFileIsImportedAsTheFileItsNameGives() throws IOException {
		java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
		try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
			out.write(Files.readAllBytes(SharedData.file("cbs/85268NED.csv")));
		}
		importedAs85268NED(importAs(upload(named("85268NED.csv.gz", gz.toByteArray()))));
		// cut off in the middle: refused as damaged, recorded as a failed gzip upload
		byte[] cut = java.util.Arrays.copyOf(gz.toByteArray(), gz.size() / 2);
		importAs(upload(named("85268NED.csv.gz", cut))).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> org.assertj.core.api.Assertions.assertThat((String) detail)
				.startsWith("85268NED.csv.gz: damaged gzip file")
				.contains("expected a complete gzip file"));
		org.assertj.core.api.Assertions
			.assertThat(
					this.jdbc.fetchSingle("select format, status from import_run where file_name = '85268NED.csv.gz'"
							+ " order by id desc limit 1")
						.intoList())
			.containsExactly("gzip", "failed");
	}

	/**
	 * A file saved as UTF-16 (Excel's "Unicode text") is refused as such, with or without
	 * a format given, and recorded as a failed run: it used to be "unknown format" with
	 * garbled characters, or a Windows-1252 file when the format was given.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "", "cbs-csv" })
	void aUtf16FileIs422SayingSoAndIsRecorded(String format) throws IOException {
		String text = Files.readString(SharedData.file("cbs/85268NED.csv"), StandardCharsets.UTF_8);
		// Java's UTF-16 writes the big-endian mark; Excel writes the little-endian one
		byte[] littleEndian = ("\uFEFF" + text.substring(1)).getBytes(StandardCharsets.UTF_16LE);
		importAs(upload(named("85268NED.csv", littleEndian), "format", format.isEmpty() ? null : format)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/import-failed")
			.jsonPath("$.detail")
			.isEqualTo("85268NED.csv, line 1: the file is UTF-16 (little-endian byte order mark FF FE), not UTF-8"
					+ " (value 'FF FE 49 00 44 00 3B 00'); expected a UTF-8 file (save it as \"CSV UTF-8\")");
		org.assertj.core.api.Assertions
			.assertThat(this.jdbc.fetchSingle("select status, error from import_run where file_name = '85268NED.csv'"
					+ " order by id desc limit 1")
				.intoList())
			.containsExactly("failed", "85268NED.csv, line 1: the file is UTF-16 (little-endian byte order mark FF FE),"
					+ " not UTF-8 (value 'FF FE 49 00 44 00 3B 00'); expected a UTF-8 file (save it as \"CSV UTF-8\")");
		// without a mark: its NUL bytes give it away
		byte[] noMark = text.substring(1).getBytes(StandardCharsets.UTF_16LE);
		importAs(upload(named("85268NED.csv", noMark), "format", format.isEmpty() ? null : format)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> org.assertj.core.api.Assertions.assertThat((String) detail)
				.startsWith("85268NED.csv, byte 2: a NUL byte: the file is UTF-16 without a byte order mark")
				.contains("'49 00 44 00"));
		// a JSON response in UTF-16 big-endian, too
		byte[] json = ("\uFEFF{\"odata.metadata\":\"x\",\"value\":[]}").getBytes(StandardCharsets.UTF_16BE);
		importAs(upload(named("83599NED_TypedDataSet.json", json))).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> org.assertj.core.api.Assertions.assertThat((String) detail)
				.contains("UTF-16 (big-endian byte order mark FE FF)"));
	}

	@Test
	void anEmptyFileIs422SayingSo() {
		importAs(upload(named("85268NED.csv", new byte[0]))).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("85268NED.csv: the file is empty (0 bytes); expected a file with a header and data rows");
	}

}
