package nl.llomonitor.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import nl.llomonitor.SharedData;
import nl.llomonitor.system.DatabaseConfiguration;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static nl.llomonitor.db.Tables.IMPORT_RUN;
import static nl.llomonitor.db.Tables.OBSERVATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A source that is probably cut off (case 08 of 2026-11-30 and its kind, in every format
 * that shows it) is refused unless an incomplete import is allowed, and is then marked
 * incomplete with its reason in {@code import_run}.
 */
@SpringBootTest
@Import(TestDatabaseConfiguration.class)
class CompletenessIntegrationTests {

	@Autowired
	private ImportService importer;

	@Autowired
	@Qualifier(DatabaseConfiguration.JDBC_DSL)
	private DSLContext jdbc;

	@TempDir
	static Path temp;

	/**
	 * @return (name, file or folder, text the reason must contain)
	 */
	static Stream<Arguments> cutOff() throws IOException {
		// OData v3: a page of exactly 10,000 records without its odata.nextLink (case 08)
		Path capped = SharedData.caseFile("08-odataapi-capped-10000.json");
		// CBS CSV: exactly 10,000 data rows (the shared download of 83599NED is cut off)
		Path csv = SharedData.file("cbs/83599NED.csv");
		// OData v4: fewer records than @odata.count
		String v4 = Files.readString(SharedData.caseFile("06-odata4-stringvalue.json"), StandardCharsets.UTF_8)
			.replace("\"@odata.context\"", "\"@odata.count\": 4409, \"@odata.context\"");
		Path counted = Files.writeString(Files.createDirectories(temp.resolve("counted")).resolve("Observations.json"),
				v4, StandardCharsets.UTF_8);
		// OData v4: fewer observations than Properties.ObservationCount
		Path folder = Files.createDirectories(temp.resolve("odata4_80072ned"));
		Path original = SharedData.file("cbs/odata4_80072ned/Observations.json").getParent();
		for (String name : new String[] { "Properties.json", "Dimensions.json", "PeriodenCodes.json",
				"BedrijfskenmerkenSBI2008Codes.json", "MeasureCodes.json" }) {
			Files.copy(original.resolve(name), folder.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		Files.writeString(folder.resolve("Observations.json"), v4.replace("\"@odata.count\": 4409, ", ""),
				StandardCharsets.UTF_8);
		// CBS v4 CSV: exactly 10,000 data rows
		StringBuilder rows = new StringBuilder(
				"Id,ValueAttribute,Value,StringValue,Measure,Type waarde,Beroepsklasse,Perioden,RegioCode,RegioS\n");
		for (int i = 0; i < 10_000; i++) {
			rows.append(i).append(",None,9548.0,,Werkzame beroepsbevolking,Absolute,Totaal,2022,NL01,Nederland\n");
		}
		Path v4csv = Files.writeString(temp.resolve("84916NED_cut.csv"), rows, StandardCharsets.UTF_8);
		// Eurostat TSV: exactly 10,000 series lines
		StringBuilder series = new StringBuilder("freq,unit,sex,age,geo\\TIME_PERIOD\t2019 \n");
		for (int i = 0; i < 10_000; i++) {
			series.append("A,PC,T,Y25-64,NL\t19.5 \n");
		}
		Path tsv = Files.writeString(temp.resolve("trng_lfse_04_cut.tsv"), series, StandardCharsets.UTF_8);
		// OData v3 folder: fewer records than TableInfos.RecordCount
		Path v3 = v3Folder("odata3_80137ned_cut", 175);
		return Stream.of(Arguments.of("odata3 page without nextLink", capped, "without odata.nextLink"),
				Arguments.of("odata3 folder below RecordCount", v3, "(TableInfos.RecordCount)"),
				Arguments.of("cbs csv of 10,000 rows", csv, "exactly 10,000 data rows"),
				Arguments.of("odata4 below @odata.count", counted, "(@odata.count)"),
				Arguments.of("odata4 below ObservationCount", folder, "(Properties.ObservationCount)"),
				Arguments.of("cbs v4 csv of 10,000 rows", v4csv, "exactly 10,000 data rows"),
				Arguments.of("eurostat tsv of 10,000 rows", tsv, "exactly 10,000 data rows"));
	}

	/**
	 * The shared OData v3 folder of 80137ned with {@code RecordCount} in its TableInfos:
	 * the records of its TypedDataSet plus {@code missing}.
	 */
	private static Path v3Folder(String name, int missing) throws IOException {
		Path folder = Files.createDirectories(temp.resolve(name));
		Path original = SharedData.file("cbs/odata3_80137ned/TypedDataSet.json").getParent();
		try (var files = Files.list(original)) {
			for (Path file : files.toList()) {
				Files.copy(file, folder.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
		int records = com.jayway.jsonpath.JsonPath
			.<List<Object>>read(Files.readString(original.resolve("TypedDataSet.json"), StandardCharsets.UTF_8),
					"$.value")
			.size();
		String infos = Files.readString(original.resolve("TableInfos.json"), StandardCharsets.UTF_8);
		Files.writeString(folder.resolve("TableInfos.json"), infos.replaceFirst("\"value\"\\s*:\\s*\\[\\s*\\{",
				"\"value\": [{\"RecordCount\": " + (records + missing) + ", "), StandardCharsets.UTF_8);
		return folder;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cutOff")
	void aCutOffSourceIsRefusedAndWrittenNothing(String name, Path source, String why) {
		long before = this.jdbc.fetchCount(OBSERVATION);
		assertThatThrownBy(() -> this.importer.importFile(source)).isInstanceOf(ImportException.class)
			.hasMessageContaining(source.getFileName().toString())
			.hasMessageContaining("probably incomplete")
			.hasMessageContaining(why)
			.hasMessageContaining("--allow-incomplete");
		assertThat(this.jdbc.fetchCount(OBSERVATION)).isEqualTo(before);
		Record run = this.jdbc.select(IMPORT_RUN.STATUS, IMPORT_RUN.ERROR)
			.from(IMPORT_RUN)
			.orderBy(IMPORT_RUN.ID.desc())
			.limit(1)
			.fetchSingle();
		assertThat(run.get(IMPORT_RUN.STATUS)).isEqualTo(nl.llomonitor.cube.ImportRunState.FAILED);
		assertThat(run.get(IMPORT_RUN.ERROR)).contains(why);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cutOff")
	void aCutOffSourceThatIsAllowedIsMarkedIncomplete(String name, Path source, String why) {
		if (source.getFileName().toString().contains("_cut.")) {
			// its rows repeat one cell: refused as such once it is read whole
			assertThatThrownBy(() -> this.importer.importFile(source, true))
				.hasMessageContaining("the same cell is given twice");
			return;
		}
		ImportReport report = this.importer.importFile(source, true);
		assertThat(report.complete()).isFalse();
		assertThat(report.incompleteReason()).contains(why);
		assertThat(report.warnings().get(0)).startsWith("INCOMPLETE: ");
		Record run = this.jdbc.select(IMPORT_RUN.COMPLETE, IMPORT_RUN.INCOMPLETE_REASON, IMPORT_RUN.STATUS)
			.from(IMPORT_RUN)
			.where(IMPORT_RUN.ID.eq(report.id()))
			.fetchSingle();
		assertThat(run.get(IMPORT_RUN.COMPLETE)).isFalse();
		assertThat(run.get(IMPORT_RUN.INCOMPLETE_REASON)).contains(why);
		assertThat(run.get(IMPORT_RUN.STATUS)).isIn(nl.llomonitor.cube.ImportRunState.SUCCEEDED,
				nl.llomonitor.cube.ImportRunState.UNCHANGED);
	}

	@Test
	void aFullPageWithItsNextLinkIsComplete() {
		ImportReport report = this.importer
			.importFile(SharedData.file("cbs/odata3_83599NED/UntypedDataSet_page1.json").getParent());
		assertThat(report.rowsRead()).isEqualTo(15_504);
		assertThat(report.complete()).isTrue();
		assertThat(report.incompleteReason()).isNull();
		ImportReport v4 = this.importer
			.importFile(SharedData.file("cbs/odata4_80072ned/Observations.json").getParent());
		assertThat(v4.rowsRead()).as("as many as Properties.ObservationCount").isEqualTo(4409);
		assertThat(v4.complete()).isTrue();
	}

	/** An OData v3 folder with as many records as its TableInfos.RecordCount. */
	@Test
	void aV3FolderWithAllItsRecordsIsComplete() throws IOException {
		ImportReport report = this.importer.importFile(v3Folder("odata3_80137ned_whole", 0));
		assertThat(report.complete()).isTrue();
		assertThat(report.incompleteReason()).isNull();
		assertThat(report.rowsRead()).isPositive();
	}

	/**
	 * Runs stored before the reasons were kept as keys hold the English text only:
	 * migration V12 reads the keys back from it (incomplete_reasons_of), for every kind
	 * the importers report, so that those runs too are given in each reader's language.
	 */
	@Test
	void theReasonsOfEarlierRunsAreReadBackFromTheirEnglishText() {
		// the kinds there were before runs kept their reasons as keys
		List<nl.llomonitor.cube.IncompleteReason> kinds = nl.llomonitor.cube.IncompleteReasonExamples.everyKind()
			.subList(0, 6);
		for (var kind : kinds) {
			String english = nl.llomonitor.api.Messages.incomplete(nl.llomonitor.api.Lang.EN, List.of(kind));
			String json = this.jdbc.fetchSingle("select incomplete_reasons_of(?)::text", english).get(0, String.class);
			nl.llomonitor.api.Incompleteness read = nl.llomonitor.api.Incompleteness.of("t", english, json);
			assertThat(read.reasons()).as(english).hasSize(1);
			assertThat(read.text(nl.llomonitor.api.Lang.NL)).as(english)
				.isEqualTo(nl.llomonitor.api.Messages.incomplete(nl.llomonitor.api.Lang.NL, List.of(kind)));
		}
		// several joined, as a run stores them
		String two = nl.llomonitor.api.Messages.incomplete(nl.llomonitor.api.Lang.EN, kinds.subList(4, 6));
		assertThat(nl.llomonitor.api.Incompleteness
			.of("t", two, this.jdbc.fetchSingle("select incomplete_reasons_of(?)::text", two).get(0, String.class))
			.text(nl.llomonitor.api.Lang.NL)).startsWith("4.408 records gelezen").contains("; 1.234.567 waarnemingen");
		// a text of no known kind is left as it is
		assertThat(this.jdbc
			.fetchSingle("select incomplete_reasons_of(?)::text",
					"cut off somewhere; exactly 10,000 data"
							+ " rows: the file was probably cut off at CBS's download limit")
			.get(0, String.class)).isNull();
	}

	@Test
	void theCommandLineSaysSoLoudly() throws IOException {
		ImportCommand command = new ImportCommand(this.importer, null);
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
		String capped = SharedData.caseFile("08-odataapi-capped-10000.json").toString();
		int refused = command.execute(java.util.List.of(capped), null, null, null, false, false,
				new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
				new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(refused).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("FAILED").contains("probably incomplete");
		int allowed = command.execute(java.util.List.of(capped), null, null, null, false, true,
				new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
				new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(allowed).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("INCOMPLETE: a page of exactly 10,000 records");
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("!!! INCOMPLETE");
	}

}
