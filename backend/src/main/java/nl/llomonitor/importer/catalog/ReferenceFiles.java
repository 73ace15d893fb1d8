package nl.llomonitor.importer.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * {@code data/reference.yaml}: the files without a mapping (region list, boundaries) that
 * the startup bootstrap imports before the tables.
 *
 * @param bootstrap paths under the bootstrap folder, in import order
 */
public record ReferenceFiles(List<String> bootstrap) {

	static final String RESOURCE = "data/reference.yaml";

	public ReferenceFiles {
		bootstrap = (bootstrap != null) ? List.copyOf(bootstrap) : List.of();
	}

	public static ReferenceFiles load() {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			byte[] bytes = in.readAllBytes();
			DomainSchema.check(DomainSchema.REFERENCE, RESOURCE, bytes);
			return YAMLMapper.builder()
				.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.build()
				.readValue(bytes, ReferenceFiles.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
	}

}
