package nl.llomonitor.importer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import nl.llomonitor.api.ApiException;

/**
 * The optional text parts of an upload, read into an {@link ImportFormat} and
 * {@link ImportOptions}; a part that does not parse is a 400 {@code invalid-parameter}
 * naming the part and what it must be.
 */
final class UploadParts {

	private UploadParts() {
	}

	/**
	 * @param format a format code such as {@code cbs-csv}, or blank to recognise it
	 * @return the format, or {@code null} when not given
	 */
	static ImportFormat format(String format) {
		if (format == null || format.isBlank()) {
			return null;
		}
		try {
			return ImportFormat.fromCode(format.strip());
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalidParameter("format", ex.getMessage() + "; one of cbs-csv, cbs-v4-csv, cbs-odata3,"
					+ " cbs-odata4, eurostat-tsv, regions, geojson, demo.");
		}
	}

	/**
	 * The options, read in this order: {@code published}, {@code generic},
	 * {@code skipUnknownRegions}, {@code allowIncomplete}, {@code validFrom}.
	 * @return the options of the import
	 */
	static ImportOptions options(String published, String generic, String skipUnknownRegions, String allowIncomplete,
			String validFrom) {
		return new ImportOptions(published(published), Boolean.parseBoolean(generic),
				Boolean.parseBoolean(skipUnknownRegions), allowIncomplete(allowIncomplete), validFrom(validFrom));
	}

	private static boolean allowIncomplete(String value) {
		if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("false")) {
			return false;
		}
		if (value.strip().equalsIgnoreCase("true")) {
			return true;
		}
		throw ApiException.invalidParameter("allowIncomplete",
				"Part 'allowIncomplete' must be true (import a probably cut-off file, marked incomplete) or false.");
	}

	private static LocalDate validFrom(String validFrom) {
		if (validFrom == null || validFrom.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(validFrom.strip());
		}
		catch (DateTimeParseException ex) {
			throw ApiException.invalidParameter("validFrom",
					"Part 'validFrom' must be the date from which a region edition is valid, such as 2025-01-01.");
		}
	}

	private static OffsetDateTime published(String published) {
		try {
			return Publication.given(published, "published");
		}
		catch (ImportException ex) {
			throw ApiException.invalidParameter("published",
					"Part 'published' must be the publication date of the file, such as 2020-08-14, not in the future.");
		}
	}

}
