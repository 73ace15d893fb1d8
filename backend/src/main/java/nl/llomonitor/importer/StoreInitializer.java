package nl.llomonitor.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import nl.llomonitor.importer.catalog.Catalog;
import nl.llomonitor.importer.catalog.CatalogLoader;
import nl.llomonitor.importer.catalog.MappingRegistry;
import nl.llomonitor.importer.catalog.ReferenceFiles;
import nl.llomonitor.system.DatabaseConfiguration;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import static nl.llomonitor.db.Tables.OBSERVATION;
import static nl.llomonitor.db.Tables.REGION_GEOMETRY;

/**
 * At startup: upserts the indicator catalog and region list, loads the demo data set when
 * the store has no observations and the shipped boundaries when it has none, and then (in
 * the background, never on the event loop) imports the real published files from
 * {@code shared/data} when that folder is found.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)

public class StoreInitializer implements ApplicationRunner {

	static final String DEMO = "data/demo/observations.csv";

	private static final Logger logger = LoggerFactory.getLogger(StoreInitializer.class);

	private final DSLContext jdbc;

	private final ImportService importer;

	private final ImportProperties properties;

	final AtomicReference<List<ImportReport>> bootstrapReports = new AtomicReference<>();

	StoreInitializer(@Qualifier(DatabaseConfiguration.JDBC_DSL) DSLContext jdbc, ImportService importer,
			ImportProperties properties) {
		this.jdbc = jdbc;
		this.importer = importer;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		// the kinds first: the catalog's loads bump the data version when they change
		// anything, and the read side keeps the forecast tables per data version
		int kinds = this.importer.recordTableKinds();
		long changed = CatalogLoader.load(this.jdbc, this.importer.catalog(), this.importer.seedRegions())
				+ CatalogLoader.loadSources(this.jdbc, this.importer.mappings());
		if (kinds > 0 && changed == 0) {
			this.jdbc.fetchValue("select bump_data_version()");
		}
		logger.info("Catalog loaded: {} indicators, {} regions ({} rows changed)",
				this.importer.catalog().indicators().size(), this.importer.seedRegions().entries().size(),
				changed + kinds);
		if (this.properties.demo() && !this.jdbc.fetchExists(OBSERVATION)) {
			try {
				ImportReport report = this.importer.runStandIn("demo/observations.csv",
						() -> new ClassPathResource(DEMO).getInputStream());
				logger.info("Demo data loaded: {} observations", report.rowsInserted());
			}
			catch (RuntimeException ex) {
				logger.error("The demo data set could not be loaded: {}", ex.getMessage(), ex);
			}
		}
		if (this.properties.demo() && !this.jdbc.fetchExists(REGION_GEOMETRY)) {
			loadBoundaries();
		}
		Path dir = bootstrapDir(this.properties.bootstrapDir());
		if (dir != null && !args.containsOption("no-bootstrap") && !args.getNonOptionArgs().contains("import")) {
			Schedulers.boundedElastic().schedule(() -> this.bootstrapReports.set(bootstrap(dir)));
		}
	}

	/**
	 * The province and arbeidsmarktregio boundaries shipped as reference data
	 * ({@code data/geo/}, CBS/PDOK, CC BY 4.0), so the map shows real choropleths without
	 * {@code shared/data}.
	 */
	void loadBoundaries() {
		for (String name : BOUNDARIES) {
			try {
				ImportReport report = this.importer.run(name, ImportFormat.GEOJSON, null,
						() -> new ClassPathResource("data/geo/" + name).getInputStream());
				logger.info("Boundaries loaded from data/geo/{}: {} shapes", name, report.rowsRead());
			}
			catch (RuntimeException ex) {
				logger.error("The boundaries data/geo/{} could not be loaded: {}", name, ex.getMessage(), ex);
			}
		}
	}

	/** The boundary files in {@code data/geo/}. */
	static final List<String> BOUNDARIES = List.of("provincie_2023_wgs84.geojson",
			"arbeidsmarktregio_2024_wgs84.geojson");

	static Path bootstrapDir(String setting) {
		if (setting.equalsIgnoreCase("off") || setting.equalsIgnoreCase("none") || setting.equalsIgnoreCase("false")) {
			return null;
		}
		if (!setting.equalsIgnoreCase("auto")) {
			Path dir = Path.of(setting);
			return Files.isDirectory(dir) ? dir : null;
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("shared/data");
			if (Files.isDirectory(candidate.resolve("cbs"))) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * The real files: first the reference files of {@code data/reference.yaml} (region
	 * list, boundaries), then the {@code bootstrap} files of every mapping, each
	 * mapping's oldest vintage first (the 2020 OData dump of 83599NED before its 2025
	 * CSV), so the newest vintage is current.
	 */
	public static List<String> bootstrapFiles(MappingRegistry mappings) {
		List<String> files = new ArrayList<>(ReferenceFiles.load().bootstrap());
		mappings.all().forEach((mapping) -> files.addAll(mapping.bootstrap()));
		return List.copyOf(files);
	}

	/**
	 * Imports the bootstrap files found in the folder that the store does not hold yet
	 * (by checksum), as the bootstrap's ({@link ImportOptions#seed()}): a file of a table
	 * the store holds a current import of that the bootstrap did not make (a user's
	 * upload, at this start or an earlier one) is skipped, so the bootstrap never writes
	 * a shared file over it.
	 * @param dir the bootstrap folder
	 * @return the reports of the files imported
	 */
	List<ImportReport> bootstrap(Path dir) {
		List<ImportReport> reports = new ArrayList<>();
		Map<String, LocalDate> editions = ReferenceFiles.load().editions();
		for (String name : bootstrapFiles(this.importer.mappings())) {
			Path file = dir.resolve(name);
			if (!Files.exists(file)) {
				continue;
			}
			try {
				if (this.importer.alreadyImported(file)) {
					continue;
				}
				// the shared files are known downloads, several of them cut off at 10,000
				// records
				// (shared/data/SOURCES.md): imported as they are, and marked incomplete
				// a region edition is dated by data/reference.yaml, not by the day of
				// the first start
				String other = this.importer.importedByOthers(this.importer.tableId(file.getFileName().toString()));
				if (other != null) {
					logger.info("Bootstrap skips {}: {} wrote its table, and the bootstrap does not write over it",
							file, other);
					continue;
				}
				ImportReport report = this.importer.importFile(file, null, null,
						ImportOptions.NONE.allowingIncomplete(true).withValidFrom(editions.get(name)).asSeed(), null);
				if (!report.complete()) {
					logger.warn("Bootstrap import of {} is INCOMPLETE: {}", file, report.incompleteReason());
				}
				reports.add(report);
			}
			catch (RuntimeException ex) {
				logger.warn("Bootstrap import of {} failed: {}", file, ex.getMessage());
			}
		}
		return reports;
	}

}
