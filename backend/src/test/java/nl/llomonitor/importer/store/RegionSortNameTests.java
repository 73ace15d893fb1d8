package nl.llomonitor.importer.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import nl.llomonitor.SharedData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RegionWriter#sortName}, which tells whether the gemeenten an edition would end
 * all come after the last one it lists: on the real "Gebieden in Nederland" edition, the
 * names in the file's own order (CBS's {@code SorteringNaam}) are in the order of their
 * sort names.
 */
class RegionSortNameTests {

	@Test
	void theNamesOfTheRealEditionAreInTheOrderOfTheirSortNames() throws IOException {
		List<String> lines = Files.readAllLines(SharedData.file("cbs/85755NED.csv"), StandardCharsets.UTF_8);
		List<String> keys = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			keys.add(RegionWriter.sortName(line.split(";", -1)[3].strip()));
		}
		assertThat(keys).hasSize(342).isSorted();
		// not vacuous: the names are not in plain order ("De Bilt" comes after
		// "Bernheze")
		List<String> names = lines.subList(1, lines.size()).stream().map((l) -> l.split(";", -1)[3].strip()).toList();
		assertThat(names).isNotEqualTo(names.stream().sorted().toList());
	}

	@Test
	void anArticleGoesBehindTheNameAndAccentsAndCaseAreIgnored() {
		assertThat(RegionWriter.sortName("De Bilt")).isEqualTo("bilt de");
		assertThat(RegionWriter.sortName("Den Helder")).isEqualTo("helder den");
		assertThat(RegionWriter.sortName("'s-Gravenhage")).isEqualTo("gravenhage 's-");
		assertThat(RegionWriter.sortName("Súdwest-Fryslân")).isEqualTo("sudwest-fryslan");
		assertThat(RegionWriter.sortName("Dedemsvaart")).isEqualTo("dedemsvaart");
	}

}
