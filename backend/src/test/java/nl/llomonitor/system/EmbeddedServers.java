package nl.llomonitor.system;

import java.nio.file.Path;

/**
 * Test access to the app's own embedded PostgreSQL ({@link EmbeddedPostgresServer}), for
 * tests that crash, kill or log into it.
 */
public final class EmbeddedServers {

	private EmbeddedServers() {
	}

	/**
	 * Starts the embedded server the way the app does.
	 * @param dataDir its data directory ({@code pgdata} inside a folder of the test's
	 * own)
	 * @return the running server
	 */
	public static Server start(Path dataDir) {
		return new Server(new EmbeddedPostgresServer(dataDir, 0));
	}

	/**
	 * @param dataDir a data directory
	 * @return the PID in its {@code postmaster.pid}, or -1
	 */
	public static long postmasterPid(Path dataDir) {
		return EmbeddedPostgresServer.postmasterPid(dataDir).orElse(-1L);
	}

	/**
	 * A running embedded server.
	 */
	public static final class Server implements AutoCloseable {

		private final EmbeddedPostgresServer server;

		Server(EmbeddedPostgresServer server) {
			this.server = server;
		}

		/**
		 * @return what the app connects with (no superuser)
		 */
		public DatabaseEndpoint app() {
			return this.server.endpoint();
		}

		/**
		 * @return the database owner (runs the migrations)
		 */
		public DatabaseEndpoint owner() {
			return this.server.ownerEndpoint();
		}

		public long postmasterPid() {
			return this.server.postmasterPid();
		}

		@Override
		public void close() throws Exception {
			this.server.destroy();
		}

	}

}
