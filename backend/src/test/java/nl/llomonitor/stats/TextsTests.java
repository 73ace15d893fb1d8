package nl.llomonitor.stats;

import java.util.List;

import nl.llomonitor.api.Lang;
import nl.llomonitor.region.RegionCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Region names and counts inside the generated sentences (rules in the message bundles).
 */
class TextsTests {

	private static final RegionCatalog.Region NL = new RegionCatalog.Region("NL01", "land", 1, "Nederland",
			"Netherlands", true, List.of(), null, null);

	private static final RegionCatalog.Region DEN_BOSCH = new RegionCatalog.Region("GM0796", "gemeente", 6,
			"'s-Hertogenbosch", "'s-Hertogenbosch", true, List.of("NL01", "PV30"), null, null);

	@Test
	void theCountryTakesItsArticleInEnglishSentencesOnly() {
		assertThat(Texts.region(NL, Lang.EN)).isEqualTo("the Netherlands");
		assertThat(Texts.region(NL, Lang.NL)).isEqualTo("Nederland");
	}

	@Test
	void otherNamesStandAsTheyAreApostropheIncluded() {
		assertThat(Texts.region(DEN_BOSCH, Lang.EN)).isEqualTo("'s-Hertogenbosch");
		assertThat(Texts.region(DEN_BOSCH, Lang.NL)).isEqualTo("'s-Hertogenbosch");
	}

	@Test
	void countsAreThousandsAndPersons() {
		assertThat(Texts.count("x1000")).isTrue();
		assertThat(Texts.count("persons")).isTrue();
		assertThat(Texts.count("percent")).isFalse();
	}

}
