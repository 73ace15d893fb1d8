package nl.llomonitor.system;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

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
 * <p>
 * The database is the authority: the version in memory is always the one last read from
 * {@code data_version}, never a maximum. If it goes backwards (a database restored from a
 * backup, or one that lost commits in a crash) or jumps, the change is announced like any
 * other, so every cache of every instance starts over. The {@linkplain #currentTag() tag}
 * adds the time of the change, so that a version number reached again after going
 * backwards never repeats an ETag of different data. A notification only triggers a
 * re-read; the table is also re-read every {@link #POLL} in case one was missed.
 */
@Component
public class DataChangeListener implements SmartLifecycle {

	static final String CHANNEL = "llo_data_changed";

	/** How often the version is re-read besides notifications. */
	static final Duration POLL = Duration.ofSeconds(10);

	/** A re-read that takes longer marks the connection as broken. */
	static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

	private static final Logger logger = LoggerFactory.getLogger(DataChangeListener.class);

	private final PostgresqlConnectionFactory factory;

	private final AtomicReference<DataVersion> current = new AtomicReference<>();

	private final Sinks.Many<DataChange> sink = Sinks.many().multicast().directBestEffort();

	/** Emits when this run of the listener stops; a new one for each start. */
	private volatile Sinks.One<Boolean> stopping = Sinks.one();

	private final Duration minBackoff;

	private final OutageLog outageLog = new OutageLog(logger, Duration.ofMinutes(1));

	private volatile Disposable subscription;

	private volatile boolean connected;

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
	 * @return the data version last read, or -1 while it is unknown (database not reached
	 * yet)
	 */
	public long currentVersion() {
		DataVersion v = this.current.get();
		return (v != null) ? v.version() : -1;
	}

	/**
	 * @return an identifier of the store's state for caches and ETags: the version and
	 * the time it was reached (e.g. {@code 7.1kq2h3x9c}), or null while unknown. Equal on
	 * every instance; never the same for two different states, even when the version went
	 * backwards and forwards again.
	 */
	public String currentTag() {
		DataVersion v = this.current.get();
		return (v != null) ? v.tag() : null;
	}

	/**
	 * @return whether the listener's connection is up and answered its last read (the
	 * database is reachable: a timeout elsewhere means busy, not down)
	 */
	public boolean isConnected() {
		return this.connected;
	}

	/**
	 * @return a hot stream of data changes; it never completes while the app runs. A
	 * subscriber that is slow to request gets the latest change rather than none (only
	 * the newest version matters)
	 */
	public Flux<DataChange> changes() {
		// the direct sink drops a value for a subscriber without demand at that moment;
		// buffering the latest one here means the sink always sees demand
		return this.sink.asFlux().onBackpressureLatest();
	}

	/**
	 * @return emits once, when the app begins to stop (before the web server's graceful
	 * shutdown): endless streams such as server-sent events end then, so the shutdown
	 * does not wait for them and their clients reconnect to another instance
	 */
	public Mono<Boolean> stopping() {
		// the signal of the run current at subscription: a context stopped and started
		// again (as the test framework pauses cached contexts) serves new streams
		return Mono.defer(() -> this.stopping.asMono());
	}

	private Flux<DataVersion> listen() {
		return Flux.usingWhen(this.factory.create(), this::listenOn, PostgresqlConnection::close,
				(connection, error) -> connection.close().onErrorResume((ex) -> Mono.empty()),
				(connection) -> connection.close().onErrorResume((ex) -> Mono.empty()));
	}

	private Flux<DataVersion> listenOn(PostgresqlConnection connection) {
		Mono<Void> listen = connection.createStatement("LISTEN " + CHANNEL)
			.execute()
			.flatMap((r) -> r.getRowsUpdated())
			.then();
		Mono<DataVersion> read = Mono.defer(() -> connection
			.createStatement("select version, (extract(epoch from changed_at) * 1000000)::bigint from data_version"
					+ " where id = 1")
			.execute()
			.flatMap((result) -> result
				.map((row, meta) -> new DataVersion(row.get(0, Long.class), row.get(1, Long.class))))
			.next()
			// a read that never answers means a broken connection: reconnect
			.timeout(READ_TIMEOUT));
		// a notification, or the poll, triggers a re-read of the table
		Flux<Object> triggers = Flux.merge(connection.getNotifications(), Flux.interval(POLL, POLL));
		return listen.thenMany(Flux.concat(read.doOnNext((v) -> {
			this.outageLog.recovered();
			logger.info("Listening on {}; data version {}", CHANNEL, v.version());
		}), triggers.concatMap((trigger) -> read, 1)));
	}

	/**
	 * Takes a state of the store that this instance has just written and committed (read
	 * back from {@code data_version} after the commit), so that the answer to the write
	 * and every request after it on this instance see the new state at once, without
	 * waiting for the notification to come round. Other instances learn it as before.
	 * @param version the data version read after the commit
	 * @param changedAtMicros its {@code changed_at}, microseconds since the epoch
	 */
	public void observe(long version, long changedAtMicros) {
		accept(new DataVersion(version, changedAtMicros));
	}

	// synchronized: the listener and observe() (after an import on this instance) may
	// take a version at the same moment; the sink must see one emission at a time, or it
	// drops one (FAIL_NON_SERIALIZED) while the version is already taken, and that change
	// would never be announced
	synchronized void accept(DataVersion newVersion) {
		DataVersion previous = this.current.getAndSet(newVersion);
		if (newVersion.equals(previous)) {
			return;
		}
		if (previous != null && newVersion.version() < previous.version()) {
			logger.warn("The data version went back from {} to {} (a restored database, or commits lost in a crash):"
					+ " every cache starts over", previous.version(), newVersion.version());
		}
		else if (previous != null && newVersion.version() == previous.version()) {
			logger.warn("Data version {} now stands for a different state of the store: every cache starts over",
					newVersion.version());
		}
		Sinks.EmitResult result = this.sink.tryEmitNext(new DataChange(newVersion.version()));
		if (result.isFailure() && result != Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
			logger.warn("Data change to version {} could not be announced: {}", newVersion.version(), result);
		}
	}

	@Override
	public void start() {
		this.stopping = Sinks.one();
		this.subscription = Flux.defer(this::listen).doOnNext((v) -> {
			this.connected = true;
			accept(v);
		})
			.then(Mono.<Void>error(new IllegalStateException("Notification stream of " + CHANNEL + " ended")))
			.doOnError((ex) -> this.connected = false)
			.doOnError((ex) -> this.outageLog.warn("Data change listener lost its connection: {}; reconnecting", ex))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, this.minBackoff).maxBackoff(Duration.ofSeconds(5)))
			.subscribe();
	}

	@Override
	public void stop() {
		this.stopping.tryEmitValue(true);
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

	/**
	 * A state of the store.
	 *
	 * @param version the data version
	 * @param changedAtMicros when it was reached (microseconds since the epoch)
	 */
	record DataVersion(long version, long changedAtMicros) {

		String tag() {
			return this.version + "." + Long.toString(this.changedAtMicros, 36);
		}

	}

}
