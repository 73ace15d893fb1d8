package nl.llomonitor.importer;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import nl.llomonitor.api.WebAnswers;
import nl.llomonitor.api.WebSliceTestConfiguration;
import nl.llomonitor.importer.catalog.MappingService;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Web slices of the admin controllers of the importer (docs/api.md, {@code /api/admin}),
 * behind the admin filter and the upload guard as in the application: without the bearer
 * token nothing runs; an upload's parts are parsed into the import's format and options,
 * bad parts refused before any import; a mapping upload reaches the mapping service byte
 * for byte, and what it refuses is a 422 {@code import-failed}.
 */
@WebFluxTest(controllers = { AdminImportController.class, AdminMappingController.class })
@Import({ WebSliceTestConfiguration.class, UploadGuard.class })
@TestPropertySource(
		properties = { "llo.admin.token=" + ImporterControllersWebFluxTests.TOKEN, "llo.admin.rate-limit.burst=1000" })
class ImporterControllersWebFluxTests {

	static final String TOKEN = "slice-admin-token";

	private static final String BEARER = "Bearer " + TOKEN;

	private static final String BOUNDARY = "slice-test-boundary";

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private Uploads uploads;

	@MockitoBean
	private MappingService mappings;

	@Test
	void nothingRunsWithoutTheToken() {
		upload("x").exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("WWW-Authenticate", "Bearer realm=\"llo-admin\"")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/unauthorized");
		this.client.get()
			.uri("/api/admin/mappings")
			.header("Authorization", "Bearer not-the-token")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/forbidden");
		this.client.delete().uri("/api/admin/mappings/85624NED").exchange().expectStatus().isUnauthorized();
		this.client.post()
			.uri("/api/admin/mappings")
			.bodyValue("table: 85624NED")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.client.get().uri("/api/admin/imports").exchange().expectStatus().isUnauthorized();
		verifyNoInteractions(this.uploads, this.mappings);
	}

