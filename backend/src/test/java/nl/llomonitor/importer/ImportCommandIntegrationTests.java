package nl.llomonitor.importer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import nl.llomonitor.SharedData;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code import} command: progress bar, summary, exit code.
 */
@SpringBootTest
@Import(TestDatabaseConfiguration.class)
class ImportCommandIntegrationTests {

	@Autowired
	private ImportCommand command;

	@Test
	void importsAFileWithAProgressBarAndASummary() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = this.command.execute(List.of(SharedData.file("cbs/80474ned.csv").toString()), null, null, null,
				false, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(code).isZero();
		assertThat(err.toString(StandardCharsets.UTF_8))
			.contains("[#########################] 100% 135,631 / 135,631 bytes");
		assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern(
				"(SUCCEEDED|UNCHANGED) 80474ned.csv \\(cbs-csv, table 80474ned\\): 2,576 rows read, .* rows/s\\), import run [0-9]+");
	}

	@Test
	void aPublicationDateThatIsNotADateFailsNamingTheOption() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = this.command.execute(List.of(SharedData.file("cbs/80474ned.csv").toString()), null, null,
				"14-08-2020", false, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(code).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("FAILED")
			.contains("column published")
			.contains("'14-08-2020'")
			.contains("a date such as 2020-08-14");
	}

	@Test
	void aMissingFileFailsWithExitCode1() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = this.command.execute(List.of("no-such-file.csv"), null, null, null, false, System.out,
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(code).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("FAILED no-such-file.csv").contains("not found");
	}

}
