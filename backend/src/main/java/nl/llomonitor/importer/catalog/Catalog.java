package nl.llomonitor.importer.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.llomonitor.cube.ValueClass;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * The indicator catalog in {@code data/indicators.yaml}: indicators, breakdown dimensions
 * and their members.
 *
 * @param indicators the indicators, in file order
 * @param dimensions the dimensions, in file order
 */
public record Catalog(List<Indicator> indicators, List<Dimension> dimensions) {

	static final String RESOURCE = "data/indicators.yaml";

	public static Catalog load() {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			byte[] bytes = in.readAllBytes();
			DomainSchema.check(DomainSchema.INDICATORS, RESOURCE, bytes);
			return yaml().readValue(bytes, Catalog.class).checked();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
	}

	static YAMLMapper yaml() {
		return YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

	/**
	 * The references between indicators that the schema cannot check: a sample base, a
	 * share dimension, a numerator and a denominator must exist.
	 */
	private Catalog checked() {
		Map<String, Indicator> byCode = indicatorsByCode();
		java.util.Set<String> dimensionCodes = new java.util.HashSet<>();
		this.dimensions.forEach((d) -> dimensionCodes.add(d.code()));
		for (Indicator i : this.indicators) {
			for (String reference : java.util.Arrays.asList(i.sampleBase(), i.numerator(), i.denominator())) {
				if (reference != null && !byCode.containsKey(reference)) {
					throw new IllegalStateException(
							RESOURCE + ", indicator " + i.code() + ": unknown indicator '" + reference + "'");
				}
			}
			try {
				i.valueClasses();
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(RESOURCE + ", indicator " + i.code() + ": " + ex.getMessage(), ex);
			}
			for (String dimension : i.shareDimensions()) {
				if (!dimensionCodes.contains(dimension)) {
					throw new IllegalStateException(
							RESOURCE + ", indicator " + i.code() + ": unknown share dimension '" + dimension + "'");
				}
			}
		}
		return this;
	}

	public Map<String, Indicator> indicatorsByCode() {
		Map<String, Indicator> byCode = new LinkedHashMap<>();
		this.indicators.forEach((indicator) -> byCode.put(indicator.code(), indicator));
		return byCode;
	}

	/**
	 * @param dimension a dimension code of data/indicators.yaml, e.g. {@code sex}
	 * @param member a member code, e.g. {@code vrouw}
	 * @return whether the member is the dimension's total ({@code sex=totaal}), or null
	 * when the catalog has no such member
	 */
	public Boolean memberIsTotal(String dimension, String member) {
		// a stream of at most a few hundred members, read once per distinct breakdown
		return this.dimensions.stream()
			.filter((d) -> d.code().equals(dimension))
			.flatMap((d) -> d.members().stream())
			.filter((m) -> m.code().equals(member))
			.map(Member::total)
			.findFirst()
			.orElse(null);
	}

	/**
	 * @param dimension a dimension code
	 * @return whether data/indicators.yaml has the dimension
	 */
	public boolean hasDimension(String dimension) {
		return this.dimensions.stream().anyMatch((d) -> d.code().equals(dimension));
	}

	boolean hasMember(String dimension, String member) {
		return this.dimensions.stream()
			.anyMatch((d) -> d.code().equals(dimension)
					&& d.members().stream().anyMatch((m) -> m.code().equals(member) && !m.total()));
	}

	record Text(String nl, String en) {

	}

	public record Indicator(String code, Text name, String unit, Integer decimals, Text definition, Text explanation,
			String sourceTable, Boolean higherIsBetter, Boolean seasonallyAdjusted, String numerator,
			String denominator, BigDecimal multiplier, Kerncijfer kerncijfer, List<String> shareDimensions,
			String sampleBase, List<ClassDef> classes, ValueRange valueRange) {

		public Indicator {
			shareDimensions = (shareDimensions != null) ? List.copyOf(shareDimensions) : List.of();
			classes = (classes != null) ? List.copyOf(classes) : List.of();
		}

		/**
		 * @return the indicator's value classes, checked ({@link ValueClass#checked})
		 * @throws IllegalArgumentException when their bounds do not rise
		 */
		public List<ValueClass> valueClasses() {
			return ValueClass.checked(this.classes.stream()
				.map((c) -> new ValueClass(c.code(), c.name().nl(), c.name().en(), c.below()))
				.toList());
		}

		boolean derived() {
			return this.numerator != null;
		}

	}

	/**
	 * One class of an indicator's values ({@code classes}).
	 *
	 * @param code stable code
	 * @param name its name
	 * @param below exclusive upper bound, in the indicator's unit; null for the last
	 * class
	 */
	record ClassDef(String code, Text name, BigDecimal below) {

	}

	/**
	 * The values a published figure of an indicator can take ({@code valueRange} in
	 * {@code data/indicators.yaml}), both bounds inclusive; either may be null (no
	 * bound).
	 *
	 * @param min the lowest value, e.g. 0 for a count
	 * @param max the highest value, e.g. 100 for a share in percent
	 */
	public record ValueRange(BigDecimal min, BigDecimal max) {

		/**
		 * @throws IllegalArgumentException when both bounds are missing or the lowest
		 * lies above the highest (a typo that would refuse every value)
		 */
		public ValueRange {
			if (min == null && max == null) {
				throw new IllegalArgumentException("valueRange needs min, max or both");
			}
			if (min != null && max != null && min.compareTo(max) > 0) {
				throw new IllegalArgumentException(
						"valueRange min " + min.toPlainString() + " lies above max " + max.toPlainString());
			}
		}

		/**
		 * @return the range as text: {@code 0 to 100}, {@code at least 0}
		 */
		public String text() {
			if (this.min != null && this.max != null) {
				return this.min.toPlainString() + " to " + this.max.toPlainString();
			}
			return (this.min != null) ? "at least " + this.min.toPlainString() : "at most " + this.max.toPlainString();
		}

	}

	/**
	 * A place on the key-figures page.
	 *
	 * @param order position, from 1
	 * @param fallback shown only when the indicator at the same position has no data
	 */
	record Kerncijfer(int order, Boolean fallback) {

		Kerncijfer {
			fallback = Boolean.TRUE.equals(fallback);
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
