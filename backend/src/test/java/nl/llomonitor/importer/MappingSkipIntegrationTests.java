package nl.llomonitor.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import nl.llomonitor.SharedData;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows whose dimension member a mapping skips ({@code skip: true}) are never left out
 * without a word: every format counts them in a warning that names the members, and a
 * file without such rows gets no such warning.
 */
@SpringBootTest
@Import(TestDatabaseConfiguration.class)
class MappingSkipIntegrationTests {

	@Autowired
	private ImportService importer;

	@TempDir
	Path temp;

	private static String skipWarning(ImportReport report) {
		return report.warnings()
			.stream()
			.filter((w) -> w.contains("skipped by the mapping (skip: true)"))
			.findFirst()
			.orElse(null);
	}

	@Test
	void odata4SubSectorsTheMappingSkipsAreCounted() {
		// 80072ned: 16 sub-sectors and size classes are mapped with skip: true; 1,841 of
		// the 4,409 observations of the shared download have one of them
		ImportReport report = this.importer.importFile(SharedData.root().resolve("cbs/odata4_80072ned"));
		assertThat(skipWarning(report))
			.startsWith("1841 rows skipped by the mapping (skip: true) for 16 dimension members: ")
			.contains("BedrijfskenmerkenSBI2008 307610");
	}

	@Test
	void odata3RowsTheMappingSkipsAreCounted() {
		// 80137ned: 645 of the 675 records have a sector or person group the mapping
		// skips
		ImportReport report = this.importer.importFile(SharedData.root().resolve("cbs/odata3_80137ned"));
		assertThat(skipWarning(report)).startsWith("645 rows skipped by the mapping (skip: true) for ");
	}

	@Test
	void cbsCsvRowsTheMappingSkipsAreCountedByMember() throws IOException {
		// the first 30 rows of 83599NED, 7 of them relabelled as the sector R-U, which
		// the mapping skips (its parts R and S are imported)
		List<String> lines = Files.readAllLines(SharedData.file("cbs/83599NED.csv"), StandardCharsets.UTF_8)
			.subList(0, 31);
		List<String> changed = new ArrayList<>(lines);
		for (int i = 11; i < 18; i++) {
			changed.set(i, changed.get(i)
				.replace("A-U Alle economische activiteiten", "R-U Cultuur, recreatie, overige diensten"));
		}
		assertThat(changed).isNotEqualTo(lines);
		Path file = Files.write(Files.createDirectories(this.temp.resolve("csv")).resolve("83599NED.csv"), changed,
				StandardCharsets.UTF_8);
		ImportReport report = this.importer.importFile(file);
		assertThat(skipWarning(report)).isEqualTo("7 rows skipped by the mapping (skip: true) for 1 dimension member:"
				+ " BedrijfstakkenBranchesSBI2008 R-U Cultuur, recreatie, overige diensten");
		assertThat(report.rowsRead()).isEqualTo(30);
		// the same rows as published: nothing skipped, no warning
		Path original = Files.write(Files.createDirectories(this.temp.resolve("csv2")).resolve("83599NED.csv"), lines,
				StandardCharsets.UTF_8);
		assertThat(skipWarning(this.importer.importFile(original))).isNull();
	}

	@Test
	void cbsV4CsvRowsTheMappingSkipsAreCounted() throws IOException {
		// 84916NED maps "Type waarde" Percentage with skip: true (the absolute figures
		// are
		// imported); the shared download holds none, so 5 of its first 40 rows are turned
		// into percentages
		List<String> lines = Files
			.readAllLines(SharedData.file("cbs/84916NED_v4_allTables.csv"), StandardCharsets.UTF_8)
			.subList(0, 41);
		List<String> changed = new ArrayList<>(lines);
		int turned = 0;
		for (int i = 1; i < changed.size() && turned < 5; i++) {
			if (changed.get(i).contains(",Absolute,")) {
				changed.set(i, changed.get(i).replace(",Absolute,", ",Percentage,"));
				turned++;
			}
		}
		assertThat(turned).isEqualTo(5);
		Path file = Files.write(Files.createDirectories(this.temp.resolve("v4csv")).resolve("84916NED.csv"), changed,
				StandardCharsets.UTF_8);
		ImportReport report = this.importer.importFile(file);
		assertThat(skipWarning(report))
			.isEqualTo("5 rows skipped by the mapping (skip: true) for 1 dimension member: Type waarde Percentage");
	}

}
