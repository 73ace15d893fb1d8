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

		/**
		 * The saved page a next link points to: the file of the folder whose name holds
		 * {@code skip} and exactly the link's number ({@code skip100} is not
		 * {@code skip1000}); of several, the one that names the link's entity set.
		 */
		@Override
		public InputStream openNext(String nextLink) throws IOException {
			Matcher skip = SKIP.matcher(nextLink);
			if (skip.find()) {
				Pattern exact = Pattern.compile(".*skip0*" + Long.parseLong(skip.group(1)) + "(?![0-9]).*\\.json");
				java.util.List<Path> pages = new java.util.ArrayList<>();
				try (DirectoryStream<Path> files = Files.newDirectoryStream(this.dir, "*skip*.json")) {
					for (Path file : files) {
						if (exact.matcher(file.getFileName().toString()).matches()) {
							pages.add(file);
						}
					}
				}
				int query = nextLink.indexOf('?');
				String path = (query >= 0) ? nextLink.substring(0, query) : nextLink;
				String entitySet = path.substring(path.lastIndexOf('/') + 1);
				pages
					.sort(java.util.Comparator
						.comparing((Path file) -> !entitySet.isEmpty()
								&& file.getFileName().toString().startsWith(entitySet) ? 0 : 1)
						.thenComparing(Path::toString));
				return pages.isEmpty() ? null : Files.newInputStream(pages.get(0));
			}
			return null;
		}

	}

}
