package nl.llomonitor.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * The indicator catalog in {@code data/indicators.yaml}: indicators, breakdown dimensions
 * and their members.
 *
 * @param indicators the indicators, in file order
 * @param dimensions the dimensions, in file order
 */
record Catalog(List<Indicator> indicators, List<Dimension> dimensions) {

	static final String RESOURCE = "data/indicators.yaml";

	static Catalog load() {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			return yaml().readValue(in, Catalog.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
	}

	static YAMLMapper yaml() {
		return YAMLMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
	}

	Map<String, Indicator> indicatorsByCode() {
		Map<String, Indicator> byCode = new LinkedHashMap<>();
		this.indicators.forEach((indicator) -> byCode.put(indicator.code(), indicator));
		return byCode;
	}

	boolean hasMember(String dimension, String member) {
		return this.dimensions.stream()
			.anyMatch((d) -> d.code().equals(dimension)
					&& d.members().stream().anyMatch((m) -> m.code().equals(member) && !m.total()));
	}

	record Text(String nl, String en) {

	}

	record Indicator(String code, Text name, String unit, Integer decimals, Text definition, Text explanation,
			String sourceTable, Boolean higherIsBetter, Boolean seasonallyAdjusted, String numerator,
			String denominator, BigDecimal multiplier) {

		boolean derived() {
			return this.numerator != null;
		}

	}

	record Dimension(String code, Text name, List<Member> members) {

	}

	record Member(String code, String nl, String en, Boolean total) {

		Member {
			total = Boolean.TRUE.equals(total);
		}

	}

}
