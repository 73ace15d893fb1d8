package nl.llomonitor.importer.store;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * The lock that puts imports in one order, across all instances: a transaction-scoped
 * PostgreSQL advisory lock, taken inside the import's transaction and released by its
 * commit or rollback (also when the connection dies). Waiting for it is bounded
 * ({@link #timeout()}, property {@code llo.import.lock-timeout}); past that the import
 * fails with {@link ImportBusyException}, recorded in {@code import_run} like any
 * failure, instead of waiting for ever behind a stuck one.
 * <p>
 * A vintage is dated by the moment its import got the lock ({@link #acquire}), not by
 * when its request arrived: the lock is held until commit, so of two imports of the same
 * cells the one that commits last has the later vintage and is the current value.
 */
public final class ImportLock {

	/** Key of the advisory lock (bigint); also read by the stuck-import check. */
	public static final long KEY = 0x110_1390_0001L;

	private static volatile Duration timeout = Duration.ofSeconds(60);

	private ImportLock() {
	}

	/**
	 * @return how long an import waits for the lock
	 */
	public static Duration timeout() {
		return timeout;
	}

	static void timeout(Duration value) {
		timeout = value;
	}

	/**
	 * Takes the lock in the current transaction, waiting at most {@link #timeout()}.
	 * @param tx the import's transaction
	 * @param fileName the file, for the message
	 * @param runId the import's {@code import_run} row, whose {@code started_at} becomes
	 * the time the lock was granted (the run starts when it may write)
	 * @return the database time at which the lock was granted: the vintage of the import
	 * @throws ImportBusyException when the lock was not granted in time
	 */
	public static OffsetDateTime acquire(DSLContext tx, String fileName, long runId) {
		Duration wait = timeout;
		try {
			tx.execute("set local lock_timeout = " + Math.max(1, wait.toMillis()));
			tx.execute("select pg_advisory_xact_lock(" + KEY + ")");
			tx.execute("set local lock_timeout = 0");
			// a 200 means the commit is on disk, whatever the server's default
			tx.execute("set local synchronous_commit = on");
		}
		catch (DataAccessException ex) {
			if ("55P03".equals(ex.sqlState())) {
				throw new ImportBusyException("Import of " + fileName + " waited " + wait.toSeconds()
						+ " s for another import to finish and gave up; nothing was written.", wait);
			}
			throw ex;
		}
		return tx
			.fetchSingle("update import_run set started_at = clock_timestamp() where id = ? returning started_at",
					runId)
			.get(0, OffsetDateTime.class);
	}

	/**
	 * Another import held the lock for longer than the lock timeout.
	 */
	public static final class ImportBusyException extends RuntimeException {

		private final Duration waited;

		ImportBusyException(String message, Duration waited) {
			super(message, null, false, false);
			this.waited = waited;
		}

		public Duration waited() {
			return this.waited;
		}

		@Override
		public String toString() {
			return getMessage();
		}

	}

}
