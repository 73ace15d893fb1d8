package nl.llomonitor.importer.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The mapping files by table id (case-insensitive), checked against the indicator catalog
 * when loaded: those in the jar ({@code data/mappings/*.yaml}), overridden by those in
 * the external folder ({@code LLO_MAPPINGS_DIR}) and by those uploaded through the admin
 * API ({@link MappingService}). The external ones can be replaced while the app runs;
 * readers take the mapping that is current when their import starts.
 */
public final class MappingRegistry {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final Catalog catalog;

	private final Map<String, TableMapping> builtIn = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

	private volatile Map<String, TableMapping> byTable;

	MappingRegistry(Collection<TableMapping> mappings, Catalog catalog) {
		this.catalog = catalog;
		Stream
			.concat(catalog.indicators().stream().map(Catalog.Indicator::code),
					catalog.dimensions().stream().map(Catalog.Dimension::code))
			.filter((code) -> GenericTable.RESERVED.matcher(code).matches())
			.findFirst()
			.ifPresent((code) -> {
				throw new IllegalStateException(Catalog.RESOURCE + ": code '" + code
						+ "' has the form of a generated table-scoped code (cbs_<table>__...), which is reserved");
			});
		for (TableMapping mapping : mappings) {
			check(mapping, catalog);
			this.builtIn.put(mapping.table(), mapping);
		}
		Map<String, TableMapping> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		all.putAll(this.builtIn);
		this.byTable = all;
	}

	/**
	 * Checks a mapping against the catalog: every indicator it names exists and is not
	 * derived, every breakdown member exists (and is no total).
	 * @param mapping the mapping
	 * @param catalog the catalog
	 * @throws IllegalStateException naming the table, the column or member and the value
	 */
	static void check(TableMapping mapping, Catalog catalog) {
		if (mapping.table() == null || mapping.table().isBlank()) {
			throw new IllegalStateException("Mapping without 'table'");
		}
		Map<String, Catalog.Indicator> indicators = catalog.indicatorsByCode();
		mapping.measures().forEach((column, measure) -> {
			check(mapping, column, measure.indicator(), measure.breakdown(), indicators, catalog);
		});
		mapping.dimensions()
			.forEach((column, members) -> members.forEach((label, member) -> check(mapping, column + "=" + label,
					member.indicator(), member.breakdown(), indicators, catalog)));
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

	public static MappingRegistry load(Catalog catalog) {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:data/mappings/*.yaml");
			List<TableMapping> mappings = new ArrayList<>();
			for (Resource resource : resources) {
				try (InputStream in = resource.getInputStream()) {
					mappings.add(parse(in.readAllBytes(), "data/mappings/" + resource.getFilename()));
				}
			}
			return new MappingRegistry(mappings, catalog);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param yaml the bytes of a mapping file (UTF-8 YAML, format in
	 * {@code data/mappings/README.md})
	 * @param name the file name, for errors
	 * @return the mapping
	 * @throws IllegalStateException naming the file and what is wrong
	 */
	static TableMapping parse(byte[] yaml, String name) {
		DomainSchema.check(DomainSchema.MAPPING, name, yaml);
		try {
			TableMapping mapping = YAML.readValue(new String(yaml, StandardCharsets.UTF_8), TableMapping.class);
			if (mapping == null || mapping.table() == null) {
				throw new IllegalStateException("Cannot read mapping " + name + ": no 'table'");
			}
			return mapping;
		}
		catch (RuntimeException ex) {
			if (ex instanceof IllegalStateException) {
				throw ex;
			}
			throw new IllegalStateException("Cannot read mapping " + name + ": " + ex.getMessage(), ex);
		}
	}

	Catalog catalog() {
		return this.catalog;
	}

	/**
	 * Replaces the external mappings (folder and uploads): afterwards a table's mapping
	 * is its external one if it has one, else the one in the jar. Each must have passed
	 * {@link #check}.
	 * @param external external mappings by table id
	 * @return the ids of the tables whose mapping changed (added, changed or removed)
	 */
	synchronized Set<String> replaceExternal(Map<String, TableMapping> external) {
		Map<String, TableMapping> next = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		next.putAll(this.builtIn);
		next.putAll(external);
		Set<String> changed = new LinkedHashSet<>();
		Map<String, TableMapping> previous = this.byTable;
		for (String table : next.keySet()) {
			if (!Objects.equals(next.get(table), previous.get(table))) {
				changed.add(table);
			}
		}
		for (String table : previous.keySet()) {
			if (!next.containsKey(table)) {
				changed.add(table);
			}
		}
		this.byTable = next;
		return changed;
	}

	public TableMapping find(String tableId) {
		return (tableId != null) ? this.byTable.get(tableId.toUpperCase(Locale.ROOT)) : null;
	}

	public Collection<TableMapping> all() {
		return this.byTable.values();
	}

}
