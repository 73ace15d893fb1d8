package nl.llomonitor.importer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import nl.llomonitor.SharedData;
import nl.llomonitor.system.DatabaseConfiguration;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static nl.llomonitor.db.Tables.IMPORT_RUN;
import static nl.llomonitor.db.Tables.OBSERVATION;
import static nl.llomonitor.importer.CurrentValues.current;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Imports the saved CBS OData v3 and v4 responses, and the 2020 OData vintage of 83599NED
 * next to its 2025 CSV vintage.
 */
@SpringBootTest
@Import(TestDatabaseConfiguration.class)
class ODataImportIntegrationTests {

	@Autowired
	private ImportService importer;

	@Autowired
	@Qualifier(DatabaseConfiguration.JDBC_DSL)
	private DSLContext jdbc;

	@TempDir
	Path temp;

	@Test
	void theOData2020VintageAndThe2025CsvVintageOfVacanciesAreBothKept() {
		ImportReport odata = this.importer
			.importFile(SharedData.file("cbs/odata3_83599NED/UntypedDataSet_page1.json").getParent());
		assertThat(odata.format()).isEqualTo("cbs-odata3");
		assertThat(odata.tableId()).isEqualTo("83599NED");
		assertThat(odata.rowsRead()).isEqualTo(15_504);
		assertThat(odata.warnings()).contains("2 pages read (odata.nextLink)");
		// (not asserted current here: another test of this class may have imported the
		// same download as history before, and the same bytes are the same publication)
		this.importer.importFile(SharedData.file("cbs/83599NED.csv"), true);
		assertThat(current(this.jdbc, "vacatures", "PV26", "2019KW04")).isEqualByComparingTo("27.1");
		List<BigDecimal> vintages = this.jdbc.select(OBSERVATION.VALUE)
			.from(OBSERVATION)
			.where(OBSERVATION.INDICATOR_CODE.eq("vacatures"), OBSERVATION.REGION_CODE.eq("PV26"),
					OBSERVATION.PERIOD_CODE.eq("2019KW04"), OBSERVATION.BREAKDOWN_ID.eq(0L))
			.orderBy(OBSERVATION.RECORDED_AT, OBSERVATION.ID)
			.fetch(OBSERVATION.VALUE);
		assertThat(vintages.subList(vintages.size() - 2, vintages.size())).usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("26.7"), new BigDecimal("27.1"));
	}

	@Test
	void anOlderDownloadImportedLaterDoesNotBecomeCurrent() {
		// the 2025 CSV first, then the 2020 OData dump, said to be published on
		// 2020-08-14
		// (its date in the CBS catalogue, odata3_catalog/Tables_sample.json)
		Path odata2020 = SharedData.file("cbs/odata3_83599NED/UntypedDataSet_page1.json").getParent();
		OffsetDateTime published = OffsetDateTime.parse("2020-08-14T02:00:00+02:00");
		this.importer.importFile(SharedData.file("cbs/83599NED.csv"), true);
		assertThat(current(this.jdbc, "vacatures", "PV26", "2019KW04")).isEqualByComparingTo("27.1");

		ImportReport older = this.importer.importFile(odata2020, null, null, published);
		assertThat(older.rowsInserted()).as("the 2020 vintage is kept").isPositive();
		assertThat(current(this.jdbc, "vacatures", "PV26", "2019KW04")).as("the newer publication stays current")
			.isEqualByComparingTo("27.1");
		assertThat(asOf("vacatures", "PV26", "2019KW04", OffsetDateTime.parse("2021-01-01T00:00:00Z")))
			.as("as known at the start of 2021")
			.isEqualByComparingTo("26.7");
		assertThat(this.jdbc.select(IMPORT_RUN.PUBLISHED_AT)
			.from(IMPORT_RUN)
			.where(IMPORT_RUN.ID.eq(older.id()))
			.fetchSingle(IMPORT_RUN.PUBLISHED_AT)).isAtSameInstantAs(published);

		ImportReport again = this.importer.importFile(odata2020, null, null, published);
		assertThat(again.status()).as("the same older vintage again changes nothing").isEqualTo("unchanged");
		assertThat(again.rowsInserted()).isZero();
	}

	/**
	 * A download whose own metadata dates it before a publication of its table the store
	 * holds is refused unless its date is given: imported at today's date, its older
	 * figures would replace the newer ones and read as revisions. With its date given it
	 * is added as history.
	 */
	@Test
	void anOlderDownloadByItsOwnMetadataIsRefusedUnlessItsDateIsGiven() throws Exception {
		Path original = SharedData.file("cbs/odata4_80072ned/Observations.json").getParent();
		// the 2020-06-19 release (Properties.Modified) is in the store
		this.importer.importFile(original);
		BigDecimal now = current(this.jdbc, "ziekteverzuim", "NL01", "1996KW01");
		// the same table as an earlier release said it, with another first value
		Path folder = Files.createDirectories(this.temp.resolve("odata4_80072ned"));
		try (var files = Files.list(original)) {
			for (Path f : files.toList()) {
				Files.copy(f, folder.resolve(f.getFileName()));
			}
		}
		Files.writeString(folder.resolve("Properties.json"),
				Files.readString(folder.resolve("Properties.json"), StandardCharsets.UTF_8)
					.replace("2020-06-19T02:00:00+02:00", "2019-03-01T01:00:00+01:00"),
				StandardCharsets.UTF_8);
		Files.writeString(folder.resolve("Observations.json"),
				Files.readString(folder.resolve("Observations.json"), StandardCharsets.UTF_8)
					.replaceFirst("\"Value\":5.5,", "\"Value\":9.9,"),
				StandardCharsets.UTF_8);
		assertThatThrownBy(() -> this.importer.importFile(folder)).isInstanceOf(ImportException.class)
			.hasMessageContaining("an older download than the store's figures of this table")
			.hasMessageContaining("Properties.Modified")
			.hasMessageContaining("2020-06-19")
			.hasMessageContaining("published=2019-03-01");
		assertThat(current(this.jdbc, "ziekteverzuim", "NL01", "1996KW01")).isEqualByComparingTo(now);
		// with its date given: history, the newer release stays current
		ImportReport older = this.importer.importFile(folder, null, null,
				OffsetDateTime.parse("2019-03-01T01:00:00+01:00"));
		assertThat(older.status()).isIn("succeeded", "unchanged");
		assertThat(current(this.jdbc, "ziekteverzuim", "NL01", "1996KW01")).isEqualByComparingTo(now);
	}

	/**
	 * A release said to be published today is as new as any: it becomes current (case
	 * 07's withdrawal, imported with today's date after the 2020 release was imported
	 * earlier today). Before, it was recorded at the start of today, before the earlier
	 * import of the 2020 download, and never became current while the run reported its
	 * rows as written.
	 */
	@Test
	void aReleasePublishedTodayBecomesCurrent() {
		// under a table id of its own (a table without a mapping): its publication
		// today would make the 2020 downloads of 80072ned that other tests import
		// older than the store's
		String table = "80079ned";
		String indicator = "cbs_80079ned__m001924";
		this.importer.importFile(SharedData.caseFile("07-odata4-withdrawn.before.json"), null, table);
		assertThat(current(this.jdbc, indicator, "NL01", "1997KW01")).isEqualByComparingTo("4.9");
		OffsetDateTime today = nl.llomonitor.cube.DutchTime
			.startOf(java.time.LocalDate.now(nl.llomonitor.cube.DutchTime.ZONE));
		ImportReport withdrawn = this.importer.importFile(SharedData.caseFile("07-odata4-withdrawn.json"), null, table,
				today);
		assertThat(withdrawn.cellsWithdrawn()).isEqualTo(1);
		assertThat(current(this.jdbc, indicator, "NL01", "1997KW01")).isNull();
		assertThat(this.jdbc.select(IMPORT_RUN.BACKDATED)
			.from(IMPORT_RUN)
			.where(IMPORT_RUN.ID.eq(withdrawn.id()))
			.fetchSingle(IMPORT_RUN.BACKDATED)).as("recorded at its import, its publication date kept").isFalse();
	}

	/**
	 * A download given a date after the publication of every import of its table the
	 * store holds is the newest release and becomes current, even where an older download
	 * was imported after that date: the 2020 release imported today without a date (its
	 * metadata dates it 2020-06-19), then yesterday's release given with yesterday's
	 * date. Before, the latter was recorded at yesterday as history, before the import of
	 * the 2020 download, whose figures stayed current. A download given a date before a
	 * stored publication is still history.
	 */
	@Test
	void aDownloadGivenADateAfterEveryStoredPublicationOfItsTableBecomesCurrent() throws Exception {
		// a table id of its own (a table without a mapping), as above
		String table = "80078ned";
		String indicator = "cbs_80078ned__m001924";
		this.importer.importFile(
				SharedData.copyFolderOf("cbs/odata4_80072ned/Observations.json", this.temp.resolve("release2020")),
				null, table);
		assertThat(current(this.jdbc, indicator, "NL01", "1996KW01")).isEqualByComparingTo("5.5");

		Path newer = SharedData.changedCopy("cbs/odata4_80072ned/Observations.json", true,
				this.temp.resolve("yesterday"), (text) -> text.replaceFirst("\"Value\":5.5,", "\"Value\":6.1,"));
		OffsetDateTime yesterday = nl.llomonitor.cube.DutchTime
			.startOf(java.time.LocalDate.now(nl.llomonitor.cube.DutchTime.ZONE).minusDays(1));
		ImportReport release = this.importer.importFile(newer, null, table, yesterday);
		assertThat(release.status()).isEqualTo("succeeded");
		assertThat(current(this.jdbc, indicator, "NL01", "1996KW01")).isEqualByComparingTo("6.1");
		assertThat(this.jdbc.select(IMPORT_RUN.BACKDATED, IMPORT_RUN.PUBLISHED_AT)
			.from(IMPORT_RUN)
			.where(IMPORT_RUN.ID.eq(release.id()))
			.fetchSingle()).satisfies((run) -> {
				assertThat(run.value1()).as("recorded at its import").isFalse();
				assertThat(run.value2()).as("its publication date kept").isEqualTo(yesterday);
			});

		Path older = SharedData.changedCopy("cbs/odata4_80072ned/Observations.json", true, this.temp.resolve("2019"),
				(text) -> text.replaceFirst("\"Value\":5.5,", "\"Value\":7.7,"));
		ImportReport history = this.importer.importFile(older, null, table,
				OffsetDateTime.parse("2019-03-01T01:00:00+01:00"));
		assertThat(history.status()).isEqualTo("succeeded");
		assertThat(current(this.jdbc, indicator, "NL01", "1996KW01")).isEqualByComparingTo("6.1");

		// a download whose own metadata dates it 2019, given a later date (the moment it
		// was downloaded, say): its metadata says it is older than the store's newest
		// release, so it stays history
		Path old = SharedData.changedCopy("cbs/odata4_80072ned/Properties.json", true, this.temp.resolve("old"),
				(text) -> text.replace("2020-06-19T02:00:00+02:00", "2019-03-01T01:00:00+01:00"));
		Files.writeString(old.resolve("Observations.json"),
				Files.readString(old.resolve("Observations.json"), StandardCharsets.UTF_8)
					.replaceFirst("\"Value\":5.5,", "\"Value\":8.8,"),
				StandardCharsets.UTF_8);
		ImportReport stale = this.importer.importFile(old, null, table, OffsetDateTime.now().minusHours(1));
		assertThat(stale.status()).isEqualTo("succeeded");
		assertThat(this.jdbc.select(IMPORT_RUN.BACKDATED)
			.from(IMPORT_RUN)
			.where(IMPORT_RUN.ID.eq(stale.id()))
			.fetchSingle(IMPORT_RUN.BACKDATED)).isTrue();
		assertThat(current(this.jdbc, indicator, "NL01", "1996KW01")).isEqualByComparingTo("6.1");
	}

	/**
	 * The same bytes are the same publication: a file imported as history (given its
	 * date), then imported again without one, stays history; it used to become the
	 * current value, as a new release would.
	 */
	@Test
	void aFileImportedAgainIsTheSamePublicationAtItsDate() throws Exception {
		// a table id of its own (a table without a mapping), as above
		String table = "80073ned";
		String indicator = "cbs_80073ned__m001924";
		Path release = SharedData.copyFolderOf("cbs/odata4_80072ned/Observations.json", this.temp.resolve("rel"));
		this.importer.importFile(release, null, table);
		assertThat(current(this.jdbc, indicator, "NL01", "1996KW01")).isEqualByComparingTo("5.5");

		Path older = SharedData.changedCopy("cbs/odata4_80072ned/Observations.json", true, this.temp.resolve("old"),
				(text) -> text.replaceFirst("\"Value\":5.5,", "\"Value\":7.7,"));
		OffsetDateTime date = OffsetDateTime.parse("2019-03-01T00:00:00+01:00");
		assertThat(this.importer.importFile(older, null, table, date).status()).isEqualTo("succeeded");
		assertThat(current(this.jdbc, indicator, "NL01", "1996KW01")).isEqualByComparingTo("5.5");

		ImportReport again = this.importer.importFile(older, null, table);
		assertThat(again.status()).isEqualTo("unchanged");
		assertThat(again.warnings()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.startsWith("this file is byte for byte the one of import ")
			.contains("(2019-03-01, sha-256 ", "read as that publication, at its date");
		assertThat(current(this.jdbc, indicator, "NL01", "1996KW01")).isEqualByComparingTo("5.5");
		assertThat(this.jdbc.select(IMPORT_RUN.BACKDATED, IMPORT_RUN.PUBLISHED_AT)
			.from(IMPORT_RUN)
			.where(IMPORT_RUN.ID.eq(again.id()))
			.fetchSingle()).satisfies((run) -> {
				assertThat(run.value1()).isTrue();
				assertThat(run.value2()).isEqualTo(date);
			});

	}

	/**
	 * A dimension that the table's own {@code Dimensions} list names and its curated
	 * mapping does not know (CBS added {@code Bedrijfsgrootte} to 80072ned) is refused
	 * with nothing written, and the error says why: its members would be stored as the
	 * table's total (it read "unknown dimension member, expected a dimension of the
	 * mapping").
	 */
	@Test
	void aDimensionOfTheTableThatTheMappingDoesNotKnowIsRefused() throws Exception {
		Path folder = SharedData.copyFolderOf("cbs/odata4_80072ned/Observations.json", this.temp.resolve("sized"));
		Path dimensions = folder.resolve("Dimensions.json");
		Files.writeString(dimensions, Files.readString(dimensions, StandardCharsets.UTF_8)
			.replace("\"value\":[",
					"\"value\":[{\"Identifier\":\"Bedrijfsgrootte\",\"Kind\":\"Dimension\",\"Title\":\"Bedrijfsgrootte\"},"),
				StandardCharsets.UTF_8);
		Path observations = folder.resolve("Observations.json");
		Files.writeString(observations, Files.readString(observations, StandardCharsets.UTF_8)
			.replaceAll("(\"Id\":[0-9]+,)", "$1\"Bedrijfsgrootte\":\"GK50\","), StandardCharsets.UTF_8);
		long rows = this.jdbc.fetchCount(OBSERVATION);
		assertThatThrownBy(() -> this.importer.importFile(folder)).isInstanceOf(ImportException.class)
			.hasMessageContaining("record 1")
			.hasMessageContaining("column Bedrijfsgrootte")
			.hasMessageContaining("'GK50'")
			.hasMessageContaining("dimension Bedrijfsgrootte of the table (Dimensions.json) is not in the mapping")
			.hasMessageContaining("stored as the total");
		assertThat(this.jdbc.fetchCount(OBSERVATION)).isEqualTo(rows);
	}

	/**
	 * A download holding more records than the count it states (a page of another query
	 * or table among its pages, or a stale count) says so: it imported without a word, as
	 * only fewer records than counted were looked at.
	 */
	@Test
	void moreRecordsThanTheResponseCountsAreWarnedAbout() throws Exception {
		Path folder = SharedData.copyFolderOf("cbs/odata3_80137ned/TypedDataSet.json", this.temp.resolve("counted"));
		Path data = folder.resolve("TypedDataSet.json");
		String text = Files.readString(data, StandardCharsets.UTF_8);
		assertThat(text).startsWith("{\"value\":[");
		Files.writeString(data, "{\"odata.count\":600," + text.substring(1), StandardCharsets.UTF_8);
		ImportReport report = this.importer.importFile(folder);
		assertThat(report.rowsRead()).isEqualTo(675);
		assertThat(report.warnings()).contains(
				"675 records read, more than the 600 that odata.count states: the count or one of the pages belongs"
						+ " to another query or table; check that the pages belong together");
		Files.writeString(data, "{\"odata.count\":675," + text.substring(1), StandardCharsets.UTF_8);
		assertThat(this.importer.importFile(folder).warnings()).noneMatch((w) -> w.contains("more than the"));
	}

	/**
	 * A figure of an OData response is stored as the decimal the response writes. It was
	 * read through a double, so a figure of more than 15 to 17 significant digits was
	 * rounded without a word (12345678901234567.5 was stored as 12345678901234568).
	 */
	@Test
	void aFigureIsStoredAsTheDecimalTheResponseWrites() throws Exception {
		String table = "80078ned";
		String indicator = "cbs_80078ned__m001924";
		String text = Files.readString(SharedData.caseFile("07-odata4-withdrawn.before.json"), StandardCharsets.UTF_8);
		assertThat(text).contains("\"Value\": 4.9,").contains("\"Value\": 4.5,");
		Path data = this.temp.resolve("Observations.json");
		Files.writeString(data, text.replace("\"Value\": 4.9,", "\"Value\": 12345678901234567.5,")
			.replace("\"Value\": 4.5,", "\"Value\": 0.1000000000000000000001,"), StandardCharsets.UTF_8);
		this.importer.importFile(data, null, table);
		assertThat(current(this.jdbc, indicator, "NL01", "1997KW01")).isEqualTo(new BigDecimal("12345678901234567.5"));
		assertThat(current(this.jdbc, indicator, "NL01", "1997KW02"))
			.isEqualTo(new BigDecimal("0.1000000000000000000001"));
		assertThat(current(this.jdbc, indicator, "NL01", "1996JJ00")).isEqualByComparingTo("4.7");
	}

	/**
	 * A property given twice in one record ({@code "Value": 4.9, "Value": 5.1}) leaves
	 * the figure open: the import is refused with the record and the property named, and
	 * writes nothing. The last of the two used to be stored.
	 */
	@Test
	void aPropertyGivenTwiceInOneRecordIsRefused() throws Exception {
		String table = "80077ned";
		String text = Files.readString(SharedData.caseFile("07-odata4-withdrawn.before.json"), StandardCharsets.UTF_8);
		Path data = this.temp.resolve("Observations.json");
		Files.writeString(data, text.replace("\"Value\": 4.9,", "\"Value\": 4.9, \"Value\": 5.1,"),
				StandardCharsets.UTF_8);
		assertThatThrownBy(() -> this.importer.importFile(data, null, table)).isInstanceOf(ImportException.class)
			.hasMessageContaining("Observations.json")
			.hasMessageContaining("record 2")
			.hasMessageContaining("Value");
		assertThat(this.jdbc.fetchCount(OBSERVATION, OBSERVATION.INDICATOR_CODE.eq("cbs_80077ned__m001924"))).isZero();
		assertThat(this.jdbc.fetchCount(IMPORT_RUN,
				IMPORT_RUN.TABLE_ID.eq(table).and(IMPORT_RUN.STATUS.ne(nl.llomonitor.cube.ImportRunState.FAILED))))
			.isZero();
	}

	/**
	 * A download imported with today's date given is current even when its own metadata
	 * dates it before a download of the table the store holds (both today): it was
	 * refused as an older download, with the advice to give the date it was given.
	 */
	@Test
	void aDownloadGivenTodaysDateIsNotRefusedAsOlderThanOneModifiedLaterToday() throws Exception {
		String table = "80076ned";
		java.time.LocalDate today = java.time.LocalDate.now(nl.llomonitor.cube.DutchTime.ZONE);
		Path folder = Files.createDirectories(this.temp.resolve("today").resolve("odata4_" + table));
		Files.copy(SharedData.caseFile("07-odata4-withdrawn.before.json"), folder.resolve("Observations.json"));
		Files.writeString(folder.resolve("Properties.json"),
				"{\"Identifier\":\"" + table + "\",\"Modified\":\"" + today + "T02:00:00+01:00\"}",
				StandardCharsets.UTF_8);
		ImportReport first = this.importer.importFile(folder, null, table);
		assertThat(first.status()).isEqualTo("succeeded");
		OffsetDateTime startOfToday = nl.llomonitor.cube.DutchTime.startOf(today);
		// a download whose own metadata dates it earlier today, given today's date
		Path second = Files.createDirectories(this.temp.resolve("today-2").resolve("odata4_" + table));
		Files.copy(SharedData.caseFile("07-odata4-withdrawn.json"), second.resolve("Observations.json"));
		Files.writeString(second.resolve("Properties.json"),
				"{\"Identifier\":\"" + table + "\",\"Modified\":\"" + today + "T01:00:00+01:00\"}",
				StandardCharsets.UTF_8);
		ImportReport withdrawn = this.importer.importFile(second, null, table, startOfToday);
		assertThat(withdrawn.status()).isEqualTo("succeeded");
		assertThat(current(this.jdbc, "cbs_80076ned__m001924", "NL01", "1997KW01")).isNull();
		// a date given in the past still adds history, also beside that download
		ImportReport history = this.importer.importFile(SharedData.caseFile("07-odata4-withdrawn.before.json"), null,
				table, startOfToday.minusDays(30));
		assertThat(history.status()).isIn("succeeded", "unchanged");
		assertThat(current(this.jdbc, "cbs_80076ned__m001924", "NL01", "1997KW01")).isNull();
	}

	/**
	 * A response whose file name names another table than its own OData metadata
	 * ({@code copy-of-80137ned.json} holding 80072ned) is refused, naming both: its
	 * figures went to the table of the name. A table given with the import still wins.
	 */
	@Test
	void aFileNameNamingAnotherTableThanTheResponseIsRefused() throws Exception {
		Path copy = Files.copy(SharedData.caseFile("07-odata4-withdrawn.before.json"),
				this.temp.resolve("copy-of-80137ned.json"));
		long rows = this.jdbc.fetchCount(OBSERVATION);
		assertThatThrownBy(() -> this.importer.importFile(copy)).isInstanceOf(ImportException.class)
			.hasMessageContaining("copy-of-80137ned.json")
			.hasMessageContaining("the name names table 80137ned, the response's metadata 80072ned")
			.hasMessageContaining("or the table given with the import");
		assertThat(this.jdbc.fetchCount(OBSERVATION)).isEqualTo(rows);
		assertThat(this.jdbc.select(IMPORT_RUN.STATUS)
			.from(IMPORT_RUN)
			.where(IMPORT_RUN.FILE_NAME.eq("copy-of-80137ned.json"))
			.fetch(IMPORT_RUN.STATUS)).containsExactly(nl.llomonitor.cube.ImportRunState.FAILED);
		assertThat(this.importer.importFile(copy, null, "80075ned").status()).isEqualTo("succeeded");
		// the same response zipped under the name, as Observations.json
		Path zip = this.temp.resolve("copy-of-80137ned.zip");
		try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
			out.putNextEntry(new java.util.zip.ZipEntry("Observations.json"));
			out.write(Files.readAllBytes(copy));
			out.closeEntry();
		}
		assertThatThrownBy(() -> this.importer.importFile(zip)).isInstanceOf(ImportException.class)
			.hasMessageContaining("the name names table 80137ned, the response's metadata 80072ned");
		assertThat(this.jdbc.fetchCount(OBSERVATION)).isEqualTo(rows + 4);
	}

	@Test
	void thePublicationDateIsReadFromTableInfosAndOnlyRecorded() throws Exception {
		// a copy with one changed value, so that this run writes a vintage whatever other
		// tests imported before
		Path folder = Files.createDirectories(this.temp.resolve("odata3_80137ned"));
		try (var files = Files.list(SharedData.file("cbs/odata3_80137ned/TypedDataSet.json").getParent())) {
			for (Path f : files.toList()) {
				Files.copy(f, folder.resolve(f.getFileName()));
			}
		}
		Path data = folder.resolve("TypedDataSet.json");
		Files.writeString(data, Files.readString(data, StandardCharsets.UTF_8)
			.replaceFirst("\"Totaal_1\":8811.0", "\"Totaal_1\":" + (8000 + System.nanoTime() % 500) + ".0"));
		ImportReport report = this.importer.importFile(folder);
		assertThat(report.rowsInserted()).isPositive();
		// TableInfos.Modified is 2009-07-10T02:00:00, Dutch local time (CEST)
		var run = this.jdbc.select(IMPORT_RUN.PUBLISHED_AT, IMPORT_RUN.BACKDATED)
			.from(IMPORT_RUN)
			.where(IMPORT_RUN.ID.eq(report.id()))
			.fetchSingle();
		assertThat(run.value1()).isAtSameInstantAs(OffsetDateTime.parse("2009-07-10T02:00:00+02:00"));
		// a date from metadata does not move the vintage back: an undated file imported
		// earlier may be older than it
		assertThat(run.value2()).isFalse();
		assertThat(this.jdbc.fetchCount(OBSERVATION, OBSERVATION.IMPORT_RUN_ID.eq(report.id()),
				OBSERVATION.RECORDED_AT.ne(report.startedAt())))
			.isZero();
	}

	@Test
	void aBackdatedVintageNeverDisplacesALaterRunOfItsTable() throws Exception {
		// the 2024 Q4 total (403.7) is imported, then the same file again (a later run
		// that
		// finds it unchanged); an older download with 399.9, dated between the two runs,
		// adds history but must not become current
		Path original = SharedData.file("cbs/80474ned.csv");
		// the moment between the runs is taken from the database's clock
		OffsetDateTime between = this.importer.importFile(original).finishedAt();
		ImportReport later = this.importer.importFile(original, null, "80474NED");
		assertThat(later.status()).isEqualTo("unchanged");
		String changed = Files.readString(original, StandardCharsets.UTF_8)
			.replace(";A-U Alle economische activiteiten;2024 4e kwartaal;403.7",
					";A-U Alle economische activiteiten;2024 4e kwartaal;399.9");
		Path older = Files.createDirectories(this.temp.resolve("older")).resolve("80474ned.csv");
		Files.writeString(older, changed, StandardCharsets.UTF_8);

		this.importer.importFile(older, null, null, between);
		assertThat(current(this.jdbc, "vacatures_sa", "NL01", "2024KW04")).isEqualByComparingTo("403.7");
	}

	@Test
	void aPublicationDateInTheFutureIsRefused() {
		Path file = SharedData.file("cbs/80474ned.csv");
		assertThatThrownBy(() -> this.importer.importFile(file, null, null, OffsetDateTime.now().plusDays(2)))
			.isInstanceOf(ImportException.class)
			.hasMessageContaining("80474ned.csv")
			.hasMessageContaining("published")
			.hasMessageContaining("not in the future");
	}

	private BigDecimal asOf(String indicator, String region, String period, OffsetDateTime moment) {
		return this.jdbc.select(OBSERVATION.VALUE)
			.from(OBSERVATION)
			.where(OBSERVATION.INDICATOR_CODE.eq(indicator), OBSERVATION.REGION_CODE.eq(region),
					OBSERVATION.PERIOD_CODE.eq(period), OBSERVATION.BREAKDOWN_ID.eq(0L),
					OBSERVATION.RECORDED_AT.le(moment))
			.orderBy(OBSERVATION.RECORDED_AT.desc(), OBSERVATION.ID.desc())
			.limit(1)
			.fetchSingle(OBSERVATION.VALUE);
	}

	@Test
	void typedDataSetOfALabourAccountsTable() {
		ImportReport report = this.importer
			.importFile(SharedData.file("cbs/odata3_80137ned/TypedDataSet.json").getParent());
		assertThat(report.tableId()).isEqualTo("80137ned");
		assertThat(report.rowsRead()).isEqualTo(675);
		assertThat(current(this.jdbc, "banen", "NL01", "2001JJ00")).isEqualByComparingTo("8811");
	}

	/**
	 * A source that states no status (a bare v4 {@code Observations.json}: the statuses
	 * are in its {@code PeriodenCodes}) does not revise the status the store has for an
	 * unchanged value. It used to turn every definitief figure into niet_vermeld, written
	 * as a change of every cell.
	 */
	@Test
	void aSourceThatStatesNoStatusDoesNotReviseIt() throws Exception {
		Path original = SharedData.file("cbs/odata4_80072ned/Observations.json").getParent();
		this.importer.importFile(original);
		assertThat(status("1996KW01")).isEqualTo("definitief");
		Path bare = Files.createDirectories(this.temp.resolve("bare")).resolve("Observations.json");
		Files.copy(original.resolve("Observations.json"), bare);
		ImportReport same = this.importer.importFile(bare, null, "80072ned");
		assertThat(same.status()).isEqualTo("unchanged");
		assertThat(same.rowsInserted()).isZero();
		assertThat(status("1996KW01")).isEqualTo("definitief");
		// a value it changes is a new vintage, whose status it does not state
		Files.writeString(bare,
				Files.readString(bare, StandardCharsets.UTF_8).replaceFirst("\"Value\":5.5,", "\"Value\":5.6,"),
				StandardCharsets.UTF_8);
		ImportReport changed = this.importer.importFile(bare, null, "80072ned");
		assertThat(changed.rowsInserted()).isEqualTo(1);
		assertThat(current(this.jdbc, "ziekteverzuim", "NL01", "1996KW01")).isEqualByComparingTo("5.6");
		assertThat(status("1996KW01")).isEqualTo("niet_vermeld");
		// the whole download again states both
		assertThat(this.importer.importFile(original).rowsInserted()).isEqualTo(1);
		assertThat(current(this.jdbc, "ziekteverzuim", "NL01", "1996KW01")).isEqualByComparingTo("5.5");
		assertThat(status("1996KW01")).isEqualTo("definitief");
	}

	/**
	 * An OData v3 download of a table whose mapping takes some region levels only and
	 * skips some regions by label (86088NED: the arbeidsmarktregio's, COROP areas and
	 * gemeenten that 85268NED does not publish) skips and counts those records, as its
	 * CSV form does. Before, its provincial figures were written over 85268NED's.
	 */
	@Test
	void aMappingsRegionLevelsAndSkippedRegionsHoldForOData() throws Exception {
		this.importer.importFile(SharedData.file("cbs/85268NED.csv"), true);
		java.math.BigDecimal utrecht = current(this.jdbc, "werkloosheidspercentage", "PV26", "2023JJ00");
		Path folder = Files.createDirectories(this.temp.resolve("odata3_86088NED"));
		Files.writeString(folder.resolve("TypedDataSet.json"),
				"""
						{"value":[
						{"ID":0,"Persoonskenmerken":"Totaal personen","RegioS":"PV26    ","Perioden":"2023JJ00","Werkloosheidspercentage_13":99.9},
						{"ID":1,"Persoonskenmerken":"Totaal personen","RegioS":"GM0344  ","Perioden":"2023JJ00","Werkloosheidspercentage_13":88.8},
						{"ID":2,"Persoonskenmerken":"Totaal personen","RegioS":"AM13    ","Perioden":"2023JJ00","Werkloosheidspercentage_13":7.7}]}
						""",
				StandardCharsets.UTF_8);
		// a code the store does not know, titled with a label the mapping skips
		Files.writeString(folder.resolve("RegioS.json"), """
				{"value":[{"Key":"AM99    ","Title":"Niet in te delen (AM)"},{"Key":"PV26    ","Title":"Utrecht (PV)"},
				{"Key":"GM0344  ","Title":"Utrecht (gemeente)"},{"Key":"AM13    ","Title":"Midden-Utrecht (AM)"}]}
				""", StandardCharsets.UTF_8);
		Files.writeString(folder.resolve("DataProperties.json"),
				"""
						{"value":[{"Type":"Dimension","Key":"Persoonskenmerken"},{"Type":"GeoDimension","Key":"RegioS"},
						{"Type":"TimeDimension","Key":"Perioden"},{"Type":"Topic","Key":"Werkloosheidspercentage_13","Unit":"%"}]}
						""",
				StandardCharsets.UTF_8);
		String data = Files.readString(folder.resolve("TypedDataSet.json"), StandardCharsets.UTF_8);
		Files.writeString(folder.resolve("TypedDataSet.json"), data.replace("]}", ",\n"
				+ "{\"ID\":3,\"Persoonskenmerken\":\"Totaal personen\",\"RegioS\":\"AM99    \",\"Perioden\":\"2023JJ00\",\"Werkloosheidspercentage_13\":6.6}]}"),
				StandardCharsets.UTF_8);
		ImportReport report = this.importer.importFile(folder, null, "86088NED");
		assertThat(report.warnings())
			.anyMatch(
					(w) -> w.startsWith("2 rows of regions skipped by the mapping") && w.contains("Utrecht (gemeente)"))
			.anyMatch((w) -> w.startsWith("1 rows of regions at levels the mapping does not take skipped (provincie"));
		assertThat(current(this.jdbc, "werkloosheidspercentage", "PV26", "2023JJ00")).isEqualByComparingTo(utrecht);
		assertThat(current(this.jdbc, "werkloosheidspercentage", "AM13", "2023JJ00")).isEqualByComparingTo("7.7");
		assertThat(this.jdbc.fetchCount(OBSERVATION,
				OBSERVATION.REGION_CODE.eq("GM0344")
					.and(OBSERVATION.SOURCE_TABLE.eq("86088NED"))
					.and(OBSERVATION.VALUE.eq(new java.math.BigDecimal("88.8")))))
			.isZero();
	}

	/**
	 * A v3 record that leaves out a property the mapping maps gives no cell for it: the
	 * run counts and names them (missing-measures) instead of a silent gap.
	 */
	@Test
	void aRecordWithoutAMappedPropertyIsCountedAndNamed() throws Exception {
		Path folder = SharedData.copyFolderOf("cbs/odata3_80137ned/TypedDataSet.json", this.temp);
		Path data = folder.resolve("TypedDataSet.json");
		String text = Files.readString(data, StandardCharsets.UTF_8);
		assertThat(text).contains("\"Totaal_1\":8811.0,");
		Files.writeString(data, text.replaceFirst("\"Totaal_1\":8811.0,", ""), StandardCharsets.UTF_8);
		ImportReport report = this.importer.importFile(folder);
		assertThat(report.warnings()).anyMatch((w) -> w.equals(
				"1 cells not given: records without a property the mapping maps (Totaal_1); they were not imported"));
	}

	private String status(String period) {
		return CurrentValues.cell(this.jdbc, "ziekteverzuim", "NL01", period, "")
			.get(nl.llomonitor.db.Tables.OBSERVATION_CURRENT.STATUS)
			.code();
	}

	/**
	 * Kind 08: saved pages are found by their exact skip number. The page of
	 * {@code $skip=100} used to match {@code Observations_skip1000.json} as well, so the
	 * wrong page could be read and the import look complete with rows missing.
	 */
	@Test
	void savedPagesAreFoundByTheirExactSkipNumber() throws Exception {
		Path original = SharedData.file("cbs/odata4_80072ned/Observations.json").getParent();
		Path folder = Files.createDirectories(this.temp.resolve("paged").resolve("odata4_80072ned"));
		try (var files = Files.list(original)) {
			for (Path f : files.toList()) {
				if (!f.getFileName().toString().startsWith("Observations")) {
					Files.copy(f, folder.resolve(f.getFileName()));
				}
			}
		}
		var json = tools.jackson.databind.json.JsonMapper.builder().build();
		var root = json.readTree(original.resolve("Observations.json").toFile());
		var values = root.path("value");
		int size = 100;
		for (int from = 0; from < values.size(); from += size) {
			var page = json.createObjectNode();
			page.put("@odata.context", root.path("@odata.context").asString());
			var slice = page.putArray("value");
			for (int i = from; i < Math.min(from + size, values.size()); i++) {
				slice.add(values.get(i));
			}
			if (from + size < values.size()) {
				page.put("@odata.nextLink",
						"https://beta-odata4.cbs.nl/CBS/80072ned/Observations?$skip=" + (from + size));
			}
			json.writeValue(
					folder.resolve((from == 0) ? "Observations.json" : "Observations_skip" + from + ".json").toFile(),
					page);
		}
		ImportReport report = this.importer.importFile(folder);
		assertThat(report.rowsRead()).isEqualTo(4409);
		assertThat(report.complete()).isTrue();
		assertThat(current(this.jdbc, "ziekteverzuim", "NL01", "1996KW01")).isEqualByComparingTo("5.5");
	}

	/**
	 * Kind 08: the second page of 83599NED ({@code $skip=10000}) saved alone under the
	 * data set's name is probably cut off (its records start at ID 10000): refused unless
	 * an incomplete import is allowed, then imported marked incomplete with that reason.
	 * It imported as complete without a word.
	 */
	@Test
	void aLaterPageSavedAloneIsRefusedUnlessAllowedAndThenMarkedIncomplete() throws Exception {
		Path page = Files.copy(SharedData.file("cbs/odata3_83599NED/UntypedDataSet_page2_skip10000.json"),
				Files.createDirectories(this.temp.resolve("alone")).resolve("83599NED_UntypedDataSet.json"));
		String why = "the records start at ID 10000 (83599NED_UntypedDataSet.json): a later page ($skip) without"
				+ " the pages before it";
		long rows = this.jdbc.fetchCount(OBSERVATION);
		assertThatThrownBy(() -> this.importer.importFile(page)).isInstanceOf(ImportException.class)
			.hasMessageContaining("83599NED_UntypedDataSet.json")
			.hasMessageContaining("probably incomplete")
			.hasMessageContaining(why)
			.hasMessageContaining("--allow-incomplete");
		assertThat(this.jdbc.fetchCount(OBSERVATION)).isEqualTo(rows);

		ImportReport report = this.importer.importFile(page, true);
		assertThat(report.tableId()).isEqualTo("83599NED");
		assertThat(report.rowsRead()).isEqualTo(5_504);
		assertThat(report.complete()).isFalse();
		assertThat(report.incompleteReason()).isEqualTo(why);
		var run = this.jdbc.select(IMPORT_RUN.COMPLETE, IMPORT_RUN.INCOMPLETE_REASON)
			.from(IMPORT_RUN)
			.where(IMPORT_RUN.ID.eq(report.id()))
			.fetchSingle();
		assertThat(run.value1()).isFalse();
		assertThat(run.value2()).isEqualTo(why);
		assertThat(CurrentValues.value(this.jdbc, "vacatures", "PV26", "2019KW04", "sector=M-N"))
			.isEqualByComparingTo("4.5");
	}

	/**
	 * A v4 observation of 4.5 beside the nihil sign and attribute
	 * ({@code StringValue "-"}, {@code ValueAttribute "Nil"}) contradicts itself: refused
	 * naming the record and what each property says, with nothing written. It was stored
	 * as 4.5 with footnote Nil. Nil beside 0 is stored as a real 0.
	 */
	@Test
	void nihilBesideANumberOtherThanZeroIsRefusedAndBesideZeroIsAZero() throws Exception {
		String table = "80074ned";
		String indicator = "cbs_80074ned__m001924";
		String text = Files.readString(SharedData.caseFile("07-odata4-withdrawn.before.json"), StandardCharsets.UTF_8);
		String record = "{\"Id\": 6, \"Value\": 4.5, \"Measure\": \"M001924\", \"BedrijfskenmerkenSBI2008\":"
				+ " \"T001081\", \"ValueAttribute\": \"None\",";
		assertThat(text).contains(record);
		Path data = Files.createDirectories(this.temp.resolve("nil")).resolve("Observations.json");
		Files.writeString(data,
				text.replace(record, record.replace("\"Value\": 4.5,", "\"Value\": 4.5, \"StringValue\": \"-\",")
					.replace("\"None\"", "\"Nil\"")),
				StandardCharsets.UTF_8);
		long rows = this.jdbc.fetchCount(OBSERVATION);
		assertThatThrownBy(() -> this.importer.importFile(data, null, table)).isInstanceOf(ImportException.class)
			.hasMessageContaining("Observations.json, record 3, column StringValue: contradictory values: Value '4.5'"
					+ " (a figure) beside StringValue '-' (nihil, a zero) beside ValueAttribute Nil (nihil, a zero)");
		assertThat(this.jdbc.fetchCount(OBSERVATION)).isEqualTo(rows);
		assertThat(this.jdbc.select(IMPORT_RUN.STATUS)
			.from(IMPORT_RUN)
			.where(IMPORT_RUN.TABLE_ID.eq(table))
			.fetch(IMPORT_RUN.STATUS)).containsOnly(nl.llomonitor.cube.ImportRunState.FAILED);

		Files.writeString(data,
				text.replace(record, record.replace("\"Value\": 4.5,", "\"Value\": 0, \"StringValue\": \"-\",")
					.replace("\"None\"", "\"Nil\"")),
				StandardCharsets.UTF_8);
		ImportReport zero = this.importer.importFile(data, null, table);
		assertThat(zero.status()).isEqualTo("succeeded");
		assertThat(zero.signs()).containsEntry("Nil", 1L);
		assertThat(current(this.jdbc, indicator, "NL01", "1997KW02")).isEqualByComparingTo("0");
		assertThat(current(this.jdbc, indicator, "NL01", "1997KW03")).isEqualByComparingTo("4.1");
	}

	@Test
	void observationsOfODataV4() {
		ImportReport report = this.importer
			.importFile(SharedData.file("cbs/odata4_80072ned/Observations.json").getParent());
		assertThat(report.format()).isEqualTo("cbs-odata4");
		assertThat(report.tableId()).isEqualTo("80072ned");
		assertThat(report.rowsRead()).isEqualTo(4409);
		assertThat(current(this.jdbc, "ziekteverzuim", "NL01", "1996KW01")).isEqualByComparingTo("5.5");
	}

}
