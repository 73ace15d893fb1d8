package nl.llomonitor.system;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database as health and readiness see it, over a pool of its own (two connections,
 * application name {@code llo-monitor-health}): health never waits on the pool of
 * requests or imports, so a flood of API requests or a queue of imports cannot make it
 * report the database DOWN, and a flood of health requests cannot take connections from
 * the API. Every check is answered from a copy at most {@link #MAX_AGE} old, so a flood
 * of health requests costs at most one query a second.
 */
@Component("database")
public class HealthDatabase implements ReactiveHealthIndicator, DisposableBean {

	/** Age of a cached health answer. */
	public static final Duration MAX_AGE = Duration.ofSeconds(1);

	/**
	 * Longest a check waits; generous, since a machine busy with requests answers slowly
	 * without the database being down.
	 */
	static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ConnectionPool pool;

	private final Cached ping = new Cached();

	private volatile boolean lastUp = true;

	private final OutageLog outageLog = new OutageLog(org.slf4j.LoggerFactory.getLogger(HealthDatabase.class),
			Duration.ofMinutes(1));

	HealthDatabase(DatabaseEndpoint endpoint) {
		PostgresqlConnectionFactory factory = endpoint.r2dbcFactory("llo-monitor-health", TIMEOUT);
		this.pool = new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
			.name("llo-health")
			.initialSize(1)
			.minIdle(1)
			.maxSize(2)
			.maxAcquireTime(TIMEOUT)
			.maxCreateConnectionTime(TIMEOUT)
			.validationQuery("select 1")
			.build());
	}

	@Override
	public Mono<Health> health() {
		return this.ping.get(() -> query("select version()").map((rows) -> {
			this.lastUp = true;
			return Health.up().withDetail("database", "PostgreSQL").withDetail("pool", "llo-health").build();
		}).onErrorResume((ex) -> {
			this.lastUp = false;
			this.outageLog.warn("Health check of the database failed: {}", ex);
			return Mono.just(Health.down().withDetail("error", ex.toString()).build());
		}));
	}

	/**
	 * @return whether the last health check reached the database (true before the first)
	 */
	public boolean lastKnownUp() {
		return this.lastUp;
	}

	/**
	 * Runs a small query on the health pool.
	 * @param sql the query (no parameters)
	 * @return its rows, column name to value; fails after {@link #TIMEOUT}
	 */
	public Mono<List<Map<String, Object>>> query(String sql) {
		return Flux.usingWhen(this.pool.create(), (Connection c) -> Flux.from(c.createStatement(sql).execute())
			.flatMap((result) -> result.map((row, meta) -> {
				Map<String, Object> map = new LinkedHashMap<>();
				for (int i = 0; i < meta.getColumnMetadatas().size(); i++) {
					map.put(meta.getColumnMetadata(i).getName(), row.get(i));
				}
				return map;
			})), Connection::close).collectList().timeout(TIMEOUT);
	}

	@Override
	public void destroy() {
		this.pool.dispose();
	}

	/**
	 * A health answer reused for {@link #MAX_AGE}.
	 */
	public static final class Cached {

		private volatile Mono<Health> value;

		private volatile long at;

		/**
		 * @param check the check to run when the copy is stale
		 * @return the answer
		 */
		public Mono<Health> get(Supplier<Mono<Health>> check) {
			long now = System.nanoTime();
			Mono<Health> current = this.value;
			if (current != null && now - this.at < MAX_AGE.toNanos()) {
				return current;
			}
			Mono<Health> fresh = check.get().cache();
			this.value = fresh;
			this.at = now;
			return fresh;
		}

	}

}
