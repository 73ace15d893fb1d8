package nl.llomonitor.importer.cbs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saved pages of an OData folder are found by the exact skip number of a next link:
 * {@code $skip=100} is never the page saved as {@code skip1000}.
 */
class ODataResourcesTests {

	@Test
	void aNextLinkOpensThePageOfItsExactSkipNumber(@TempDir Path dir) throws IOException {
		for (String name : new String[] { "Observations_skip1000.json", "Observations_skip100.json",
				"Observations_skip10000.json", "UntypedDataSet_page2_skip100.json" }) {
			Files.writeString(dir.resolve(name), name, StandardCharsets.UTF_8);
		}
		ODataResources.Folder folder = new ODataResources.Folder(dir);
		assertThat(read(folder, "https://beta-odata4.cbs.nl/CBS/80072ned/Observations?$skip=100"))
			.isEqualTo("Observations_skip100.json");
		assertThat(read(folder, "https://beta-odata4.cbs.nl/CBS/80072ned/Observations?$skip=1000"))
			.isEqualTo("Observations_skip1000.json");
		assertThat(read(folder, "https://beta-odata4.cbs.nl/CBS/80072ned/Observations?$skip=10000"))
			.isEqualTo("Observations_skip10000.json");
		// the page of the link's entity set, of two with the same number
		assertThat(read(folder, "https://opendata.cbs.nl/ODataFeed/OData/83599NED/UntypedDataSet?$skip=100"))
			.isEqualTo("UntypedDataSet_page2_skip100.json");
		// a number no page has: none, never a page whose number starts with it
		assertThat(folder.openNext("https://beta-odata4.cbs.nl/CBS/80072ned/Observations?$skip=10")).isNull();
	}

	private static String read(ODataResources folder, String link) throws IOException {
		try (InputStream in = folder.openNext(link)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
