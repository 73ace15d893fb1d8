package nl.llomonitor.cube;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The one period parser (codes and CBS labels), and the units of the vocabulary, the
 * schema and the data in step.
 */
class PeriodVocabularyTests {

	@Test
	void parsesCodesOfEveryType() {
		Period quarter = Period.parse(" 2023KW02 ");
		assertThat(quarter.code()).isEqualTo("2023KW02");
		assertThat(quarter.type()).isEqualTo(PeriodType.QUARTER);
		assertThat(quarter.start()).isEqualTo(LocalDate.of(2023, 4, 1));
		assertThat(quarter.end()).isEqualTo(LocalDate.of(2023, 6, 30));
		assertThat(quarter.plus(3).code()).isEqualTo("2024KW01");
		assertThat(quarter.alignTo(PeriodType.MONTH).code()).isEqualTo("2023MM06");
		assertThat(quarter.label(false)).isEqualTo("2023 2e kwartaal");
		assertThat(quarter.label(true)).isEqualTo("2023 Q2");
		assertThat(Period.parse("2024MM11").label(false)).isEqualTo("november 2024");
		assertThat(Period.parse("2020JJ00").alignTo(PeriodType.QUARTER).code()).isEqualTo("2020KW04");
		assertThat(Period.parse("2020JJ00").alignTo(PeriodType.YEAR)).isEqualTo(Period.parse("2020JJ00"));
		assertThat(Period.parse("2024MM01").alignTo(PeriodType.YEAR)).isNull();
		assertThat(PeriodType.QUARTER.likePattern()).isEqualTo("____KW__");
		assertThat(PeriodType.YEAR.likePattern()).isEqualTo("____JJ00");
	}

	@Test
	void parsesTheLabelsCbsWrites() {
		assertThat(Period.fromLabel("2023")).hasToString("2023JJ00");
		assertThat(Period.fromLabel("2023 2e kwartaal")).hasToString("2023KW02");
		assertThat(Period.fromLabel("2023  3e kwartaal")).hasToString("2023KW03");
		assertThat(Period.fromLabel("2024 November")).hasToString("2024MM11");
		assertThat(Period.fromLabel("2024mm03")).hasToString("2024MM03");
		assertThat(Period.fromLabel("2024 brumaire")).isNull();
		assertThat(Period.fromLabel("Totaal")).isNull();
	}

	@Test
	void aWrongCodeSaysWhatWasExpected() {
		for (String wrong : Arrays.asList("2023KW05", "2023MM13", "23KW01", "2023Q1", "", null)) {
			assertThatExceptionOfType(PeriodFormatException.class).isThrownBy(() -> Period.parse(wrong))
				.withMessage("Expected a period code such as 2023JJ00 (year), 2023KW02 (quarter) or 2024MM11 "
						+ "(month); got '" + wrong + "'.")
				.satisfies((ex) -> assertThat(ex.input()).isEqualTo(wrong));
		}
		assertThat(Period.isCode("2023KW04")).isTrue();
		assertThat(Period.isCode(" 2023KW04")).isFalse();
	}

	@Test
	void unitsOfSchemaVocabularyAndDataAgree() throws IOException {
		JsonNode schema = JsonMapper.builder()
			.build()
			.readTree(Files.readString(Path.of("..", "data", "schema", "indicators.schema.json")));
		List<String> schemaUnits = new ArrayList<>();
		schema.at("/$defs/indicator/properties/unit/enum").forEach((n) -> schemaUnits.add(n.asString()));
		assertThat(schemaUnits).containsExactly(Arrays.stream(Unit.values()).map(Unit::code).toArray(String[]::new));
		JsonNode data = YAMLMapper.builder().build().readTree(Path.of("..", "data", "indicators.yaml").toFile());
		data.get("indicators")
			.forEach((indicator) -> assertThat(Unit.of(indicator.get("unit").asString()))
				.as(indicator.get("code").asString())
				.isNotNull());
		assertThat(Unit.of("ratio per 100")).isEqualTo(Unit.RATIO_PER_100);
	}

	@Test
	void importRunStatesMatchTheStoredValues() {
		assertThat(Arrays.stream(ImportRunState.values()).map(ImportRunState::code)).containsExactly("running",
				"succeeded", "unchanged", "failed");
		assertThat(ImportRunState.of("unchanged").committed()).isTrue();
		assertThat(ImportRunState.FAILED.committed()).isFalse();
	}

}
