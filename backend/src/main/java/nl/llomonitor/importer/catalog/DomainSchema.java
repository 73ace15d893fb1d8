package nl.llomonitor.importer.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.serialization.node.LocationJsonNodeFactoryFactory;
import com.networknt.schema.utils.JsonNodes;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * Checks the YAML domain data ({@code data/indicators.yaml},
 * {@code data/mappings/*.yaml}, {@code data/reference.yaml}) against the JSON Schemas in
 * {@code data/schema/} (draft 2020-12) before it is read. The same schemas serve editors:
 * every YAML file names its schema in a {@code yaml-language-server} comment on its first
 * line.
 */
final class DomainSchema {

	static final String INDICATORS = "data/schema/indicators.schema.json";

	static final String MAPPING = "data/schema/mapping.schema.json";

	static final String REFERENCE = "data/schema/reference.schema.json";

	private static final SchemaRegistry REGISTRY = SchemaRegistry
		.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private DomainSchema() {
	}

	/**
	 * @param schema class-path resource of the schema, one of the constants
	 * @param file name of the checked file, for the message
	 * @param yaml the file's content
	 * @return the problems, each as {@code line L, column C, /json/pointer: message (got
	 * value)}; empty when it conforms
	 */
	static List<String> problems(String schema, String file, byte[] yaml) {
		JsonNode node;
		try {
			// location-aware nodes: every problem names its line and column
			node = JsonNodes.readTree(YAML, new ByteArrayInputStream(yaml),
					LocationJsonNodeFactoryFactory.getInstance());
		}
		catch (RuntimeException ex) {
			return List.of("/: not YAML (" + ex.getMessage() + ")");
		}
		return schema(schema).validate(node)
			.stream()
			.map((Error error) -> where(error) + ", " + pointer(error) + ": " + error.getMessage() + value(error))
			.toList();
	}

	/**
	 * @param schema class-path resource of the schema
	 * @param file name of the checked file, for the message
	 * @param yaml the file's content
	 * @throws IllegalStateException naming the file, the schema and every place that does
	 * not conform
	 */
	static void check(String schema, String file, byte[] yaml) {
		List<String> problems = problems(schema, file, yaml);
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					file + " does not match " + schema + ": " + problems.stream().collect(Collectors.joining("; ")));
		}
	}

	private static String pointer(Error error) {
		String pointer = String.valueOf(error.getInstanceLocation());
		if (pointer.startsWith("$")) {
			pointer = pointer.substring(1).replace('.', '/');
		}
		return pointer.startsWith("/") ? pointer : "/" + pointer;
	}

	/**
	 * @return the offending value when it is a scalar, e.g. {@code  (got "XYZ")}
	 */
	private static String value(Error error) {
		JsonNode node = error.getInstanceNode();
		return (node != null && node.isValueNode()) ? " (got " + node + ")" : "";
	}

	/**
	 * @return {@code line L, column C} of the offending node when known
	 */
	private static String where(Error error) {
		TokenStreamLocation location = (error.getInstanceNode() != null)
				? JsonNodes.tokenStreamLocationOf(error.getInstanceNode()) : null;
		return (location != null && location.getLineNr() > 0)
				? "line " + location.getLineNr() + ", column " + location.getColumnNr() : "file";
	}

	private static Schema schema(String resource) {
		return SCHEMAS.computeIfAbsent(resource, (name) -> {
			try (InputStream in = new ClassPathResource(name).getInputStream()) {
				return REGISTRY.getSchema(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + name, ex);
			}
		});
	}

}
