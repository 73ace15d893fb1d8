package nl.llomonitor.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import nl.llomonitor.SharedData;
import nl.llomonitor.system.DatabaseConfiguration;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static nl.llomonitor.db.Tables.IMPORT_RUN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every failed import has its {@code import_run} row, also one refused before its run
 * began (issue 14): an unknown format, a validity date with a file that is not a region
 * edition, a publication date in the future, an invalid table id.
 */
@SpringBootTest
@Import(TestDatabaseConfiguration.class)
class RefusedImportIntegrationTests {

	@Autowired
	private ImportService importer;

	@Autowired
	@Qualifier(DatabaseConfiguration.JDBC_DSL)
	private DSLContext jdbc;

	@Test
	void aFileOfNoKnownFormatIsRecordedAsFailed(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("notities-" + System.nanoTime() + ".txt");
		Files.writeString(file, "dit is geen tabel\n", StandardCharsets.UTF_8);
		Record run = refused(() -> this.importer.importFile(file), file.getFileName().toString());
		assertThat(run.get(IMPORT_RUN.FORMAT)).isEqualTo("unknown");
	}

	@Test
	void aValidityDateWithATableThatIsNotARegionEditionIsRecordedAsFailed(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("80474ned.csv");
		Files.copy(SharedData.file("cbs/80474ned.csv"), file);
		Record run = refused(() -> this.importer.importFile(file, null, null, null, LocalDate.of(2025, 1, 1), null),
				"80474ned.csv");
		assertThat(run.get(IMPORT_RUN.FORMAT)).isEqualTo("cbs-csv");
		assertThat(run.get(IMPORT_RUN.ERROR)).contains("not a region edition");
	}

	@Test
	void aPublicationDateInTheFutureIsRecordedAsFailed(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("80474ned.csv");
		Files.copy(SharedData.file("cbs/80474ned.csv"), file);
		OffsetDateTime future = OffsetDateTime.now().plusDays(30);
		Record run = refused(() -> this.importer.importFile(file, null, null, future), "80474ned.csv");
		assertThat(run.get(IMPORT_RUN.TABLE_ID)).isEqualTo("80474ned");
	}

	@Test
	void anInvalidTableIdOfALiveFetchIsRecordedAsFailed() {
		String id = "x" + System.nanoTime();
		Record run = refused(() -> this.importer.fetchTable(id, false), id);
		assertThat(run.get(IMPORT_RUN.ERROR)).contains("invalid table id");
	}

	/**
	 * @return the newest run of that file name, after checking the import was refused and
	 * the run is failed with the refusal's message
	 */
	private Record refused(Executable importing, String fileName) {
		long before = this.jdbc.fetchCount(IMPORT_RUN, IMPORT_RUN.FILE_NAME.eq(fileName));
		Throwable thrown = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class, importing);
		assertThat(this.jdbc.fetchCount(IMPORT_RUN, IMPORT_RUN.FILE_NAME.eq(fileName))).isEqualTo(before + 1);
		Record run = this.jdbc.selectFrom(IMPORT_RUN)
			.where(IMPORT_RUN.FILE_NAME.eq(fileName))
			.orderBy(IMPORT_RUN.ID.desc())
			.limit(1)
			.fetchOne();
		assertThat(run.get(IMPORT_RUN.STATUS)).isEqualTo(nl.llomonitor.cube.ImportRunState.FAILED);
		assertThat(run.get(IMPORT_RUN.FINISHED_AT)).isNotNull();
		assertThat(run.get(IMPORT_RUN.ERROR)).isEqualTo(thrown.getMessage());
		return run;
	}

}
