package nl.llomonitor.cube;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Value classes ({@code classes} in data/indicators.yaml): checked bounds, and a value in
 * the first class whose exclusive bound lies above it.
 */
class ValueClassTests {

	private static ValueClass c(String code, String below) {
		return new ValueClass(code, code.toUpperCase(), code, (below != null) ? new BigDecimal(below) : null);
	}

	@Test
	void aValueFallsInTheFirstClassWhoseBoundLiesAboveIt() {
		List<ValueClass> classes = ValueClass.checked(List.of(c("low", "-1.5"), c("mid", "2"), c("high", null)));
		assertThat(ValueClass.of(classes, new BigDecimal("-7")).code()).isEqualTo("low");
		assertThat(ValueClass.of(classes, new BigDecimal("-1.5")).code()).isEqualTo("mid");
		// a bound compares by value, not by scale
		assertThat(ValueClass.of(classes, new BigDecimal("2.000")).code()).isEqualTo("high");
		assertThat(ValueClass.of(classes, new BigDecimal("1.9999")).code()).isEqualTo("mid");
		assertThat(ValueClass.of(classes, new BigDecimal("1E+9")).code()).isEqualTo("high");
		assertThat(ValueClass.of(classes, null)).isNull();
		assertThat(ValueClass.of(List.of(), BigDecimal.ONE)).isNull();
		assertThat(ValueClass.checked(null)).isEmpty();
	}

	@Test
	void boundsMustRiseAndOnlyTheLastClassLacksOne() {
		assertThatThrownBy(() -> ValueClass.checked(List.of(c("a", "2"), c("b", "2"), c("c", null))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("value class b")
			.hasMessageContaining("must lie above that of a (2)");
		assertThatThrownBy(() -> ValueClass.checked(List.of(c("a", "2"), c("b", "1"), c("c", null))))
			.hasMessageContaining("value class b");
		assertThatThrownBy(() -> ValueClass.checked(List.of(c("a", null), c("b", null))))
			.hasMessageContaining("value class a: only the last class may lack 'below'");
		assertThatThrownBy(() -> ValueClass.checked(List.of(c("a", "1"), c("b", "2"))))
			.hasMessageContaining("value class b: the last class has no bound");
		assertThatThrownBy(() -> ValueClass.checked(List.of(c("a", "1"), c("a", "2"), c("c", null))))
			.hasMessageContaining("value class a is given twice");
		assertThatThrownBy(() -> new ValueClass("Krap", "Krap", "Tight", null))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("lower-case");
		assertThatThrownBy(() -> new ValueClass("krap", " ", "Tight", null))
			.hasMessageContaining("a name in nl and en");
	}

}
