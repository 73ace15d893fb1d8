package nl.llomonitor.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.SpringApplication;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The one PostgreSQL every integration test in a JVM runs against: a Testcontainers
 * {@code postgres:17} where a Docker engine answers, otherwise a real embedded PostgreSQL
 * (binaries from Maven Central). Either way tests run on real PostgreSQL; if neither can
 * start, the test fails, it is never skipped.
 */
public final class TestDatabase {

	private static final Logger logger = LoggerFactory.getLogger(TestDatabase.class);

	private static DatabaseEndpoint endpoint;

	private TestDatabase() {
	}

	/**
	 * Starts the database on first use.
	 * @return where to reach it
	 */
	public static synchronized DatabaseEndpoint endpoint() {
		if (endpoint == null) {
			endpoint = dockerAvailable() ? startContainer() : startEmbedded();
			logger.info("Integration tests use {}", endpoint);
		}
		return endpoint;
	}

	/**
	 * A fresh, empty database of its own on the test server, for a test that runs the app
	 * in other processes or instances.
	 * @param name database name (letters, digits, underscores)
	 * @return its endpoint
	 * @throws SQLException if the server refuses
	 */
	public static DatabaseEndpoint createDatabase(String name) throws SQLException {
		execute("drop database if exists " + name + " with (force)", "create database " + name);
		DatabaseEndpoint server = endpoint();
		return new DatabaseEndpoint(server.host(), server.port(), name, server.username(), server.password());
	}

	/**
	 * A database of its own on the test server, for tests whose imports must not change
	 * what the other tests in the JVM see: created empty at its first use, then kept for
	 * the JVM.
	 * @param name database name (letters, digits, underscores)
	 * @return its endpoint, created at the first {@code get()}
	 * ({@link IllegalStateException} if the server refuses)
	 */
	public static Supplier<DatabaseEndpoint> ownDatabase(String name) {
		return new Supplier<>() {

			private DatabaseEndpoint database;

			@Override
			public synchronized DatabaseEndpoint get() {
				if (this.database == null) {
					try {
						this.database = createDatabase(name);
					}
					catch (SQLException ex) {
						throw new IllegalStateException(ex);
					}
				}
				return this.database;
			}

		};
	}

	/**
	 * @param database the database the app is to use, asked for when the context starts
	 * @return the app's database settings ({@code llo.db.*}, JDBC and R2DBC alike) for it
	 */
	public static DynamicPropertyRegistrar properties(Supplier<DatabaseEndpoint> database) {
		return (registry) -> {
			registry.add("llo.db.url", () -> database.get().jdbcUrl());
			registry.add("llo.db.username", () -> database.get().username());
			registry.add("llo.db.password", () -> database.get().password());
		};
	}

	/**
	 * Drops a database made by {@link #createDatabase(String)}, closing its connections.
	 * @param database the database, may be null
	 * @throws SQLException if the server refuses
	 */
	public static void dropDatabase(DatabaseEndpoint database) throws SQLException {
		if (database != null) {
			execute("drop database if exists " + database.database() + " with (force)");
		}
	}

	private static void execute(String... statements) throws SQLException {
		DatabaseEndpoint server = endpoint();
		try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
				Statement s = c.createStatement()) {
			for (String sql : statements) {
				s.execute(sql);
			}
		}
	}

	/**
	 * Stops the server when the JVM exits, after Spring Boot's shutdown hook has closed
	 * every application context (its shutdown handlers run last); a hook of its own stops
	 * it anyway if that has not happened within 20 s.
	 */
	private static void stopAfterTheApps(EmbeddedPostgres postgres) {
		CountDownLatch stopped = new CountDownLatch(1);
		Runnable stop = () -> {
			synchronized (postgres) {
				if (stopped.getCount() > 0) {
					try {
						postgres.close();
					}
					catch (IOException ex) {
						// the JVM is going away
					}
					stopped.countDown();
				}
			}
		};
		SpringApplication.getShutdownHandlers().add(stop);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				stopped.await(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			stop.run();
		}, "test-postgres-stop"));
	}

	private static boolean dockerAvailable() {
		if ("embedded".equalsIgnoreCase(System.getenv("LLO_TEST_DB"))) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	@SuppressWarnings("resource") // lives as long as the test JVM; Ryuk or the shutdown
									// hook removes it
	private static DatabaseEndpoint startContainer() {
		PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine").withDatabaseName("llo")
			.withUsername("llo")
			.withPassword("llo");
		container.start();
		return DatabaseEndpoint.fromJdbcUrl(container.getJdbcUrl(), container.getUsername(), container.getPassword());
	}

	private static DatabaseEndpoint startEmbedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setServerConfig("max_connections", "300")
				// stopped after every Spring context of the test JVM is closed (below): a
				// shutdown hook of its own runs alongside theirs, and each context then
				// waits for connections to a server that is gone
				.setRegisterShutdownHook(false)
				.start();
			stopAfterTheApps(postgres);
			try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
				s.execute("create database llo");
			}
			return new DatabaseEndpoint("localhost", postgres.getPort(), "llo", "postgres", "postgres");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Neither Docker nor the embedded PostgreSQL is available", ex);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException("Could not create the test database", ex);
		}
	}

}
