package nl.llomonitor.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import nl.llomonitor.LloMonitorApplication;
import nl.llomonitor.system.DatabaseEndpoint;
import nl.llomonitor.system.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of the importer CLI, a separate JVM, in the middle of a large file:
 * afterwards every cell holds the old vintage or (if the kill came after the commit) the
 * new one, never a mix; no import run is left {@code running} (the run row is written in
 * the import's own transaction, so it vanishes with it); a retry then succeeds. Runs in
 * its own database on the test PostgreSQL server.
 */
class KilledImportIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(KilledImportIntegrationTests.class);

	static final int FIRST_YEAR = 1800;

	static final int LAST_YEAR = 1999;

	@TempDir
	Path temp;

	private final List<Process> processes = new ArrayList<>();

	private DatabaseEndpoint database;

	@AfterEach
	void cleanUp() throws SQLException {
		this.processes.forEach(Process::destroyForcibly);
		TestDatabase.dropDatabase(this.database);
	}

	/**
	 * {@code kill -9} of a first import loaded as a segment of its own (migration V13)
	 * while it writes or indexes its segment: nothing of it is left, neither cells nor a
	 * segment table, read with observation or not. The retry makes the one segment; a new
	 * vintage afterwards goes into observation itself.
	 */
	@Test
	void killedImportOfASegmentLeavesNothingAndTheRetryOneSegment() throws Exception {
		this.database = TestDatabase.createDatabase("llo_kill_segment_" + ProcessHandle.current().pid());
		this.extraArgs = List.of("--llo.import.segment-cells=1000");
		Path first = Files.createDirectories(this.temp.resolve("v1")).resolve(BigCbsFile.NAME);
		Path second = Files.createDirectories(this.temp.resolve("v2")).resolve(BigCbsFile.NAME);
		long rows = BigCbsFile.write(first, FIRST_YEAR, LAST_YEAR, 1);
		BigCbsFile.write(second, FIRST_YEAR, LAST_YEAR, 2);
		String segments = "select count(*) from pg_class where relkind = 'r'"
				+ " and relname like 'observation\\_segment\\_%'";
		String cells = "select count(*) from observation_current where period_code < '2000'";

		killWhile(importer(first, "v1-killed"), "v1-killed", "%observation\\_segment\\_%", 100, 300);
		assertThat(count("select count(*) from import_run where status = 'running'")).isZero();
		// killed before its commit (as a rule): nothing; after it: all, in its segment
		boolean committed = count(cells) > 0;
		if (committed) {
			assertThat(count(cells)).as("cells of the killed import, after its commit").isGreaterThan(rows);
		}
		assertThat(count(segments)).as("segment tables, none but a child of observation").isEqualTo(committed ? 1 : 0);
		assertThat(count("select count(*) from pg_inherits where inhparent = 'observation'::regclass"))
			.isEqualTo(count(segments));
		logger.info("KILL-SEGMENT committed_before_kill={}", committed);

		Process retry = importer(first, "v1-retry");
		assertThat(retry.waitFor(300, TimeUnit.SECONDS)).isTrue();
		assertThat(retry.exitValue()).as(log("v1-retry")).isZero();
		long whole = count(cells);
		assertThat(whole).isGreaterThan(rows);
		assertThat(count("select count(distinct import_run_id) from observation_current where period_code < '2000'"))
			.isEqualTo(1);
		assertThat(count(segments)).isEqualTo(1);
		assertThat(count("select count(*) from pg_inherits where inhparent = 'observation'::regclass")).isEqualTo(1);

		Process next = importer(second, "v2");
		assertThat(next.waitFor(300, TimeUnit.SECONDS)).isTrue();
		assertThat(next.exitValue()).as(log("v2")).isZero();
		assertThat(count(segments)).as("a new vintage adds no segment").isEqualTo(1);
		assertThat(count(cells)).isEqualTo(whole);
		assertThat(count("select count(distinct import_run_id) from observation_current where period_code < '2000'"))
			.as("one vintage for every cell, never a mix")
			.isEqualTo(1);
	}

	private List<String> extraArgs = List.of();

	@Test
	void killedImportLeavesOneWholeVintage() throws Exception {
		this.database = TestDatabase.createDatabase("llo_kill_" + ProcessHandle.current().pid());
		Path first = Files.createDirectories(this.temp.resolve("v1")).resolve(BigCbsFile.NAME);
		Path second = Files.createDirectories(this.temp.resolve("v2")).resolve(BigCbsFile.NAME);
		long rows = BigCbsFile.write(first, FIRST_YEAR, LAST_YEAR, 1);
		BigCbsFile.write(second, FIRST_YEAR, LAST_YEAR, 2);

		// vintage 1, imported whole
		Process initial = importer(first, "v1");
		assertThat(initial.waitFor(300, TimeUnit.SECONDS)).as("first import finished").isTrue();
		assertThat(initial.exitValue()).as(log("v1")).isZero();
		long cells = count("select count(*) from observation_current where period_code < '2000'");
		assertThat(cells).isGreaterThan(rows);
		long runOne = count("select max(import_run_id) from observation_current where period_code < '2000'");

		// vintage 2, killed while it writes
		long started = System.nanoTime();
		killWhile(importer(second, "v2-killed"), "v2-killed", "%copy%", 150, 500);
		long killedAfterMs = (System.nanoTime() - started) / 1_000_000;

		assertThat(count("select count(*) from import_run where status = 'running'")).as("runs left running").isZero();
		assertThat(count("select count(*) from observation_current where period_code < '2000'")).as("cells")
			.isEqualTo(cells);
		long runsInStore = count(
				"select count(distinct import_run_id) from observation_current where period_code < '2000'");
		assertThat(runsInStore).as("one vintage for every cell, never a mix").isEqualTo(1);
		long vintageAfterKill = (count(
				"select max(import_run_id) from observation_current where period_code < '2000'") == runOne) ? 1 : 2;

		// the retry succeeds and leaves vintage 2 whole
		Process retry = importer(second, "v2-retry");
		assertThat(retry.waitFor(300, TimeUnit.SECONDS)).isTrue();
		assertThat(retry.exitValue()).as(log("v2-retry")).isZero();
		assertThat(count("select count(distinct import_run_id) from observation_current where period_code < '2000'"))
			.isEqualTo(1);
		assertThat(count("select max(import_run_id) from observation_current where period_code < '2000'"))
			.isNotEqualTo(runOne);
		assertThat(count("select count(*) from observation_current where period_code < '2000'")).isEqualTo(cells);
		assertThat(count("select count(*) from import_run where status = 'running'")).isZero();
		logger.info(
				"KILL-IMPORT rows={} cells={} killed_after_ms={} vintage_after_kill={} mixed_cells=0 rows_lost=0 running_runs=0",
				rows, cells, killedAfterMs, vintageAfterKill);
	}

	/**
	 * Waits until the import runs a statement like the given one, kills it with
	 * {@code kill -9} a moment later (pause plus up to spread ms), and waits until
	 * PostgreSQL has noticed the dead connection and rolled its transaction back.
	 */
	private void killWhile(Process doomed, String name, String like, int pause, int spread) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (System.nanoTime() < deadline && doomed.isAlive() && count(
				"select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"
						+ " and state = 'active' and query ilike '" + like + "'") == 0) {
			Thread.sleep(10);
		}
		assertThat(doomed.isAlive()).as("the import is still running when it is killed; " + log(name)).isTrue();
		Thread.sleep(pause + (System.nanoTime() % spread));
		doomed.destroyForcibly();
		assertThat(doomed.waitFor(30, TimeUnit.SECONDS)).isTrue();
		waitUntil(() -> count("select count(*) from pg_stat_activity where datname = current_database()"
				+ " and pid <> pg_backend_pid() and state like 'idle in transaction%'") == 0);
	}

	private Process importer(Path file, String name) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), LloMonitorApplication.class.getName(), "import", file.toString(),
				"--llo.import.demo=false", "--llo.import.bootstrap-dir=off"));
		command.addAll(this.extraArgs);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.temp.resolve(name + ".log").toFile());
		builder.environment().put("LLO_DB_URL", this.database.jdbcUrl());
		builder.environment().put("LLO_DB_USERNAME", this.database.username());
		builder.environment().put("LLO_DB_PASSWORD", this.database.password());
		Process process = builder.start();
		this.processes.add(process);
		return process;
	}

	private String log(String name) {
		try {
			String text = Files.readString(this.temp.resolve(name + ".log"), StandardCharsets.UTF_8);
			return "log of " + name + ":\n" + text.substring(Math.max(0, text.length() - 4000));
		}
		catch (IOException ex) {
			return "no log of " + name;
		}
	}

	private long count(String sql) throws SQLException {
		try (Connection c = DriverManager.getConnection(this.database.jdbcUrl(), this.database.username(),
				this.database.password()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static void waitUntil(Check check) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!check.ok()) {
			assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	interface Check {

		boolean ok() throws Exception;

	}

}
