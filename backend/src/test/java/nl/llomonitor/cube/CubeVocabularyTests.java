package nl.llomonitor.cube;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shared vocabulary: statuses, missing reasons, flags and CBS signs, and the codes
 * they are stored as.
 */
class CubeVocabularyTests {

	@ParameterizedTest
	@EnumSource(Status.class)
	void everyStatusRoundTripsThroughItsCode(Status status) {
		assertThat(Status.fromCode(status.code())).isEqualTo(status);
	}

	@ParameterizedTest
	@EnumSource(MissingReason.class)
	void everyReasonRoundTripsThroughItsCodeAndConverter(MissingReason reason) {
		MissingReason.Converter converter = new MissingReason.Converter();
		assertThat(converter.from(converter.to(reason))).isEqualTo(reason);
		assertThat(reason.label(false)).isNotBlank();
		assertThat(reason.label(true)).isNotBlank();
	}

	/**
	 * A ratio or a sum is only as final as its least final term; where a term's source
	 * states no status, neither can the result (a ratio of a "definitief" and a "niet
	 * vermeld" term used to be "definitief").
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "null",
			value = { "definitief|definitief|definitief", "definitief|voorlopig|voorlopig",
					"voorlopig|definitief|voorlopig", "nader_voorlopig|voorlopig|voorlopig",
					"definitief|nader_voorlopig|nader_voorlopig", "definitief|niet_vermeld|niet_vermeld",
					"niet_vermeld|definitief|niet_vermeld", "voorlopig|niet_vermeld|niet_vermeld",
					"definitief|null|definitief", "null|voorlopig|voorlopig", "null|null|null" })
	void aComputedFigureHasTheWeakerStatusOfItsTerms(String a, String b, String weaker) {
		assertThat(Status.weaker(a, b)).isEqualTo(weaker);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "null",
			value = { "Definitief|2023|definitief", "Voorlopig|2023*|voorlopig",
					"Nader voorlopig|2023**|nader_voorlopig", "|2023 3e kwartaal*|voorlopig",
					"|2023 3e kwartaal**|nader_voorlopig", "|2023|niet_vermeld", "null|null|niet_vermeld",
					"Regulier||niet_vermeld", "Definite|2023|definitief", "Provisional|2023*|voorlopig",
					"Revised provisional|2023**|nader_voorlopig", "Revised provisional||nader_voorlopig" })
	void aCbsStatusIsReadFromStatusOrTitleAndNeverInvented(String status, String title, String code) {
		assertThat(Status.fromCbs(status, title).code()).isEqualTo(code);
	}

	@Test
	void everyEurostatFlagIsKeptAndCombinationsAreSorted() {
		assertThat(Flag.values()).extracting(Flag::letter)
			.containsExactly('b', 'c', 'd', 'e', 'f', 'n', 'p', 'r', 's', 'u', 'z');
		assertThat(Flag.letters(Flag.parse("p b"))).isEqualTo("bp");
		assertThat(Flag.letters(Flag.parse("ubep"))).isEqualTo("bepu");
		assertThat(Flag.parse("")).isEmpty();
		assertThatThrownBy(() -> Flag.parse("bq")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("'q' is not a flag");
	}

	@ParameterizedTest
	@EnumSource(Flag.class)
	void aFlagMapsToAStatusAndAReason(Flag flag) {
		Set<Flag> flags = EnumSet.of(flag);
		assertThat(Flag.status(flags)).isEqualTo((flag == Flag.PROVISIONAL) ? Status.VOORLOPIG : Status.NOT_STATED);
		assertThat(Flag.missingReason(flags)).isEqualTo(switch (flag) {
			case CONFIDENTIAL -> MissingReason.VERTROUWELIJK;
			case NOT_APPLICABLE -> MissingReason.NIET_VAN_TOEPASSING;
			default -> MissingReason.NIET_BESCHIKBAAR;
		});
		assertThat(Flag.of(Character.toUpperCase(flag.letter()))).isEqualTo(flag);
	}

	@Test
	void cbsSignsAreAZeroOrNoValueWithAReason() {
		assertThat(CbsSign.of("-").value()).isEqualTo("0");
		assertThat(CbsSign.of("-").reason()).isNull();
		assertThat(CbsSign.of(".").reason()).isEqualTo(MissingReason.ONBEKEND);
		assertThat(CbsSign.of("x").reason()).isEqualTo(MissingReason.GEHEIM);
		assertThat(CbsSign.of("").reason()).isEqualTo(MissingReason.NIET_VAN_TOEPASSING);
		assertThat(CbsSign.of("").reportName()).isEqualTo("empty");
		assertThat(CbsSign.of("12.5")).isNull();
		assertThat(CbsSign.of("-1")).isNull();
	}

	@Test
	void v4ValueAttributesGiveTheirReason() {
		assertThat(MissingReason.fromValueAttribute("Confidential")).isEqualTo(MissingReason.VERTROUWELIJK);
		assertThat(MissingReason.fromValueAttribute("Impossible")).isEqualTo(MissingReason.NIET_VAN_TOEPASSING);
		assertThat(MissingReason.fromValueAttribute("None")).isEqualTo(MissingReason.NIET_BESCHIKBAAR);
		assertThat(MissingReason.fromValueAttribute("Whatever")).isEqualTo(MissingReason.ANDERS);
	}

}
