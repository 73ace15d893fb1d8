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

	/**
	 * Copies the shared folder a file lies in (a saved OData folder) into {@code parent},
	 * under the folder's own name, for a test to change a copy.
	 * @param relative a file of the folder, relative to {@code shared/data}
	 * @param parent where the copy goes
	 * @return the copied folder
	 * @throws java.io.IOException when a file cannot be copied
	 */
	public static Path copyFolderOf(String relative, Path parent) throws java.io.IOException {
		Path source = file(relative).getParent();
		Path folder = Files.createDirectories(parent.resolve(source.getFileName().toString()));
		try (var files = Files.list(source)) {
			for (Path f : files.toList()) {
				Files.copy(f, folder.resolve(f.getFileName()));
			}
		}
		return folder;
	}

	/**
	 * A changed copy of a shared file, for a test to import: the file alone, or with the
	 * rest of its folder (a saved OData folder).
	 * @param relative the file, relative to {@code shared/data}
	 * @param folder whether to copy the file's whole folder
	 * @param parent where the copy goes
	 * @param change what to do to the file's text; it must change it
	 * @return what to import: the copied file, or the copied folder
	 * @throws java.io.IOException when a file cannot be copied
	 */
	public static Path changedCopy(String relative, boolean folder, Path parent,
			java.util.function.UnaryOperator<String> change) throws java.io.IOException {
		Path source = file(relative);
		Path target = folder ? copyFolderOf(relative, parent) : parent.resolve(source.getFileName());
		String text = Files.readString(source, java.nio.charset.StandardCharsets.UTF_8);
		String changed = change.apply(text);
		if (changed.equals(text)) {
			throw new IllegalStateException("The change leaves " + relative + " as it was");
		}
		Files.writeString((folder ? target : parent).resolve(source.getFileName()), changed,
				java.nio.charset.StandardCharsets.UTF_8);
		return target;
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
