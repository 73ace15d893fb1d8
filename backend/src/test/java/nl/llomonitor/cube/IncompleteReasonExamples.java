package nl.llomonitor.cube;

import java.util.List;

/**
 * One reason of every kind the importers give for a source that is probably cut off, for
 * the tests of their texts (the bundles, the migration that reads them back).
 */
public final class IncompleteReasonExamples {

	private IncompleteReasonExamples() {
	}

	/**
	 * @return every kind, in the order of {@link IncompleteReason}'s factories; the fifth
	 * and sixth have counts of 4,408 of 4,409 records and 1,234,567 of 2,345,678
	 * observations; the first six are the kinds there were before runs kept their reasons
	 * as keys (migration V12)
	 */
	public static List<IncompleteReason> everyKind() {
		return List.of(IncompleteReason.rowsAtCbsLimit(10_000), IncompleteReason.rowsAtLimit(10_000),
				IncompleteReason.pageAtLimit(10_000, "UntypedDataSet_page1.json"),
				IncompleteReason
					.nextPageMissing("https://opendata.cbs.nl/ODataFeed/OData/83599NED/UntypedDataSet/?$skip=10000"),
				IncompleteReason.fewerThanCounted(4_408, 4_409), IncompleteReason.fewerThanTable(1_234_567, 2_345_678),
				IncompleteReason.fewerThanTableRecords(500, 675),
				IncompleteReason.startsAtLaterPage(10_000, "83599NED_UntypedDataSet.json"),
				IncompleteReason.pageSkipped(20_000,
						"https://opendata.cbs.nl/ODataFeed/OData/83599NED/UntypedDataSet/?$skip=10000", 9_999),
				IncompleteReason.editionCutOff(42, 342, "2027-06-01", "GM0880"),
				IncompleteReason.editionCutOffAtTheEnd(23, 22, "2027-08-01", "GM0880", "GM0677 Veere"));
	}

}
