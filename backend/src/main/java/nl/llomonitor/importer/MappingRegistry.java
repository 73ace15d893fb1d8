package nl.llomonitor.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The mapping files in {@code data/mappings/*.yaml}, by table id (case-insensitive),
 * checked against the indicator catalog when loaded.
 */
final class MappingRegistry {

	private final Map<String, TableMapping> byTable = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

	MappingRegistry(Collection<TableMapping> mappings, Catalog catalog) {
		Map<String, Catalog.Indicator> indicators = catalog.indicatorsByCode();
		for (TableMapping mapping : mappings) {
			mapping.measures().forEach((column, measure) -> {
				check(mapping, column, measure.indicator(), measure.breakdown(), indicators, catalog);
			});
			mapping.dimensions()
				.forEach((column, members) -> members.forEach((label, member) -> check(mapping, column + "=" + label,
						member.indicator(), member.breakdown(), indicators, catalog)));
			this.byTable.put(mapping.table(), mapping);
		}
	}

	private static void check(TableMapping mapping, String where, String indicator, Map<String, String> breakdown,
			Map<String, Catalog.Indicator> indicators, Catalog catalog) {
		if (indicator != null && (!indicators.containsKey(indicator) || indicators.get(indicator).derived())) {
			throw new IllegalStateException(
					"Mapping " + mapping.table() + ", " + where + ": unknown or derived indicator '" + indicator + "'");
		}
		breakdown.forEach((dimension, member) -> {
			if (!catalog.hasMember(dimension, member)) {
				throw new IllegalStateException("Mapping " + mapping.table() + ", " + where + ": unknown member "
						+ dimension + "=" + member + " (not in " + Catalog.RESOURCE + ", or a total)");
			}
		});
	}

	static MappingRegistry load(Catalog catalog) {
		YAMLMapper yaml = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:data/mappings/*.yaml");
			java.util.List<TableMapping> mappings = new java.util.ArrayList<>();
			for (Resource resource : resources) {
				try (InputStream in = resource.getInputStream()) {
					byte[] bytes = in.readAllBytes();
					DomainSchema.check(DomainSchema.MAPPING, "data/mappings/" + resource.getFilename(), bytes);
					mappings.add(yaml.readValue(bytes, TableMapping.class));
				}
				catch (RuntimeException ex) {
					throw new IllegalStateException(
							"Cannot read mapping " + resource.getFilename() + ": " + ex.getMessage(), ex);
				}
			}
			return new MappingRegistry(mappings, catalog);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	TableMapping find(String tableId) {
		return (tableId != null) ? this.byTable.get(tableId.toUpperCase(Locale.ROOT)) : null;
	}

	Collection<TableMapping> all() {
		return this.byTable.values();
	}

}
