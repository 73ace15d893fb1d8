package nl.llomonitor.api;

import java.util.List;

import nl.llomonitor.cube.IncompleteReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why a run was incomplete, read back from what the import stored, in each language; a
 * derived figure keeps the reason of each incomplete table behind it.
 */
class IncompletenessTests {

	@Test
	void theStoredKeysAreReadBackInEachLanguage() {
		Incompleteness i = Incompleteness.of("83599NED", "a page of exactly 10,000 records ...",
				"[{\"key\":\"page-at-limit\",\"args\":[10000,\"page1.json\"]}]");
		assertThat(i.text(Lang.NL))
			.isEqualTo("een pagina van precies 10.000 records zonder odata.nextLink (page1.json): afgebroken bij de"
					+ " limiet van de API");
		assertThat(i.text(Lang.EN)).isEqualTo(
				"a page of exactly 10,000 records without odata.nextLink (page1.json): cut off at the API's limit");
	}

	@Test
	void aRunStoredBeforeTheKeysKeepsItsEnglishText() {
		Incompleteness i = Incompleteness.of("83599NED", "exactly 10,000 data rows", null);
		assertThat(i.text(Lang.NL)).isEqualTo("exactly 10,000 data rows");
		assertThat(Incompleteness.of("83599NED", null, null)).as("a complete run").isNull();
	}

	@Test
	void aDerivedFigureKeepsEachIncompleteTable() {
		Incompleteness a = new Incompleteness("60039fvw", "a", List.of(IncompleteReason.rowsAtCbsLimit(10_000)), null);
		Incompleteness b = new Incompleteness("03759ned", "b", List.of(IncompleteReason.rowsAtCbsLimit(10_000)), null);
		assertThat(a.and(null)).isEqualTo(a);
		assertThat(a.and(a)).isEqualTo(a);
		assertThat(a.and(b).all()).containsExactly(a, b);
		assertThat(a.and(b).and(b).all()).containsExactly(a, b);
		assertThat(a.and(b.and(a)).all()).containsExactly(a, b);
	}

}
