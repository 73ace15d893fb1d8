package nl.llomonitor.observation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.llomonitor.indicator.IndicatorView;

/**
 * Builds a JSON-stat 2.0 dataset (https://json-stat.org/format/): the indicator as the
 * metric dimension, then the given dimensions, values in row-major order.
 */
public final class JsonStatDataset {

	private JsonStatDataset() {
	}

	/**
	 * @param id dimension id
	 * @param label dimension label
	 * @param categories category code to label, in order
	 */
	public record Dim(String id, String label, Map<String, String> categories) {
	}

	/**
	 * @param indicator the indicator
	 * @param sources attribution
	 * @param dataVersion data version, or null where the answer has none (then left out)
	 * @param dims dimensions after the metric
	 * @param values values in row-major order (null where missing)
	 * @param status status per value index, where not definitief
	 * @param extension extra information
	 * @return the dataset as maps and lists, for Jackson
	 */
	public static Map<String, Object> of(IndicatorView indicator, List<Source> sources, Long dataVersion,
			List<Dim> dims, List<?> values, Map<String, String> status, Map<String, Object> extension) {
		Map<String, Object> dataset = new LinkedHashMap<>();
		dataset.put("version", "2.0");
		dataset.put("class", "dataset");
		dataset.put("label", indicator.name());
		dataset.put("source", String.join("; ", sources.stream().map((s) -> s.publisher() + " " + s.table()).toList()));
		List<String> ids = new ArrayList<>();
		List<Integer> sizes = new ArrayList<>();
		ids.add("indicator");
		sizes.add(1);
		Map<String, Object> dimension = new LinkedHashMap<>();
		Map<String, Object> unit = new LinkedHashMap<>();
		unit.put("label", indicator.unit());
		unit.put("decimals", indicator.decimals());
		dimension.put("indicator", Map.of("label", "Indicator", "category", Map.of("index", Map.of(indicator.code(), 0),
				"label", Map.of(indicator.code(), indicator.name()), "unit", Map.of(indicator.code(), unit))));
		for (Dim dim : dims) {
			ids.add(dim.id());
			sizes.add(dim.categories().size());
			Map<String, Integer> index = new LinkedHashMap<>();
			dim.categories().keySet().forEach((k) -> index.put(k, index.size()));
			dimension.put(dim.id(),
					Map.of("label", dim.label(), "category", Map.of("index", index, "label", dim.categories())));
		}
		dataset.put("id", ids);
		dataset.put("size", sizes);
		Map<String, List<String>> role = new LinkedHashMap<>();
		role.put("metric", List.of("indicator"));
		if (ids.contains("region")) {
			role.put("geo", List.of("region"));
		}
		if (ids.contains("period")) {
			role.put("time", List.of("period"));
		}
		dataset.put("role", role);
		dataset.put("dimension", dimension);
		dataset.put("value", values);
		if (!status.isEmpty()) {
			dataset.put("status", status);
		}
		Map<String, Object> ext = new LinkedHashMap<>(extension);
		// absent where the answer has none (map, revisions): never a made-up 0
		if (dataVersion != null) {
			ext.put("dataVersion", dataVersion);
		}
		ext.put("sources", sources);
		dataset.put("extension", ext);
		return dataset;
	}

}
