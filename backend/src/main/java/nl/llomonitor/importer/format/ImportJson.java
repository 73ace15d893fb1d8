package nl.llomonitor.importer.format;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON parser settings of every importer: limits that no real CBS, Eurostat or
 * GeoJSON file comes near, so a hostile file fails fast with a clear error instead of
 * exhausting the stack or the heap.
 * <p>
 * A figure is read as the decimal the file writes ({@code 12345678901234567.5} stays
 * that, {@code 342820.0} keeps its zero), never through a {@code double}, which would
 * round any figure of more than 15 to 17 significant digits without a word. A property
 * given twice in one object ({@code "Value":4.9,"Value":5.1}) is an error: JSON leaves
 * its meaning open (RFC 8259, section 4) and taking either would be a guess.
 */
final class ImportJson {

	/** GeoJSON MultiPolygons nest 6 deep, OData responses 4; allow generously more. */
	static final int MAX_NESTING_DEPTH = 64;

	static final int MAX_NUMBER_LENGTH = 100;

	static final int MAX_STRING_LENGTH = 1 << 20;

	private ImportJson() {
	}

	static JsonMapper mapper() {
		return JsonMapper
			.builder(JsonFactory.builder()
				.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
				.streamReadConstraints(StreamReadConstraints.builder()
					.maxNestingDepth(MAX_NESTING_DEPTH)
					.maxNumberLength(MAX_NUMBER_LENGTH)
					.maxStringLength(MAX_STRING_LENGTH)
					.build())
				.build())
			.enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
			.build();
	}

}
