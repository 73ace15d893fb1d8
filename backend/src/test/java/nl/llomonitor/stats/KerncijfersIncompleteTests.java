package nl.llomonitor.stats;

import java.math.BigDecimal;
import java.util.List;

import nl.llomonitor.api.Incompleteness;
import nl.llomonitor.api.Lang;
import nl.llomonitor.cube.IncompleteReason;
import nl.llomonitor.observation.PeriodCode;
import nl.llomonitor.observation.SeriesService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a key figure says of a cut-off import behind it: nothing for a complete one, the
 * reason in the reader's language, each reason once, and each table named where a derived
 * figure has two cut-off tables behind it.
 */
class KerncijfersIncompleteTests {

	private static final Incompleteness WW = new Incompleteness("85554NED", "exactly 10,000 data rows ...",
			List.of(IncompleteReason.rowsAtCbsLimit(10_000)), null);

	private static final Incompleteness POPULATION = new Incompleteness("60039fvw", "exactly 10,000 data rows ...",
			List.of(IncompleteReason.rowsAtCbsLimit(10_000)), null);

	private static SeriesService.Value value(Incompleteness incomplete) {
		return new SeriesService.Value(PeriodCode.of("2024MM01"), new BigDecimal("5"), null, null, "definitief", "",
				null, "85554NED", 1L, null, null, null, null, incomplete, false, false);
	}

	@Test
	void aCompleteImportSaysNothing() {
		assertThat(KerncijfersService.incomplete(value(null), Lang.NL)).isNull();
	}

	@Test
	void theReasonInTheReadersLanguage() {
		assertThat(KerncijfersService.incomplete(value(WW), Lang.NL)).isEqualTo(
				"precies 10.000 datarijen: het bestand is waarschijnlijk afgebroken bij de downloadlimiet van CBS");
		assertThat(KerncijfersService.incomplete(value(WW), Lang.EN))
			.isEqualTo("exactly 10,000 data rows: the file was probably cut off at CBS's download limit");
	}

	@Test
	void twoCutOffTablesBehindADerivedFigureAreEachNamed() {
		assertThat(KerncijfersService.incomplete(value(WW.and(POPULATION)), Lang.EN))
			.isEqualTo("85554NED: exactly 10,000 data rows: the file was probably cut off at CBS's download limit; "
					+ "60039fvw: exactly 10,000 data rows: the file was probably cut off at CBS's download limit");
	}

	@Test
	void aReasonTheseBundlesDoNotKnowGivesTheStoredText() {
		Incompleteness newer = new Incompleteness("85554NED", "a reason of a newer version",
				List.of(new IncompleteReason("some-later-key", List.of(1))), null);
		assertThat(KerncijfersService.incomplete(value(newer), Lang.NL)).isEqualTo("a reason of a newer version");
	}

}
