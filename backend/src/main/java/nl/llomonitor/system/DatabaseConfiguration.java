package nl.llomonitor.system;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.ValidationDepth;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jooq.SQLDialect;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DSL;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The store, in one of two modes: an external PostgreSQL ({@code llo.db.url}), or an
 * embedded one started by the app. Both give a JDBC pool (Flyway and bulk import, never
 * on the event loop) and an R2DBC pool (every request path), each with its own jOOQ
 * {@link DSLContext}.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseConfiguration.class);

	/**
	 * Bean name of the JDBC {@link DSLContext}; inject it with
	 * {@code @Qualifier(JDBC_DSL)}.
	 */
	public static final String JDBC_DSL = "jdbcDsl";

	/**
	 * Longest an import connection may sit in an open transaction without a statement.
	 */
	static final long IDLE_IN_TRANSACTION_MS = 120_000;

	static final String EMBEDDED_SERVER = "embeddedPostgresServer";

	static final String DATABASE_ENDPOINT = "databaseEndpoint";

	/**
	 * The endpoint every pool connects to. In embedded mode it depends on the embedded
	 * server explicitly (an {@link ObjectProvider} lookup records no dependency), so that
	 * on shutdown every pool built on the endpoint (JDBC, R2DBC, health) is closed before
	 * the server stops.
	 * @param properties database settings
	 * @param embedded the embedded server, used when no external database is configured
	 * @param beanFactory to record the dependency on the embedded server
	 * @return the endpoint
	 */
	@Bean
	DatabaseEndpoint databaseEndpoint(DatabaseProperties properties, ObjectProvider<EmbeddedPostgresServer> embedded,
			ConfigurableListableBeanFactory beanFactory) {
		if (properties.isExternal()) {
			return DatabaseEndpoint.fromJdbcUrl(properties.url(), properties.username(), properties.password());
		}
		DatabaseEndpoint endpoint = embedded.getObject().endpoint();
		beanFactory.registerDependentBean(EMBEDDED_SERVER, DATABASE_ENDPOINT);
		return endpoint;
	}

	@Bean(EMBEDDED_SERVER)
	@Lazy
	EmbeddedPostgresServer embeddedPostgresServer(DatabaseProperties properties) {
		// Only instantiated when asked for, i.e. when no external database is configured.
		return new EmbeddedPostgresServer(properties.embedded().dataDir(), properties.embedded().port());
	}

	/**
	 * The migrations run as the database owner in embedded mode; the app itself connects
	 * as a role that may only read and write the tables.
	 * @param properties database settings
	 * @param embedded the embedded server, if used
	 * @return the customizer
	 */
	@Bean
	FlywayConfigurationCustomizer ownerRunsMigrations(DatabaseProperties properties,
			ObjectProvider<EmbeddedPostgresServer> embedded) {
		return (configuration) -> {
			if (!properties.isExternal()) {
				DatabaseEndpoint owner = embedded.getObject().ownerEndpoint();
				configuration.dataSource(owner.jdbcUrl(), owner.username(), owner.password());
			}
		};
	}

	@Bean
	HikariDataSource dataSource(DatabaseEndpoint endpoint) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("llo-jdbc");
		config.setJdbcUrl(endpoint.jdbcUrl());
		config.setUsername(endpoint.username());
		config.setPassword(endpoint.password());
		config.setMaximumPoolSize(4);
		config.setConnectionTimeout(2_000);
		config.setInitializationFailTimeout(-1);
		// the import pool: a transaction left open (a client gone mid-COPY, a bug) is
		// ended by the server, which releases the import lock
		// temp_buffers: an import stages its cells in a temporary table, which lives in
		// these session-local buffers (taken only as used; settable only before the
		// session's first temporary table, hence here)
		config.addDataSourceProperty("options",
				"-c idle_in_transaction_session_timeout=" + IDLE_IN_TRANSACTION_MS + " -c temp_buffers=256MB");
		config.addDataSourceProperty("ApplicationName", "llo-monitor-import");
		return new HikariDataSource(config);
	}

	@Bean(destroyMethod = "dispose")
	ConnectionPool connectionPool(DatabaseEndpoint primary, DatabaseProperties properties) {
		DatabaseEndpoint endpoint = properties.hasReadReplica()
				? DatabaseEndpoint.fromJdbcUrl(properties.readUrl(), properties.username(), properties.password())
				: primary;
		PostgresqlConnectionFactory factory = endpoint.r2dbcFactory("llo-monitor", Duration.ofSeconds(2));
		ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
			.name("llo-r2dbc")
			.initialSize(Math.min(2, properties.pool()))
			.maxSize(properties.pool())
			.maxAcquireTime(properties.acquireTimeout())
			.maxCreateConnectionTime(Duration.ofSeconds(2))
			// validated locally on every acquire (is the connection still open?), not
			// with a query: "select 1" before each statement doubled the round trips of a
			// request. A connection the server closed (restart, outage) fails this check
			// and is replaced; one that breaks mid-statement fails that statement (503)
			.validationDepth(ValidationDepth.LOCAL)
			.build());
		// the first connections are made at start, not by the first requests: connecting
		// takes longer than a short acquire timeout, and the first requests would then
		// get
		// 503 overloaded from an idle service. A database not (yet) reachable is no
		// reason
		// not to start: the pool connects on demand later.
		try {
			pool.warmup().block(Duration.ofSeconds(5));
		}
		catch (RuntimeException ex) {
			logger.warn("Request pool not warmed up at start ({}); it connects on the first requests", ex.getMessage());
		}
		return pool;
	}

	/**
	 * The reactive jOOQ context used by every request path, straight on the pool: no
	 * request path runs an R2DBC transaction, so no transaction-aware proxy wraps each
	 * connection it takes (a reflective proxy and a context lookup per statement).
	 * @param pool the R2DBC pool
	 * @return the R2DBC DSLContext
	 */
	@Bean
	@Primary
	DSLContext dslContext(ConnectionPool pool) {
		return DSL.using(pool, SQLDialect.POSTGRES);
	}

	/**
	 * The blocking jOOQ context for the importer (bulk loads, run off the event loop).
	 * @param dataSource JDBC pool
	 * @return the JDBC DSLContext
	 */
	@Bean(JDBC_DSL)
	DSLContext jdbcDsl(DataSource dataSource) {
		return DSL.using(new DefaultConfiguration()
			.set(new DataSourceConnectionProvider(new TransactionAwareDataSourceProxy(dataSource)))
			.set(SQLDialect.POSTGRES));
	}

}
