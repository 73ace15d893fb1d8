package nl.llomonitor.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import nl.llomonitor.LloMonitorApplication;
import nl.llomonitor.importer.AdminImportController;
import nl.llomonitor.system.EmbeddedServers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of the whole app, on its embedded PostgreSQL, while a 20 MB admin
 * upload is received or imported: its postmaster outlives it, and the next start in the
 * same data directory stops that orphan, comes up with the same data, deletes the upload
 * left in the temporary folder and leaves no import run {@code running}. The app runs in
 * a JVM of its own, with a data and temporary folder of the test.
 */
class AppKilledIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(AppKilledIntegrationTests.class);

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private static final Pattern RUNNING_RUN = Pattern.compile("\"status\"\\s*:\\s*\"running\"");

	@TempDir
	Path folder;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@ParameterizedTest
	@ValueSource(strings = { "receiving", "importing" })
	void restartsAfterTheAppWasKilledDuringAnUpload(String phase) throws Exception {
		Path dataDir = Files.createDirectories(this.folder.resolve("data"));
		Path pgdata = dataDir.resolve("pgdata");
		Path tmp = Files.createDirectories(this.folder.resolve("tmp"));
		Path upload = Files.createDirectories(this.folder.resolve("upload")).resolve(BigCbsFile.NAME);
		long rows = BigCbsFile.write(upload, 1000, 2999, 1);
		long size = Files.size(upload);
		assertThat(size).as("the upload is large").isGreaterThan(15L << 20);
		List<Process> apps = new ArrayList<>();
		try {
			// first life: up, with the demo data
			int port = freePort();
			long started = System.nanoTime();
			Process first = start(dataDir, tmp, port, "first");
			apps.add(first);
			waitUntilUp(first, port, "first");
			long firstStartMs = (System.nanoTime() - started) / 1_000_000;
			String figures = get(port, "/api/v1/kerncijfers/PV26");
			long postmaster = EmbeddedServers.postmasterPid(pgdata);
			assertThat(postmaster).isPositive();

			// a large upload, and kill -9 while it is received or imported
			CompletableFuture<HttpResponse<String>> sent = this.http.sendAsync(uploadRequest(port, upload),
					HttpResponse.BodyHandlers.ofString());
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (("receiving".equals(phase)) ? uploadedBytes(tmp) < (1 << 20)
					: !get(port, "/api/admin/imports", "Authorization", "Bearer " + Apps.TOKEN)
						.contains("\"state\":\"running\"")) {
				assertThat(System.nanoTime()).as("the upload is %s", phase).isLessThan(deadline);
				assertThat(sent).as("the upload is still going").isNotDone();
				Thread.sleep(5);
			}
			assertThat(sent).as("the upload is still going").isNotDone();
			long received = uploadedBytes(tmp);
			ProcessHandle handle = first.toHandle();
			first.destroyForcibly();
			assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
			// SIGKILL: 128 + 9, and no shutdown hook ran
			assertThat(first.exitValue()).isEqualTo(137);
			assertThat(handle.isAlive()).isFalse();
			assertThat(sent).failsWithin(Duration.ofSeconds(30));
			assertThat(leftUploads(tmp)).as("the killed app leaves its upload behind").isNotEmpty();
			Thread.sleep(500);
			assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("the postmaster outlives the app")
				.contains(true);

			// second life in the same data directory
			started = System.nanoTime();
			Process second = start(dataDir, tmp, port, "second");
			apps.add(second);
			waitUntilUp(second, port, "second");
			long restartMs = (System.nanoTime() - started) / 1_000_000;
			assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false))
				.as("the orphan postmaster was stopped")
				.isFalse();
			long newPostmaster = EmbeddedServers.postmasterPid(pgdata);
			assertThat(newPostmaster).isPositive().isNotEqualTo(postmaster);
			assertThat(ProcessHandle.of(newPostmaster).map(ProcessHandle::isAlive)).contains(true);
			assertThat(get(port, "/api/v1/kerncijfers/PV26")).as("the same data").isEqualTo(figures);
			assertThat(leftUploads(tmp)).as("the upload of the killed app was deleted").isEmpty();
			String imports = get(port, "/api/admin/imports", "Authorization", "Bearer " + Apps.TOKEN);
			assertThat(imports).contains("\"history\"");
			assertThat(RUNNING_RUN.matcher(imports).find()).as("an import run left running: %s", imports).isFalse();
			logger.info(
					"RESTART after kill -9 of the app while {}: first start {} ms, restart {} ms, upload {} MB ({} rows), "
							+ "killed after {} bytes received, orphan postmaster {} stopped",
					phase, firstStartMs, restartMs, size >> 20, rows, received, postmaster);
		}
		finally {
			for (Process app : apps) {
				app.destroyForcibly();
				app.waitFor(30, TimeUnit.SECONDS);
			}
			long pid = EmbeddedServers.postmasterPid(pgdata);
			if (pid > 0) {
				ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
			}
		}
	}

	private Process start(Path dataDir, Path tmp, int port, String name) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + tmp, "-cp",
				System.getProperty("java.class.path"), LloMonitorApplication.class.getName(), "--server.port=" + port,
				"--llo.import.demo=true", "--llo.import.bootstrap-dir=off");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.folder.resolve(name + ".log").toFile());
		builder.environment().remove("LLO_DB_URL");
		builder.environment().remove("LLO_DB_READ_URL");
		builder.environment().remove("LLO_DB_USERNAME");
		builder.environment().remove("LLO_DB_PASSWORD");
		builder.environment().put("LLO_DATA_DIR", dataDir.toString());
		builder.environment().put("LLO_ADMIN_TOKEN", Apps.TOKEN);
		return builder.start();
	}

	private void waitUntilUp(Process app, int port, String name) throws Exception {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (true) {
			assertThat(app.isAlive()).as("the app runs; %s", log(name)).isTrue();
			assertThat(System.nanoTime()).as("health UP within %s; %s", START_TIMEOUT, log(name)).isLessThan(deadline);
			try {
				HttpResponse<String> health = this.http
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
						.timeout(Duration.ofSeconds(5))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
	}

	private String get(int port, String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30));
		if (headers.length > 0) {
			request.headers(headers);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
		return response.body();
	}

	private static HttpRequest uploadRequest(int port, Path file) throws IOException {
		String boundary = "llo-reliability-5d2e";
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
				+ file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/imports"))
			.header("Authorization", "Bearer " + Apps.TOKEN)
			.header("Content-Type", "multipart/form-data;boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
					HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
			.build();
	}

	private static List<Path> leftUploads(Path tmp) throws IOException {
		try (Stream<Path> dirs = Files.list(tmp)) {
			return dirs.filter((p) -> p.getFileName().toString().startsWith(AdminImportController.UPLOAD_PREFIX))
				.toList();
		}
	}

	private static long uploadedBytes(Path tmp) throws IOException {
		long bytes = 0;
		for (Path dir : leftUploads(tmp)) {
			try (Stream<Path> files = Files.walk(dir)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					try {
						bytes += Files.size(file);
					}
					catch (IOException ex) {
						// deleted meanwhile
					}
				}
			}
			catch (IOException | java.io.UncheckedIOException ex) {
				// deleted meanwhile
			}
		}
		return bytes;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private String log(String name) {
		try {
			String text = Files.readString(this.folder.resolve(name + ".log"), StandardCharsets.UTF_8);
			return "log of " + name + ":\n" + text.substring(Math.max(0, text.length() - 4000));
		}
		catch (IOException ex) {
			return "no log of " + name;
		}
	}

}
