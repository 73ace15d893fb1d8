package nl.llomonitor.reliability;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import nl.llomonitor.system.DatabaseEndpoint;
import nl.llomonitor.system.EmbeddedServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The app's own embedded PostgreSQL: PostgreSQL 17, durable settings, password logins
 * only, an app role without superuser rights, and a restart after the app was killed with
 * {@code kill -9} (its postmaster outlives it).
 */
class EmbeddedServerIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedServerIntegrationTests.class);

	@TempDir
	Path folder;

	@Test
	void isDurableSecuredAndPostgres17() throws Exception {
		Path dataDir = this.folder.resolve("pgdata");
		try (EmbeddedServers.Server server = EmbeddedServers.start(dataDir)) {
			DatabaseEndpoint app = server.app();
			String url = app.jdbcUrl();
			// no passwordless login, for any role, and no wrong password
			for (String role : List.of("postgres", "llo_owner", "llo_app")) {
				assertThatThrownBy(() -> DriverManager.getConnection(url, role, "")).isInstanceOf(SQLException.class);
				assertThatThrownBy(() -> DriverManager.getConnection(url, role, "postgres"))
					.isInstanceOf(SQLException.class)
					.hasMessageContaining("password authentication failed");
			}
			try (Connection c = DriverManager.getConnection(url, app.username(), app.password());
					Statement s = c.createStatement()) {
				assertThat(show(s, "fsync")).isEqualTo("on");
				assertThat(show(s, "synchronous_commit")).isEqualTo("on");
				assertThat(show(s, "full_page_writes")).isEqualTo("on");
				assertThat(Integer.parseInt(show(s, "server_version_num"))).isBetween(170000, 179999);
				assertThat(show(s, "is_superuser")).isEqualTo("off");
				// what a local attacker would do with a superuser login
				assertThatThrownBy(() -> s.execute("copy (select 1) to program 'true'"))
					.isInstanceOf(SQLException.class)
					.satisfies((ex) -> assertThat(((SQLException) ex).getSQLState()).isEqualTo("42501"));
				assertThatThrownBy(() -> s.execute("create table intruder (id int)")).isInstanceOf(SQLException.class)
					.satisfies((ex) -> assertThat(((SQLException) ex).getSQLState()).isEqualTo("42501"));
			}
			Path credentials = this.folder.resolve("db-credentials.properties");
			assertThat(Files.getPosixFilePermissions(credentials))
				.isEqualTo(PosixFilePermissions.fromString("rw-------"));
			assertThat(Files.readString(credentials)).contains(app.password());
		}
	}

	@Test
	void restartsAfterTheAppWasKilled() throws Exception {
		Path dataDir = this.folder.resolve("pgdata");
		String java = ProcessHandle.current().info().command().orElse("java");
		Process app = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				EmbeddedServers.class.getName(), dataDir.toString())
			.redirectErrorStream(true)
			.start();
		try {
			BufferedReader out = new BufferedReader(
					new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
			String line;
			while ((line = out.readLine()) != null && !line.startsWith("READY")) {
				// start-up log
			}
			assertThat(line).as("the embedded server started in its own process").startsWith("READY");
			long postmaster = EmbeddedServers.postmasterPid(dataDir);
			assertThat(postmaster).isPositive();
			app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			// the postmaster outlives the killed app
			Thread.sleep(500);
			assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).contains(true);

			long started = System.nanoTime();
			try (EmbeddedServers.Server server = EmbeddedServers.start(dataDir)) {
				logger.info("RESTART after kill -9: started in {} ms", (System.nanoTime() - started) / 1_000_000);
				assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).isFalse();
				assertThat(server.postmasterPid()).isNotEqualTo(postmaster);
				DatabaseEndpoint db = server.app();
				try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
						Statement s = c.createStatement()) {
					assertThat(show(s, "server_version_num")).startsWith("17");
				}
			}
		}
		finally {
			app.destroyForcibly();
			long pid = EmbeddedServers.postmasterPid(dataDir);
			if (pid > 0) {
				ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
			}
		}
	}

	private static String show(Statement s, String setting) throws SQLException {
		try (ResultSet rs = s.executeQuery("show " + setting)) {
			rs.next();
			return rs.getString(1);
		}
	}

}
