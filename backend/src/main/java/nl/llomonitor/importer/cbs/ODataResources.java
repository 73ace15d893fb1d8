package nl.llomonitor.importer.cbs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an OData import finds the other entity sets of its table (DataProperties,
 * TableInfos, code lists) and the pages an {@code odata.nextLink} points to: a folder of
 * saved responses, or the live API.
 */
public interface ODataResources {

	/**
	 * @param entitySet e.g. {@code DataProperties}, {@code Perioden},
	 * {@code PeriodenCodes}
	 * @return its content, or null when not available
	 */
	InputStream open(String entitySet) throws IOException;

	/**
	 * @param nextLink the {@code odata.nextLink} of a page
	 * @return the next page, or null when a folder of saved responses does not hold it
	 * (the import is then incomplete)
	 * @throws IOException when it cannot be read
	 */
	InputStream openNext(String nextLink) throws IOException;

	/**
	 * Saved responses in one folder: {@code <EntitySet>.json}; a next page with
	 * {@code $skip=N} is the file whose name contains {@code skipN}.
	 */
	record Folder(Path dir) implements ODataResources {

		private static final Pattern SKIP = Pattern.compile("skip=([0-9]+)");

		@Override
		public InputStream open(String entitySet) throws IOException {
			Path file = this.dir.resolve(entitySet + ".json");
			return Files.isRegularFile(file) ? Files.newInputStream(file) : null;
		}

		@Override
		public InputStream openNext(String nextLink) throws IOException {
			Matcher skip = SKIP.matcher(nextLink);
			if (skip.find()) {
				try (DirectoryStream<Path> files = Files.newDirectoryStream(this.dir,
						"*skip" + skip.group(1) + "*.json")) {
					for (Path file : files) {
						return Files.newInputStream(file);
					}
				}
			}
			return null;
		}

	}

}
