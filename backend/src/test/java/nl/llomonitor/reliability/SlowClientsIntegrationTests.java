package nl.llomonitor.reliability;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import nl.llomonitor.system.TestDatabaseConfiguration;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 20,000 clients (two processes of 10,000, loopback only, bounded in time) open
 * connections and never finish their request head. The connection cap closes the oldest
 * of them to make room and the idle timeout closes the rest, so another client is still
 * served within 1 s.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "llo.server.max-connections=4000", "llo.server.idle-timeout=10s",
				"llo.import.bootstrap-dir=off" })
@Import(TestDatabaseConfiguration.class)
class SlowClientsIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(SlowClientsIntegrationTests.class);

	@LocalServerPort
	int port;

	@Test
	void otherClientsAreServedWhileTwentyThousandConnectionsHang() throws Exception {
		WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + this.port).build();
		assertThat(client.get().uri("/api/v1/indicators").retrieve().toBodilessEntity().block().getStatusCode().value())
			.isEqualTo(200);
		String java = ProcessHandle.current().info().command().orElse("java");
		List<Process> slow = new ArrayList<>();
		int opened = 0;
		try {
			for (int i = 0; i < 2; i++) {
				slow.add(new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
						System.getProperty("java.class.path"), SlowClients.class.getName(), String.valueOf(this.port),
						"10000", "40")
					.redirectErrorStream(true)
					.start());
			}
			for (Process p : slow) {
				BufferedReader out = new BufferedReader(
						new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
				String line;
				while ((line = out.readLine()) != null && !line.startsWith("OPEN ")) {
					// JVM noise
				}
				assertThat(line).isNotNull();
				opened += Integer.parseInt(line.substring(5).strip());
			}
			// every connection attempted; now another user asks
			long slowest = 0;
			for (int i = 0; i < 10; i++) {
				long t0 = System.nanoTime();
				int status = client.get()
					.uri("/api/v1/indicators?lang=" + ((i % 2 == 0) ? "nl" : "en"))
					.retrieve()
					.toBodilessEntity()
					.block(Duration.ofSeconds(5))
					.getStatusCode()
					.value();
				slowest = Math.max(slowest, (System.nanoTime() - t0) / 1_000_000);
				assertThat(status).isEqualTo(200);
			}
			logger.info("SLOW-CLIENTS opened={} of 20000; slowest of 10 other requests {} ms", opened, slowest);
			assertThat(opened).isGreaterThan(15_000);
			assertThat(slowest).isLessThan(1000);
		}
		finally {
			for (Process p : slow) {
				p.destroyForcibly();
				p.waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

}
