package nl.llomonitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import nl.llomonitor.importer.ImportReport;
import nl.llomonitor.importer.ImportService;
import nl.llomonitor.system.DataChangeListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two vintages of the real CBS table 85268NED, imported through the importer: the
 * published file, back-dated to {@link #PUBLISHED}, then a copy in which one cell is
 * revised, imported now. Werkloosheidspercentage of Zeeland (PV29) in 2024 Q4 is
 * published as 2.8 and revised to {@link #REVISED}.
 */
public final class TwoVintages {

	/** When the first vintage was published (back-dated import). */
	public static final OffsetDateTime PUBLISHED = OffsetDateTime.parse("2015-06-01T00:00:00Z");

	/** A date after the first vintage and before the revision. */
	public static final String BETWEEN = "2016-01-01";

	/** A date before either vintage. */
	public static final String BEFORE = "2015-01-01";

	/** The published value of the cell. */
	public static final String ORIGINAL = "2.8";

	/** The revised value of the cell. */
	public static final String REVISED = "3.0";

	private static final String LINE = ";Zeeland (PV);2024 4e kwartaal;";

	/** Werkloosheidspercentage_13. */
	private static final int FIELD = 15;

	private TwoVintages() {
	}

	/**
	 * Imports both vintages and waits until the app has seen them.
	 * @param importer the import service
	 * @param versions the app's data version listener
	 * @param temp a folder for the revised copy
	 * @return the report of the revising import
	 */
	public static ImportReport importBoth(ImportService importer, DataChangeListener versions, Path temp) {
		Path original = SharedData.file("cbs/85268NED.csv");
		// the published file as the current state first: test classes before this one
		// may have left other vintages of the table in the shared database
		importer.importFile(original);
		importer.importFile(original, null, null, PUBLISHED);
		ImportReport revision = importer.importFile(revised(original, temp));
		assertThat(revision.rowsInserted()).as("the revised cell is a new vintage").isEqualTo(1);
		await(versions, revision.dataVersion());
		return revision;
	}

	/**
	 * Imports the published file again, so the published value is current for tests that
	 * follow.
	 * @param importer the import service
	 * @param versions the app's data version listener
	 */
	public static void restore(ImportService importer, DataChangeListener versions) {
		ImportReport report = importer.importFile(SharedData.file("cbs/85268NED.csv"));
		await(versions, report.dataVersion());
	}

	private static Path revised(Path original, Path temp) {
		try {
			List<String> lines = Files.readAllLines(original, StandardCharsets.UTF_8);
			int hits = 0;
			for (int i = 0; i < lines.size(); i++) {
				if (lines.get(i).contains(LINE)) {
					String[] fields = lines.get(i).split(";", -1);
					assertThat(fields[FIELD]).isEqualTo(ORIGINAL);
					fields[FIELD] = REVISED;
					lines.set(i, String.join(";", fields));
					hits++;
				}
			}
			assertThat(hits).isEqualTo(1);
			Path copy = Files.createDirectories(temp.resolve("revised")).resolve("85268NED.csv");
			Files.write(copy, lines, StandardCharsets.UTF_8);
			return copy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void await(DataChangeListener versions, Long version) {
		if (version == null) {
			return;
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (versions.currentVersion() < version && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		assertThat(versions.currentVersion()).as("data version seen by the app").isGreaterThanOrEqualTo(version);
	}

}
