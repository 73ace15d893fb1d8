package nl.llomonitor.system;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.zaxxer.hikari.HikariDataSource;
import io.r2dbc.pool.ConnectionPool;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the app with its embedded PostgreSQL: every pool on the server (JDBC, R2DBC,
 * health) is closed before the server stops, and the server is stopped by the context,
 * not by a JVM shutdown hook of its own that would race the pools.
 */
class ShutdownOrderIntegrationTests {

	@TempDir
	Path folder;

	@Test
	void thePoolsAreClosedBeforeTheEmbeddedServerStops() throws Exception {
		List<String> destroyed = new CopyOnWriteArrayList<>();
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.getBeanFactory().addBeanPostProcessor(new DestructionAwareBeanPostProcessor() {

			@Override
			public void postProcessBeforeDestruction(Object bean, String name) {
				destroyed.add(name);
			}

			@Override
			public boolean requiresDestruction(Object bean) {
				return true;
			}

		});
		context.registerBean(DatabaseProperties.class, () -> new DatabaseProperties(null, null, "llo", null, 2,
				Duration.ofSeconds(2), new DatabaseProperties.Embedded(this.folder.resolve("pgdata"), 0)));
		context.register(DatabaseConfiguration.class, HealthDatabase.class);
		context.refresh();
		EmbeddedPostgresServer server = context.getBean(EmbeddedPostgresServer.class);
		HikariDataSource jdbc = context.getBean(HikariDataSource.class);
		try (Connection connection = jdbc.getConnection(); Statement statement = connection.createStatement()) {
			assertThat(statement.execute("select 1")).isTrue();
		}
		ConnectionPool r2dbc = context.getBean(ConnectionPool.class);
		long postmaster = server.postmasterPid();
		assertThat(postmaster).isPositive();
		assertThat(context.getBeanFactory().getDependentBeans(DatabaseConfiguration.EMBEDDED_SERVER))
			.contains(DatabaseConfiguration.DATABASE_ENDPOINT);
		Field postgres = EmbeddedPostgresServer.class.getDeclaredField("postgres");
		postgres.setAccessible(true);
		Field hook = EmbeddedPostgres.class.getDeclaredField("registerShutdownHook");
		hook.setAccessible(true);
		assertThat(hook.getBoolean(postgres.get(server))).as("zonky's own JVM shutdown hook").isFalse();

		context.close();

		assertThat(destroyed).containsSubsequence("dataSource", DatabaseConfiguration.EMBEDDED_SERVER);
		assertThat(destroyed).containsSubsequence("connectionPool", DatabaseConfiguration.EMBEDDED_SERVER);
		assertThat(destroyed).containsSubsequence("database", DatabaseConfiguration.EMBEDDED_SERVER);
		assertThat(jdbc.isClosed()).isTrue();
		assertThat(r2dbc.isDisposed()).isTrue();
		// pg_ctl stop returns when the server is down; its process may linger a moment
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).isFalse();
	}

}
