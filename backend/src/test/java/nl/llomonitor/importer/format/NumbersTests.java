package nl.llomonitor.importer.format;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every text reader takes as a number ({@link Numbers#isDecimal}): plain decimals
 * within the range of a double, which every figure is computed with and shown as.
 */
class NumbersTests {

	@ParameterizedTest
	@ValueSource(strings = { "75.5", "-3", "+0.25", "0", "1e3", "1.5E-7", "-1E+308", "0e400", "12345678901234.5678",
			"0.000000000000000000001" })
	void aDecimalWithinTheRangeOfADoubleIsANumber(String text) {
		assertThat(Numbers.isDecimal(text)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1e400", "-1e400", "1e-400", "1e9999999999", "", "-", "1,5", "1.2.3", "e5", "1e", "NaN",
			"Infinity", "0x1A" })
	void anythingElseIsNot(String text) {
		assertThat(Numbers.isDecimal(text)).isFalse();
	}

	@org.junit.jupiter.api.Test
	void aPlainNumberBeyondTheRangeOfADoubleIsNot() {
		assertThat(Numbers.isDecimal("1" + "0".repeat(400))).isFalse();
		assertThat(Numbers.isDecimal("1" + "0".repeat(300))).isTrue();
	}

}
