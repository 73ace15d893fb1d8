package nl.llomonitor.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * A real PostgreSQL server (binaries from Maven Central) run by the app itself, the
 * default when no external database is configured. The data directory is kept, so data
 * survives a restart.
 */
final class EmbeddedPostgresServer implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	static final String DATABASE = "llo";

	private final EmbeddedPostgres postgres;

	EmbeddedPostgresServer(Path dataDir, int port) {
		try {
			Files.createDirectories(dataDir);
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(false)
				.setServerConfig("max_connections", "200");
			if (port > 0) {
				builder.setPort(port);
			}
			this.postgres = builder.start();
			createDatabaseIfMissing();
			logger.info("Embedded PostgreSQL running on port {} with data in {}", this.postgres.getPort(), dataDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, ex);
		}
	}

	private void createDatabaseIfMissing() {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement
				.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (rs.next()) {
					return;
				}
			}
			statement.execute("create database " + DATABASE);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException("Could not create database '" + DATABASE + "' in embedded PostgreSQL", ex);
		}
	}

	DatabaseEndpoint endpoint() {
		return new DatabaseEndpoint("localhost", this.postgres.getPort(), DATABASE, "postgres", "postgres");
	}

	@Override
	public void destroy() throws IOException {
		this.postgres.close();
	}

}