	@Test
	void anUploadBindsItsPartsToTheImport() {
		AtomicReference<String> received = new AtomicReference<>();
		willAnswer((call) -> call.<Mono<FilePart>>getArgument(0)
			.flatMap((part) -> DataBufferUtils.join(part.content()).map((buffer) -> {
				received.set(part.filename() + ": " + buffer.toString(StandardCharsets.UTF_8));
				DataBufferUtils.release(buffer);
				return report();
			}))).given(this.uploads).importFile(any(), any(), any(), any());
		upload("ID;RegioS;Perioden", "format", "cbs-csv", "tableId", "85268NED", "published", "2020-08-14", "generic",
				"true", "skipUnknownRegions", "true", "allowIncomplete", "TRUE", "validFrom", "2025-01-01")
			.header("Authorization", BEARER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(7)
			.jsonPath("$.status")
			.isEqualTo("succeeded");
		assertThat(received).hasValue("85268NED.csv: ID;RegioS;Perioden");
		ArgumentCaptor<ImportOptions> options = ArgumentCaptor.forClass(ImportOptions.class);
		verify(this.uploads).importFile(any(), eq(ImportFormat.CBS_CSV), eq("85268NED"), options.capture());
		assertThat(options.getValue().published().toLocalDate()).isEqualTo(LocalDate.of(2020, 8, 14));
		assertThat(options.getValue())
			.extracting(ImportOptions::generic, ImportOptions::skipUnknownRegions, ImportOptions::allowIncomplete,
					ImportOptions::validFrom)
			.containsExactly(true, true, true, LocalDate.of(2025, 1, 1));
	}

	@Test
	void anUploadWithoutOptionsIsRecognisedAndImportedAsItIs() {
		given(this.uploads.importFile(any(), any(), any(), any())).willReturn(Mono.just(report()));
		upload("x").header("Authorization", BEARER).exchange().expectStatus().isOk();
		verify(this.uploads).importFile(any(), eq(null), eq(null), eq(ImportOptions.NONE));
	}

	@Test
	void badPartsAre400BeforeAnyImport() {
		expect400("format", "xlsx", "format");
		expect400("published", "14-08-2020", "published");
		expect400("published", OffsetDateTime.now().plusDays(2).toLocalDate().toString(), "published");
		expect400("allowIncomplete", "maybe", "allowIncomplete");
		expect400("validFrom", "soon", "validFrom");
		verifyNoInteractions(this.uploads);
	}

	@Test
	void theImportStateIsWhatTheUploadsReport() {
		given(this.uploads.state()).willReturn(Mono.just(Map.of("history", List.of(Map.of("id", 7)))));
		this.client.get()
			.uri("/api/admin/imports")
			.header("Authorization", BEARER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.history[0].id")
			.isEqualTo(7);
		verify(this.uploads).state();
	}

	@Test
	void aMappingUploadReachesTheServiceByteForByte() {
		String yaml = "table: 85624NED\npublisher: CBS\n# één\n";
		given(this.mappings.upload(any(), any())).willReturn(new MappingService.Uploaded("85624NED", null));
		this.client.post()
			.uri("/api/admin/mappings?name=85624NED.yaml")
			.header("Authorization", BEARER)
			.contentType(MediaType.parseMediaType("application/yaml"))
			.bodyValue(yaml.getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.table")
			.isEqualTo("85624NED");
		verify(this.mappings).upload(yaml.getBytes(StandardCharsets.UTF_8), "85624NED.yaml");
		this.client.post()
			.uri("/api/admin/mappings")
			.header("Authorization", BEARER)
			.bodyValue("table: 80137NED".getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectStatus()
			.isOk();
		verify(this.mappings).upload("table: 80137NED".getBytes(StandardCharsets.UTF_8), "uploaded mapping");
	}

	@Test
	void aMappingTheServiceRefusesIs422AndAnEmptyOneIs400() {
		given(this.mappings.upload(any(), any())).willThrow(new ImportException("85624NED.yaml", "measures",
				"indicator", "llo_onbekend", "an indicator of data/indicators.yaml", "unknown indicator"));
		this.client.post()
			.uri("/api/admin/mappings?name=85624NED.yaml")
			.header("Authorization", BEARER)
			.bodyValue("table: 85624NED".getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/import-failed")
			.jsonPath("$.parameter")
			.isEqualTo("body")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("85624NED.yaml").contains("llo_onbekend"));
		WebAnswers.invalidParameter(
				this.client.post().uri("/api/admin/mappings").header("Authorization", BEARER).exchange(), "body");
		verify(this.mappings).upload(any(), any());
	}

	@Test
	void removingAMappingIs204Or404() {
		given(this.mappings.remove("85624NED")).willReturn(true);
		given(this.mappings.remove("80137NED")).willReturn(false);
		this.client.delete()
			.uri("/api/admin/mappings/85624NED")
			.header("Authorization", BEARER)
			.exchange()
			.expectStatus()
			.isNoContent();
		this.client.delete()
			.uri("/api/admin/mappings/80137NED")
			.header("Authorization", BEARER)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/not-found")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("80137NED"));
		verify(this.mappings).remove("85624NED");
		verify(this.mappings).remove("80137NED");
	}

	@Test
	void theMappingsInForceAreListed() {
		given(this.mappings.listing()).willReturn(new MappingService.Listing(List.of("85268NED", "85624NED"),
				Map.of("99999NED.yaml", "does not match data/schema/mapping.schema.json")));
		this.client.get()
			.uri("/api/admin/mappings")
			.header("Authorization", BEARER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.tables")
			.isEqualTo(List.of("85268NED", "85624NED"))
			.jsonPath("$.leftOut['99999NED.yaml']")
			.isEqualTo("does not match data/schema/mapping.schema.json");
	}

	private void expect400(String part, String value, String parameter) {
		WebAnswers.invalidParameter(upload("x", part, value).header("Authorization", BEARER).exchange(), parameter);
	}

	/**
	 * A multipart upload written out by hand: the client's own multipart writer draws its
	 * boundary from {@code SecureRandom}, a blocking read on a non-blocking thread.
	 * @param content the content of the part {@code file} (named 85268NED.csv)
	 * @param fields further parts, name and value
	 */
	private WebTestClient.RequestHeadersSpec<?> upload(String content, String... fields) {
		StringBuilder body = new StringBuilder();
		body.append("--")
			.append(BOUNDARY)
			.append("\r\n")
			.append("Content-Disposition: form-data; name=\"file\"; filename=\"85268NED.csv\"\r\n")
			.append("Content-Type: text/plain\r\n\r\n")
			.append(content)
			.append("\r\n");
		for (int i = 0; i + 1 < fields.length; i += 2) {
			body.append("--")
				.append(BOUNDARY)
				.append("\r\n")
				.append("Content-Disposition: form-data; name=\"")
				.append(fields[i])
				.append("\"\r\n\r\n")
				.append(fields[i + 1])
				.append("\r\n");
		}
		body.append("--").append(BOUNDARY).append("--\r\n");
		return this.client.post()
			.uri("/api/admin/imports")
			.contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + BOUNDARY))
			.bodyValue(body.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static ImportReport report() {
		return new ImportReport(7, "cbs-csv", "85268NED.csv", "85268NED", "abc", "succeeded", 2, 2, 0, List.of(), 8L,
				OffsetDateTime.parse("2024-03-01T10:00:00Z"), OffsetDateTime.parse("2024-03-01T10:00:01Z"), null);
	}

}
