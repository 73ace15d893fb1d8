package nl.llomonitor.importer.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import nl.llomonitor.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mapping features used by 60039fvw (data/mappings/60039fvw.yaml): columns summed into
 * one cell ({@code sum: true}), a status dimension ({@code StatusCijfer}) and text
 * columns, on real lines of the shared file.
 */
class SumAndStatusColumnsTests {

	@Test
	void ageColumnsAreSummedAndAnEmptyTermLeavesNoValue(@TempDir Path dir) throws IOException {
		List<String> lines = Files.readAllLines(SharedData.file("cbs/60039fvw.csv"), StandardCharsets.UTF_8);
		List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(";", -1));
		int age75 = header.indexOf("k_75Tot85Jaar_5");
		List<String> picked = new ArrayList<>(List.of(lines.get(0)));
		for (String line : lines) {
			String[] f = line.split(";", -1);
			if (f[2].equals("Nederland") && f[3].equals("2017")) {
				picked.add(line);
			}
			if (f[2].equals("Utrecht (PV)") && f[3].equals("2017")) {
				// the same row with one term of the sum left empty
				f[age75] = "";
				picked.add(String.join(";", f));
			}
		}
		assertThat(picked).hasSize(3);
		Path file = dir.resolve("60039fvw.csv");
		Files.write(file, picked, StandardCharsets.UTF_8);
		List<ReaderFixture.Cell> cells = ReaderFixture.read(new CbsCsvReader(), file, "60039fvw", null);
		// Nederland 2017: 1,823,500 + 974,004 + 362,156
		assertThat(cells).filteredOn((c) -> c.region().equals("NL01"))
			.extracting(ReaderFixture.Cell::indicator, ReaderFixture.Cell::value, ReaderFixture.Cell::status)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("bevolking_20_64", "10104674.0", "voorlopig"),
					org.assertj.core.groups.Tuple.tuple("bevolking_65_plus", "3159660.0", "voorlopig"));
		// Utrecht: 65+ has an empty term, so it is stored without a value ("not
		// available", never a partial sum); 20-64 stays
		assertThat(cells).filteredOn((c) -> c.region().equals("PV26"))
			.extracting(ReaderFixture.Cell::indicator, ReaderFixture.Cell::value)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("bevolking_20_64", "770776.0"),
					org.assertj.core.groups.Tuple.tuple("bevolking_65_plus", null));
	}

	/**
	 * A sum is as final as its least final term, whatever their order (it used to take
	 * the last term's status).
	 */
	@Test
	void aSumHasTheWeakestStatusOfItsTerms() {
		SumAccumulator sums = new SumAccumulator();
		SumAccumulator.Target target = new SumAccumulator.Target("bevolking_65_plus", "PV26", "2017JJ00", "", 'v');
		sums.add(target, "1.0", 1, "voorlopig", "");
		sums.add(target, "2.0", 2, "definitief", "");
		assertThat(sums.sums().get(target).status()).isEqualTo("voorlopig");
		sums.add(target, "3.0", 3, "niet_vermeld", "");
		sums.add(target, "4.0", 4, "nader_voorlopig", "");
		assertThat(sums.sums().get(target).status()).isEqualTo("niet_vermeld");
		assertThat(sums.sums().get(target).value(4)).isEqualTo("10.0");
	}

}
