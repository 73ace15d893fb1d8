package nl.llomonitor.reliability;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import nl.llomonitor.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app instances (two Spring contexts on their own random ports) against one
 * PostgreSQL database: an import through instance A's admin endpoint makes instance B
 * serve the new data with a new ETag (its old ETag no longer gives 304) and pushes
 * {@code data-changed} to B's SSE clients, through PostgreSQL LISTEN/NOTIFY only.
 */
class MultiInstanceIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(MultiInstanceIntegrationTests.class);

	private static final String TOKEN = Apps.TOKEN;

	private static final String SERIES = "/api/v1/series?indicator=netto_arbeidsparticipatie&regions=GM0344&periodType=year";

	@RegisterExtension
	final AppsOnOneDatabase apps = new AppsOnOneDatabase("llo_multi");

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	private Disposable events;

	@AfterEach
	void stop() {
		if (this.events != null) {
			this.events.dispose();
		}
	}

	@Test
	void importThroughOneInstanceRefreshesTheOther() throws Exception {
		this.a = this.apps.start();
		this.b = this.apps.start();
		WebClient clientA = client(this.a);
		WebClient clientB = client(this.b);

		ResponseEntity<String> before = clientB.get().uri(SERIES).retrieve().toEntity(String.class).block();
		String etag = before.getHeaders().getETag();
		assertThat(etag).isNotNull();
		assertThat(before.getBody()).contains("\"points\":[]");
		assertThat(clientB.get()
			.uri(SERIES)
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchangeToMono((r) -> reactor.core.publisher.Mono.just(r.statusCode().value()))
			.block()).isEqualTo(304);

		List<ServerSentEvent<String>> received = new CopyOnWriteArrayList<>();
		this.events = clientB.get()
			.uri("/api/v1/events")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.subscribe(received::add);
		waitUntil(() -> received.stream().anyMatch((e) -> "hello".equals(e.event())), 10);

		// import through instance A
		// the multipart body by hand: the client's writer draws its boundary from
		// SecureRandom
		// on the event loop, which BlockHound rejects
		byte[] file = java.nio.file.Files.readAllBytes(SharedData.file("cbs/85268NED.csv"));
		String boundary = "llo-multi-instance-7c1e";
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"85268NED.csv\""
						+ "\r\nContent-Type: text/csv\r\n\r\n")
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		long importStart = System.nanoTime();
		String report = clientA.post()
			.uri("/api/admin/imports")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
			.contentType(MediaType.parseMediaType("multipart/form-data;boundary=" + boundary))
			.bodyValue(body.toByteArray())
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(120));
		assertThat(report).contains("\"status\":\"succeeded\"");
		long imported = System.nanoTime();

		// B's SSE clients hear of it, and B serves the new data under a new ETag
		waitUntil(() -> received.stream().anyMatch((e) -> "data-changed".equals(e.event())), 10);
		long notifiedMs = (System.nanoTime() - imported) / 1_000_000;
		ResponseEntity<String> after = clientB.get()
			.uri(SERIES)
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.retrieve()
			.toEntity(String.class)
			.block();
		assertThat(after.getStatusCode().value()).isEqualTo(200);
		assertThat(after.getHeaders().getETag()).isNotEqualTo(etag);
		// Utrecht (gemeente), 2024: net participation 77.6 (85268NED)
		assertThat(after.getBody()).contains("\"period\":\"2024JJ00\"").contains("77.6");
		// and A agrees
		assertThat(clientA.get().uri(SERIES).retrieve().toEntity(String.class).block().getHeaders().getETag())
			.isEqualTo(after.getHeaders().getETag());
		logger.info("MULTI-INSTANCE import_ms={} sse_after_commit_ms={} etag_before={} etag_after={}",
				(imported - importStart) / 1_000_000, notifiedMs, etag, after.getHeaders().getETag());
	}

	private static WebClient client(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return WebClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.codecs((c) -> c.defaultCodecs().maxInMemorySize(16 << 20))
			.build();
	}

	private static void waitUntil(KilledImportIntegrationTests.Check check, int seconds) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		while (!check.ok()) {
			assertThat(System.nanoTime()).as("condition within %d s", seconds).isLessThan(deadline);
			Thread.sleep(20);
		}
	}

}
