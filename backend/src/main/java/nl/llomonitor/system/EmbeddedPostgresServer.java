package nl.llomonitor.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * A real PostgreSQL 17 server (binaries from Maven Central) run by the app itself, the
 * default when no external database is configured. The data directory is kept, so data
 * survives a restart.
 * <p>
 * Durable and closed: {@code fsync}, {@code synchronous_commit} and
 * {@code full_page_writes} are on (a 200 from an import survives a crash of PostgreSQL or
 * of the machine); it listens on localhost only and every login needs a password
 * (scram-sha-256, no {@code trust} line in {@code pg_hba.conf}). The passwords are
 * generated on first start and kept in {@code db-credentials.properties} beside the data
 * directory, readable by the owner only (mode 600). Three roles: the superuser
 * {@code postgres} (used here only, to create the others), {@link #OWNER} that owns the
 * database and runs the migrations, and {@link #APP} that the app connects as: no
 * superuser, no {@code CREATE}, only reading and writing the tables (so
 * {@code COPY ... TO PROGRAM} and the like are refused).
 * <p>
 * A postmaster left running by an app that was killed ({@code kill -9}) is stopped at the
 * next start, and a data directory of another PostgreSQL major version is moved aside
 * (never deleted) before a new one is created.
 */
final class EmbeddedPostgresServer implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	static final String DATABASE = "llo";

	/** Role that owns the database and runs the migrations. */
	static final String OWNER = "llo_owner";

	/** Role the app connects as: read and write, no DDL, no superuser. */
	static final String APP = "llo_app";

	static final String SUPERUSER = "postgres";

	/** Major version of the bundled binaries. */
	static final String MAJOR = "17";

	static final String CREDENTIALS_FILE = "db-credentials.properties";

	static final String OWNER_PID_FILE = "app.pid";

	private final EmbeddedPostgres postgres;

	private final Path dataDir;

	private final Properties credentials;

	EmbeddedPostgresServer(Path dataDir, int port) {
		this.dataDir = dataDir.toAbsolutePath();
		try {
			Path folder = this.dataDir.getParent();
			Files.createDirectories(folder);
			stopOrphanedPostmaster();
			moveAsideOtherMajorVersion();
			boolean fresh = !Files.exists(this.dataDir.resolve("PG_VERSION"));
			this.credentials = credentials(folder.resolve(CREDENTIALS_FILE), fresh);
			Path pwfile = null;
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(this.dataDir)
				.setCleanDataDirectory(false)
				// stopped by destroy(), after the pools on it are closed: a JVM shutdown
				// hook of
				// its own would stop it while they still validate connections
				.setRegisterShutdownHook(false)
				.setServerConfig("max_connections", "200")
				.setServerConfig("listen_addresses", "localhost")
				// durability: zonky's test defaults switch these off
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				.setServerConfig("password_encryption", "scram-sha-256")
				// sized for bulk imports (issue 12): a buffer pool that holds the indexes
				// an
				// import writes, and checkpoints far enough apart that a large import is
				// not
				// written twice (each checkpoint makes the next change of every page log
				// the
				// whole page); durability is unchanged (fsync and synchronous_commit stay
				// on)
				.setServerConfig("shared_buffers", sharedBuffersMb(physicalMemory()) + "MB")
				.setServerConfig("effective_cache_size", Math.max(512, physicalMemory() / 2 / MB) + "MB")
				.setServerConfig("wal_buffers", "64MB")
				.setServerConfig("max_wal_size", "4GB")
				.setServerConfig("checkpoint_timeout", "15min")
				.setConnectConfig("password", password(SUPERUSER))
				.setDataDirectoryCustomizer((dir) -> writeHba(dir.toPath()));
			if (fresh) {
				Files.createDirectories(this.dataDir);
				pwfile = Files.createTempFile(folder, "initdb", ".pw",
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
				Files.writeString(pwfile, password(SUPERUSER) + "\n");
				builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", pwfile.toString());
			}
			if (port > 0) {
				builder.setPort(port);
			}
			try {
				this.postgres = builder.start();
			}
			finally {
				if (pwfile != null) {
					Files.deleteIfExists(pwfile);
				}
			}
			Files.writeString(folder.resolve(OWNER_PID_FILE), String.valueOf(ProcessHandle.current().pid()));
			prepareRoles();
			logger.info("Embedded PostgreSQL {} running on port {} with data in {}", MAJOR, this.postgres.getPort(),
					this.dataDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, ex);
		}
	}

	private static final long MB = 1024 * 1024;

	/**
	 * The buffer pool: an eighth of the machine's memory, at least PostgreSQL's default
	 * 128 MB and at most 2 GB (the rest stays with the operating system's cache, which
	 * PostgreSQL relies on too).
	 * @param physicalMemory bytes of memory of the machine, or 0 when unknown
	 * @return megabytes
	 */
	static long sharedBuffersMb(long physicalMemory) {
		return Math.clamp(physicalMemory / 8 / MB, 128, 2048);
	}

	private static long physicalMemory() {
		if (java.lang.management.ManagementFactory
			.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getTotalMemorySize();
		}
		return 0;
	}

	/**
	 * @return the coordinates the app connects with (role {@link #APP})
	 */
	DatabaseEndpoint endpoint() {
		return new DatabaseEndpoint("localhost", this.postgres.getPort(), DATABASE, APP, password(APP));
	}

	/**
	 * @return the coordinates of the database owner, for the migrations
	 */
	DatabaseEndpoint ownerEndpoint() {
		return new DatabaseEndpoint("localhost", this.postgres.getPort(), DATABASE, OWNER, password(OWNER));
	}

	/**
	 * @return the PID of the running postmaster
	 */
	long postmasterPid() {
		return postmasterPid(this.dataDir).orElse(-1L);
	}

	Path dataDir() {
		return this.dataDir;
	}

	private String password(String role) {
		return this.credentials.getProperty(role);
	}

	/**
	 * Loads the passwords, or generates them for a new cluster. A cluster without its
	 * credentials cannot be logged into: that is refused with a clear message rather than
	 * opened up.
	 */
	private static Properties credentials(Path file, boolean fresh) throws IOException {
		Properties properties = new Properties();
		if (Files.exists(file)) {
			try (var in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
				properties.load(in);
			}
			restrict(file);
			if (properties.getProperty(SUPERUSER) != null && properties.getProperty(OWNER) != null
					&& properties.getProperty(APP) != null) {
				return properties;
			}
		}
		if (!fresh) {
			throw new IllegalStateException("The embedded PostgreSQL in " + file.getParent()
					+ " has no readable password file " + file.getFileName()
					+ "; restore that file, or move the pgdata folder aside to start a new store.");
		}
		SecureRandom random = new SecureRandom();
		for (String role : List.of(SUPERUSER, OWNER, APP)) {
			byte[] bytes = new byte[24];
			random.nextBytes(bytes);
			properties.setProperty(role, HexFormat.of().formatHex(bytes));
		}
		Path tmp = Files.createTempFile(file.getParent(), "credentials", ".tmp",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		try (var out = Files.newBufferedWriter(tmp, StandardCharsets.ISO_8859_1)) {
			properties.store(out, "Passwords of the embedded PostgreSQL (generated; keep private)");
		}
		Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		restrict(file);
		return properties;
	}

	private static void restrict(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system (Windows): the user profile's ACLs apply
		}
	}

	/** Only password logins, from this machine. */
	private static void writeHba(Path dir) {
		try {
			Files.writeString(dir.resolve("pg_hba.conf"), """
					# written by LLO Monitor at every start: password logins only, local only
					local   all   all                 scram-sha-256
					host    all   all   127.0.0.1/32  scram-sha-256
					host    all   all   ::1/128       scram-sha-256
					""");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A postmaster whose app died ({@code kill -9}) keeps running and holds the data
	 * directory: stop it (fast shutdown, then kill) and remove its
	 * {@code postmaster.pid}. A postmaster whose app is still alive is another
	 * instance's: refuse to start.
	 */
	private void stopOrphanedPostmaster() throws IOException {
		Path pidFile = this.dataDir.resolve("postmaster.pid");
		Optional<Long> pid = postmasterPid(this.dataDir);
		if (pid.isEmpty()) {
			return;
		}
		Optional<ProcessHandle> postmaster = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
		Path ownerFile = this.dataDir.getParent().resolve(OWNER_PID_FILE);
		Optional<ProcessHandle> owner = Optional.empty();
		if (Files.exists(ownerFile)) {
			try {
				long ownerPid = Long.parseLong(Files.readString(ownerFile).strip());
				owner = (ownerPid == ProcessHandle.current().pid()) ? Optional.empty()
						: ProcessHandle.of(ownerPid).filter(ProcessHandle::isAlive);
			}
			catch (NumberFormatException ex) {
				// unreadable: treat the owner as gone
			}
		}
		if (postmaster.isPresent() && isOurPostmaster(postmaster.get())) {
			if (owner.isPresent()) {
				throw new IllegalStateException("The embedded PostgreSQL in " + this.dataDir
						+ " is in use by another running LLO Monitor (process " + owner.get().pid() + ")");
			}
			logger.warn("Stopping the embedded PostgreSQL (pid {}) left running by an app that stopped without "
					+ "shutting it down", pid.get());
			ProcessHandle process = postmaster.get();
			// SIGTERM: smart shutdown; the dead app's connections are already gone
			process.destroy();
			if (!waitForExit(process, Duration.ofSeconds(20))) {
				process.destroyForcibly();
				waitForExit(process, Duration.ofSeconds(10));
			}
		}
		else if (postmaster.isPresent()) {
			logger.info("postmaster.pid in {} names process {}, which is not our PostgreSQL", this.dataDir, pid.get());
		}
		Files.deleteIfExists(pidFile);
	}

	private boolean isOurPostmaster(ProcessHandle process) {
		String command = process.info().commandLine().orElse(process.info().command().orElse(""));
		// without /proc the command line is unknown: the PID file names our data dir
		return command.isEmpty() || (command.contains("postgres") && command.contains(this.dataDir.toString()));
	}

	private static boolean waitForExit(ProcessHandle process, Duration timeout) {
		try {
			process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
			return true;
		}
		catch (java.util.concurrent.TimeoutException ex) {
			return false;
		}
		catch (java.util.concurrent.ExecutionException ex) {
			return !process.isAlive();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}

	static Optional<Long> postmasterPid(Path dataDir) {
		Path pidFile = dataDir.resolve("postmaster.pid");
		try {
			if (!Files.exists(pidFile)) {
				return Optional.empty();
			}
			List<String> lines = Files.readAllLines(pidFile);
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A data directory of another major version (PostgreSQL 14 of earlier releases)
	 * cannot be opened by these binaries: it is moved aside, with a message on how to get
	 * its data back, and a new store is created.
	 */
	private void moveAsideOtherMajorVersion() throws IOException {
		Path versionFile = this.dataDir.resolve("PG_VERSION");
		if (!Files.exists(versionFile)) {
			return;
		}
		String version = Files.readString(versionFile).strip();
		if (version.equals(MAJOR)) {
			return;
		}
		Path aside = this.dataDir.resolveSibling(this.dataDir.getFileName() + "-pg" + version + "-"
				+ LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
		Files.move(this.dataDir, aside);
		logger.warn(
				"The store in {} was made by PostgreSQL {}; this release runs PostgreSQL {}. It was moved to {} "
						+ "(start PostgreSQL {} on it and pg_dump it to keep its data); a new store is created.",
				this.dataDir, version, MAJOR, aside, version);
	}

	/** Creates the owner and app roles and the database on first start; idempotent. */
	private void prepareRoles() {
		String url = "jdbc:postgresql://localhost:" + this.postgres.getPort() + "/";
		try (Connection connection = DriverManager.getConnection(url + "postgres", SUPERUSER, password(SUPERUSER));
				Statement statement = connection.createStatement()) {
			for (String role : List.of(OWNER, APP)) {
				boolean exists;
				try (ResultSet rs = statement.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
					exists = rs.next();
				}
				statement.execute(((exists) ? "alter" : "create") + " role " + role
						+ " login nosuperuser nocreatedb nocreaterole noreplication password '" + password(role) + "'");
			}
			boolean exists;
			try (ResultSet rs = statement
				.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				exists = rs.next();
			}
			if (!exists) {
				statement.execute("create database " + DATABASE + " owner " + OWNER);
			}
			else {
				statement.execute("alter database " + DATABASE + " owner to " + OWNER);
			}
			statement.execute("revoke all on database " + DATABASE + " from public");
			statement.execute("grant connect, temporary on database " + DATABASE + " to " + APP);
			// to see every import's state in pg_stat_activity (stuck imports)
			statement.execute("grant pg_read_all_stats to " + APP);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare the roles of the embedded PostgreSQL", ex);
		}
		try (Connection connection = DriverManager.getConnection(url + DATABASE, SUPERUSER, password(SUPERUSER));
				Statement statement = connection.createStatement()) {
			statement.execute("revoke create on schema public from public");
			statement.execute("grant usage on schema public to " + APP);
			// tables made by the migrations (run as the owner), now and later
			statement.execute("alter default privileges for role " + OWNER + " in schema public "
					+ "grant select, insert, update, delete, truncate on tables to " + APP);
			statement.execute("alter default privileges for role " + OWNER + " in schema public "
					+ "grant usage, select, update on sequences to " + APP);
			statement
				.execute("grant select, insert, update, delete, truncate on all tables in schema public to " + APP);
			statement.execute("grant usage, select, update on all sequences in schema public to " + APP);
			// but not on the segments of observation (migration V13), read through
			// observation:
			// a write into one directly would pass by observation's coverage triggers
			statement.execute("do $$ declare r record; begin for r in select inhrelid::regclass as rel"
					+ " from pg_inherits where inhparent = to_regclass('observation') loop"
					+ " execute format('revoke all on %s from " + APP + "', r.rel); end loop; end $$");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not grant the app role its rights", ex);
		}
	}

	@Override
	public void destroy() throws IOException {
		this.postgres.close();
		Files.deleteIfExists(this.dataDir.getParent().resolve(OWNER_PID_FILE));
	}

}
