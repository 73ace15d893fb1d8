package nl.llomonitor.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import nl.llomonitor.LloMonitorApplication;
import nl.llomonitor.system.DatabaseEndpoint;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Support for reliability tests that run whole app instances: start one on a database or
 * on the embedded server, talk to it, upload a file to its admin endpoint.
 */
final class Apps {

	static final String TOKEN = "reliability-test-token";

	private Apps() {
	}

	/**
	 * @param database an external database (a test database of its own)
	 * @param extra further arguments
	 * @return the running app
	 */
	static ConfigurableApplicationContext on(DatabaseEndpoint database, String... extra) {
		String[] args = concat(new String[] { "--server.port=0", "--llo.db.url=" + database.jdbcUrl(),
				"--llo.db.username=" + database.username(), "--llo.db.password=" + database.password(),
				"--llo.import.bootstrap-dir=off", "--llo.admin.token=" + TOKEN }, extra);
		return new SpringApplicationBuilder(LloMonitorApplication.class).run(args);
	}

	/**
	 * @param dataDir data directory of the app's own embedded PostgreSQL
	 * @param extra further arguments
	 * @return the running app
	 */
	static ConfigurableApplicationContext embedded(java.nio.file.Path dataDir, String... extra) {
		String[] args = concat(
				new String[] { "--server.port=0", "--llo.db.url=", "--llo.db.embedded.data-dir=" + dataDir,
						"--llo.import.bootstrap-dir=off", "--llo.import.demo=false", "--llo.admin.token=" + TOKEN },
				extra);
		return new SpringApplicationBuilder(LloMonitorApplication.class).run(args);
	}

	static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	static WebClient client(ConfigurableApplicationContext context) {
		return WebClient.builder()
			.baseUrl("http://127.0.0.1:" + port(context))
			.codecs((c) -> c.defaultCodecs().maxInMemorySize(16 << 20))
			.build();
	}

	/**
	 * A multipart body by hand: the client's writer draws its boundary from SecureRandom
	 * on the event loop, which BlockHound rejects.
	 */
	static WebClient.RequestHeadersSpec<?> upload(WebClient client, String fileName, byte[] content) {
		String boundary = "llo-reliability-5d2e";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return client.post()
			.uri("/api/admin/imports")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
			.contentType(MediaType.parseMediaType("multipart/form-data;boundary=" + boundary))
			.bodyValue(body.toByteArray());
	}

	static void waitUntil(KilledImportIntegrationTests.Check check, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!check.ok()) {
			assertThat(System.nanoTime()).as("condition within %s", timeout).isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private static String[] concat(String[] a, String[] b) {
		String[] all = new String[a.length + b.length];
		System.arraycopy(a, 0, all, 0, a.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

}
