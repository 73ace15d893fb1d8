package nl.llomonitor.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import nl.llomonitor.system.DatabaseEndpoint;
import nl.llomonitor.system.EmbeddedServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The app's own embedded PostgreSQL: PostgreSQL 17, durable settings, password logins
 * only, an app role without superuser rights. A restart after the app was killed with
 * {@code kill -9}: {@link AppKilledIntegrationTests}.
 */
class EmbeddedServerIntegrationTests {

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

	private static String show(Statement s, String setting) throws SQLException {
		try (ResultSet rs = s.executeQuery("show " + setting)) {
			rs.next();
			return rs.getString(1);
		}
	}

}
