package nl.llomonitor.importer.format;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON parser settings of every importer: limits that no real CBS, Eurostat or
 * GeoJSON file comes near, so a hostile file fails fast with a clear error instead of
 * exhausting the stack or the heap.
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
				.streamReadConstraints(StreamReadConstraints.builder()
					.maxNestingDepth(MAX_NESTING_DEPTH)
					.maxNumberLength(MAX_NUMBER_LENGTH)
					.maxStringLength(MAX_STRING_LENGTH)
					.build())
				.build())
			.build();
	}

}
