package nl.llomonitor.importer.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * {@code data/reference.yaml}: the files without a mapping (region list, boundaries) that
 * the startup bootstrap imports before the tables.
 *
 * @param bootstrap paths under the bootstrap folder, in import order
 * @param editions for the "Gebieden in Nederland" editions among them: the first day each
 * applies (its {@code validFrom}), by path; an edition without one is dated the day it is
 * imported, and a later edition with an earlier date would then apply only up to that day
 */
public record ReferenceFiles(List<String> bootstrap, Map<String, LocalDate> editions) {

	static final String RESOURCE = "data/reference.yaml";

	public ReferenceFiles {
		bootstrap = (bootstrap != null) ? List.copyOf(bootstrap) : List.of();
		editions = (editions != null) ? Map.copyOf(editions) : Map.of();
		for (String file : editions.keySet()) {
			if (!bootstrap.contains(file)) {
				throw new IllegalArgumentException(RESOURCE + ": editions names " + file
						+ ", which is not one of the bootstrap files " + bootstrap);
			}
		}
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
