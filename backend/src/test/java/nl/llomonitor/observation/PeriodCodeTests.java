package nl.llomonitor.observation;

import nl.llomonitor.api.ApiException;
import nl.llomonitor.api.Lang;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodCodeTests {

	@Test
	void labelsInBothLanguages() {
		assertThat(PeriodCode.parse("2023KW02", "p").label(Lang.NL)).isEqualTo("2023 2e kwartaal");
		assertThat(PeriodCode.parse("2023KW02", "p").label(Lang.EN)).isEqualTo("2023 Q2");
		assertThat(PeriodCode.parse("2024MM11", "p").label(Lang.NL)).isEqualTo("november 2024");
		assertThat(PeriodCode.parse("2024MM11", "p").label(Lang.EN)).isEqualTo("November 2024");
		assertThat(PeriodCode.parse("2023JJ00", "p").label(Lang.EN)).isEqualTo("2023");
	}

	/**
	 * Labels and periods read from the store are kept: a label asked for in one language
	 * is never served in the other, and a kept period equals a parsed one.
	 */
	@Test
	void keptLabelsKeepTheirLanguage() {
		PeriodCode q = PeriodCode.of("2019KW03");
		assertThat(q.label(Lang.EN)).isEqualTo("2019 Q3");
		assertThat(q.label(Lang.NL)).isEqualTo("2019 3e kwartaal");
		assertThat(PeriodCode.of("2019KW03").label(Lang.EN)).isEqualTo("2019 Q3");
		assertThat(PeriodCode.of("2019KW03")).isEqualTo(PeriodCode.parse("2019KW03", "p"));
		assertThatThrownBy(() -> PeriodCode.of("2019KW9")).isInstanceOf(ApiException.class);
	}

	@Test
	void arithmeticAndAlignment() {
		PeriodCode q1 = PeriodCode.parse("2024KW01", "p");
		assertThat(q1.plus(-1).code()).isEqualTo("2023KW04");
		assertThat(q1.sameLastYear().code()).isEqualTo("2023KW01");
		assertThat(PeriodCode.parse("2024MM01", "p").plus(-1).code()).isEqualTo("2023MM12");
		assertThat(PeriodCode.parse("2023KW02", "p").alignTo("month").code()).isEqualTo("2023MM06");
		assertThat(PeriodCode.parse("2023JJ00", "p").alignTo("quarter").code()).isEqualTo("2023KW04");
		assertThat(PeriodCode.parse("2023KW02", "p").start()).hasToString("2023-04-01");
		assertThat(PeriodCode.parse("2023KW02", "p").end()).hasToString("2023-06-30");
		assertThat(PeriodCode.parse("2020KW01", "p").countTo(PeriodCode.parse("2024KW04", "p"))).isEqualTo(20);
	}

	@Test
	void malformedCodesNameTheParameter() {
		for (String bad : new String[] { "2023Q2", "2023KW05", "2023MM13", "23KW01", "", "2023kw02'; drop" }) {
			assertThatThrownBy(() -> PeriodCode.parse(bad, "from")).isInstanceOfSatisfying(ApiException.class,
					(ex) -> assertThat(ex.getParameter()).isEqualTo("from"));
		}
	}

}
