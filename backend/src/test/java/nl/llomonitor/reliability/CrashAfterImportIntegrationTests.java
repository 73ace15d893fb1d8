package nl.llomonitor.reliability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import nl.llomonitor.SharedData;
import nl.llomonitor.system.EmbeddedServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import answered 200 survives a crash of PostgreSQL right after the answer: the
 * embedded server runs with {@code fsync} and {@code synchronous_commit} on. The
 * postmaster gets SIGQUIT (immediate shutdown, no checkpoint, as in a crash) as soon as
 * the answer arrives; after a restart of app and server the acknowledged value is the
 * current one, five times in a row.
 */
class CrashAfterImportIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(CrashAfterImportIntegrationTests.class);

	private static final String SERIES = "/api/v1/series?indicator=netto_arbeidsparticipatie&regions=NL01"
			+ "&periodType=year&from=2024JJ00&to=2024JJ00";

	@TempDir
	Path folder;

	private ConfigurableApplicationContext app;

	@AfterEach
	void stop() {
		if (this.app != null) {
			this.app.close();
		}
	}

	@Test
	void acknowledgedImportSurvivesACrashOfPostgres() throws Exception {
		Path dataDir = this.folder.resolve("pgdata");
		List<String> original = Files.readAllLines(SharedData.file("cbs/85268NED.csv"), StandardCharsets.UTF_8);
		int line = -1;
		for (int i = 0; i < original.size(); i++) {
			if (original.get(i).contains(";Nederland;2024;")) {
				line = i;
			}
		}
		assertThat(line).as("Nederland 2024 in 85268NED.csv").isPositive();
		List<Long> crashDelaysMs = new ArrayList<>();
		String acknowledged = null;
		for (int round = 0; round < 5; round++) {
			this.app = Apps.embedded(dataDir);
			WebClient client = Apps.client(this.app);
			if (acknowledged != null) {
				assertThat(client.get().uri(SERIES).retrieve().bodyToMono(String.class).block())
					.as("round %d: the value acknowledged before the crash", round)
					.contains("\"value\":" + acknowledged);
			}
			// a new figure for Nederland 2024 (net participation, last column)
			String value = "80." + round;
			List<String> lines = new ArrayList<>(original);
			String row = lines.get(line);
			lines.set(line, row.substring(0, row.lastIndexOf(';') + 1) + value);
			byte[] file = (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
			// the signal is sent by a process started beforehand, which waits for one
			// line:
			// starting a process after the answer could take longer than the crash window
			long postmaster = EmbeddedServers.postmasterPid(dataDir);
			Process killer = new ProcessBuilder("sh", "-c", "read go && kill -QUIT " + postmaster).start();
			String report = Apps.upload(client, "85268NED.csv", file)
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(120));
			long answered = System.nanoTime();
			assertThat(report).contains("\"status\":\"succeeded\"");
			killer.getOutputStream().write('\n');
			killer.getOutputStream().close();
			killer.waitFor();
			crashDelaysMs.add((System.nanoTime() - answered) / 1_000_000);
			acknowledged = value;
			Apps.waitUntil(() -> ProcessHandle.of(postmaster).map((p) -> !p.isAlive()).orElse(true),
					Duration.ofSeconds(10));
			this.app.close();
			this.app = null;
		}
		this.app = Apps.embedded(dataDir);
		assertThat(Apps.client(this.app).get().uri(SERIES).retrieve().bodyToMono(String.class).block())
			.contains("\"value\":" + acknowledged);
		logger.info("CRASH after acknowledged import: 5 of 5 kept; SIGQUIT {} ms after the answer", crashDelaysMs);
		assertThat(crashDelaysMs).allSatisfy((ms) -> assertThat(ms).isLessThan(150));
	}

}
