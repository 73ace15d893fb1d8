package nl.llomonitor.cube;

import java.util.List;

/**
 * Why a source is probably incomplete (cut off), as a message key and its arguments, so
 * that each reader gets it in its own language: the API's bundles
 * ({@code messages.properties}, {@code messages_en.properties}) hold the texts under
 * {@code incomplete.<key>}. Stored with the import run ({@code import_run.report ->
 * 'incompleteReasons'}), beside the English text in {@code import_run.incomplete_reason}.
 *
 * @param key the kind of cut-off, e.g. {@code rows-at-cbs-limit}
 * @param args its arguments: numbers (record counts) or text (a URL or file name)
 */
public record IncompleteReason(String key, List<Object> args) {

	public IncompleteReason {
		args = List.copyOf(args);
	}

	/**
	 * @param rows data rows read
	 * @return a CBS CSV download of exactly {@code rows} data rows, CBS's download limit
	 */
	public static IncompleteReason rowsAtCbsLimit(long rows) {
		return new IncompleteReason("rows-at-cbs-limit", List.of(rows));
	}

	/**
	 * @param rows data rows read
	 * @return a download (Eurostat) of exactly {@code rows} data rows, a download limit
	 */
	public static IncompleteReason rowsAtLimit(long rows) {
		return new IncompleteReason("rows-at-limit", List.of(rows));
	}

	/**
	 * @param records records on the page
	 * @param page the page (file or URL)
	 * @return an OData page of exactly the API's page size without {@code odata.nextLink}
	 */
	public static IncompleteReason pageAtLimit(long records, String page) {
		return new IncompleteReason("page-at-limit", List.of(records, page));
	}

	/**
	 * @param next the {@code odata.nextLink} of the last page read
	 * @return a next page that the upload does not hold
	 */
	public static IncompleteReason nextPageMissing(String next) {
		return new IncompleteReason("next-page-missing", List.of(next));
	}

	/**
	 * @param read records read
	 * @param counted records the response counts ({@code @odata.count})
	 * @return fewer records than the response counts
	 */
	public static IncompleteReason fewerThanCounted(long read, long counted) {
		return new IncompleteReason("fewer-than-counted", List.of(read, counted));
	}

	/**
	 * @param read observations read
	 * @param total observations of the table ({@code Properties.ObservationCount})
	 * @return fewer observations than the table has
	 */
	public static IncompleteReason fewerThanTable(long read, long total) {
		return new IncompleteReason("fewer-than-table", List.of(read, total));
	}

	/**
	 * @param read records read
	 * @param total records of the table (OData v3 {@code TableInfos.RecordCount})
	 * @return fewer records than the table has
	 */
	public static IncompleteReason fewerThanTableRecords(long read, long total) {
		return new IncompleteReason("fewer-than-table-records", List.of(read, total));
	}

	/**
	 * @param id the {@code ID} (v3) or {@code Id} (v4) of the first record, a positive
	 * multiple of the API's page size
	 * @param page the file or page it stands in
	 * @return a download whose records start at a later page's first ID without the pages
	 * before it: a page of {@code $skip} saved alone
	 */
	public static IncompleteReason startsAtLaterPage(long id, String page) {
		return new IncompleteReason("starts-at-later-page", List.of(String.valueOf(id), page));
	}

	/**
	 * @param id the {@code ID} (v3) or {@code Id} (v4) of the first record of the page, a
	 * positive multiple of the API's page size
	 * @param page the page (file or URL)
	 * @param previous the ID of the last record of the page read before it
	 * @return a page that does not continue the IDs of the page before it: a page between
	 * them is missing
	 */
	public static IncompleteReason pageSkipped(long id, String page, long previous) {
		return new IncompleteReason("page-skipped", List.of(String.valueOf(id), page, String.valueOf(previous)));
	}

	/**
	 * @param ended gemeenten the edition would end
	 * @param valid gemeenten valid on its date
	 * @param date its date (ISO)
	 * @param first the first of them by code
	 * @return a complete region edition ("Gebieden in Nederland") that would end more
	 * than a tenth of the gemeenten, as a file cut off at a line break does; applied as a
	 * partial edition
	 */
	public static IncompleteReason editionCutOff(int ended, int valid, String date, String first) {
		return new IncompleteReason("edition-cut-off", List.of(ended, valid, date, first));
	}

	/**
	 * @param ended gemeenten the edition would end
	 * @param after how many of them come after the file's last gemeente
	 * @param date its date (ISO)
	 * @param first the first of those after it, by code
	 * @param last the listed gemeente whose name sorts last (its code and name)
	 * @return a complete region edition that would end gemeenten that come after the last
	 * one it lists, as a sorted file cut off after most of its rows does; applied as a
	 * partial edition
	 */
	public static IncompleteReason editionCutOffAtTheEnd(int ended, int after, String date, String first, String last) {
		return new IncompleteReason("edition-cut-off-at-the-end", List.of(ended, after, date, first, last));
	}

}
