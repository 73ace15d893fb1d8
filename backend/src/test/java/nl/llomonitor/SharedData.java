package nl.llomonitor;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real published files in {@code shared/data} beside the checkout (read-only, never
 * copied into the project). Found through {@code LLO_SHARED_DATA}, else by walking up
 * from the working directory. A missing folder fails the test: it is never skipped.
 */
public final class SharedData {

	private static Path root;

	private SharedData() {
	}

	/**
	 * @return the {@code shared/data} folder
	 */
	public static synchronized Path root() {
		if (root == null) {
			root = locate();
		}
		return root;
	}

	/**
	 * @param relative path below {@code shared/data}, e.g. {@code cbs/85268NED.csv}
	 * @return the file, which must exist
	 */
	public static Path file(String relative) {
		Path file = root().resolve(relative);
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("Missing shared data file " + file);
		}
		return file;
	}

	/**
	 * @param name a file of the failing cases of 2026-11-30, e.g.
	 * {@code 01-odata3-untyped-nihil.json}
	 * @return the file in {@code shared/cases/2026-11-30}
	 */
	public static Path caseFile(String name) {
		Path file = root().getParent().resolve("cases/2026-11-30").resolve(name);
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("Missing case file " + file);
		}
		return file;
	}

	private static Path locate() {
		String configured = System.getenv("LLO_SHARED_DATA");
		if (configured != null && Files.isDirectory(Path.of(configured))) {
			return Path.of(configured).toAbsolutePath().normalize();
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("shared/data");
			if (Files.isRegularFile(candidate.resolve("SOURCES.md"))) {
				return candidate;
			}
		}
		throw new IllegalStateException(
				"shared/data not found: set LLO_SHARED_DATA or put shared/ beside the checkout");
	}

}
