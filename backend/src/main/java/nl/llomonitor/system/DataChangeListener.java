package nl.llomonitor.system;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the current data version in memory and announces every change. It listens on the
 * PostgreSQL channel {@code llo_data_changed} (sent by {@code bump_data_version()}) over
 * a dedicated, non-pooled R2DBC connection, so every instance of the app learns about an
 * import done by any instance. After a database outage it reconnects by itself and
 * re-reads the version, since notifications sent meanwhile are lost.
 */
@Component
public class DataChangeListener implements SmartLifecycle {

	static final String CHANNEL = "llo_data_changed";

	private static final Logger logger = LoggerFactory.getLogger(DataChangeListener.class);

	private final PostgresqlConnectionFactory factory;

	private final AtomicLong version = new AtomicLong(-1);

	private final Sinks.Many<DataChange> sink = Sinks.many().multicast().directBestEffort();

	private final Duration minBackoff;

	private volatile Disposable subscription;

	/**
	 * @param endpoint the database to listen to
	 */
	@Autowired
	public DataChangeListener(DatabaseEndpoint endpoint) {
		this(endpoint, Duration.ofMillis(500));
	}

	DataChangeListener(DatabaseEndpoint endpoint, Duration minBackoff) {
		this.minBackoff = minBackoff;
		this.factory = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
			.host(endpoint.host())
			.port(endpoint.port())
			.database(endpoint.database())
			.username(endpoint.username())
			.password(endpoint.password())
			.applicationName("llo-monitor-listener")
			.connectTimeout(Duration.ofSeconds(2))
			.tcpKeepAlive(true)
			.build());
	}

	/**
	 * @return the data version last seen, or -1 while it is unknown (database not reached
	 * yet)
	 */
	public long currentVersion() {
		return this.version.get();
	}

	/**
	 * @return a hot stream of data changes; it never completes while the app runs
	 */
	public Flux<DataChange> changes() {
		return this.sink.asFlux();
	}

	private Flux<Long> listen() {
		return Flux.usingWhen(this.factory.create(), this::listenOn, PostgresqlConnection::close,
				(connection, error) -> connection.close().onErrorResume((ex) -> Mono.empty()),
				(connection) -> connection.close().onErrorResume((ex) -> Mono.empty()));
	}

	private Flux<Long> listenOn(PostgresqlConnection connection) {
		Mono<Void> listen = connection.createStatement("LISTEN " + CHANNEL)
			.execute()
			.flatMap((r) -> r.getRowsUpdated())
			.then();
		Mono<Long> read = connection.createStatement("select version from data_version where id = 1")
			.execute()
			.flatMap((result) -> result.map((row, meta) -> row.get(0, Long.class)))
			.next();
		Flux<Long> notified = connection.getNotifications().flatMap((notification) -> {
			String payload = notification.getParameter();
			try {
				return Mono.just(Long.parseLong(payload.trim()));
			}
			catch (RuntimeException ex) {
				// not a version number: re-read the table
				return Mono.empty();
			}
		});
		return listen.thenMany(Flux
			.concat(read.doOnNext((v) -> logger.info("Listening on {}; data version {}", CHANNEL, v)), notified));
	}

	private void accept(long newVersion) {
		long previous = this.version.getAndAccumulate(newVersion, Math::max);
		if (newVersion > previous) {
			this.sink.tryEmitNext(new DataChange(newVersion));
		}
	}

	@Override
	public void start() {
		this.subscription = Flux.defer(this::listen)
			.doOnNext(this::accept)
			.then(Mono.<Void>error(new IllegalStateException("Notification stream of " + CHANNEL + " ended")))
			.doOnError((ex) -> logger.warn("Data change listener lost its connection: {}; reconnecting", ex.toString()))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, this.minBackoff).maxBackoff(Duration.ofSeconds(5)))
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable s = this.subscription;
		if (s != null) {
			s.dispose();
		}
		this.subscription = null;
	}

	@Override
	public boolean isRunning() {
		return this.subscription != null;
	}

}
