package nl.llomonitor.importer.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import nl.llomonitor.importer.ImportException;
import nl.llomonitor.importer.ImportReport;
import nl.llomonitor.importer.ImportService;
import nl.llomonitor.system.DatabaseConfiguration;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * Mapping files outside the jar, which take effect without a rebuild or restart: those in
 * the folder {@code llo.mappings.dir} ({@code LLO_MAPPINGS_DIR}; {@code *.yaml},
 * {@code *.yml}), and those uploaded through {@code POST /api/admin/mappings}, kept in
 * the table {@code mapping_file} (they override the folder, which overrides the jar).
 * Both are polled every {@code llo.mappings.poll} (default 2 s; {@code 0} turns polling
 * off), so an upload through one instance reaches the others. When the mapping of a table
 * is added or changed, what the store holds of that table is re-mapped at once
 * ({@link ImportService#remap}). A file that cannot be read or does not fit the catalog
 * is left out, with its error in {@link #errors()} and the log.
 */
@Service
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class MappingService implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(MappingService.class);

	private final ImportService importer;

	private final DSLContext jdbc;

	private final Path dir;

	private final Duration poll;

	private volatile Map<String, String> errors = Map.of();

	private volatile String fingerprint = "";

	private ScheduledExecutorService scheduler;

	private volatile boolean stopping;

	MappingService(ImportService importer, @Qualifier(DatabaseConfiguration.JDBC_DSL) DSLContext jdbc,
			@Value("${llo.mappings.dir:${LLO_MAPPINGS_DIR:}}") String dir,
			@Value("${llo.mappings.poll:2s}") Duration poll) {
		this.importer = importer;
		this.jdbc = jdbc;
		this.dir = (dir == null || dir.isBlank()) ? null : Path.of(dir.strip());
		this.poll = poll;
	}

	@Override
	public void run(ApplicationArguments args) {
		reload();
		// polled also without a folder: an upload through another instance reaches this
		// one through the table mapping_file
		if (!this.poll.isZero()) {
			this.scheduler = Executors.newSingleThreadScheduledExecutor((r) -> {
				Thread thread = new Thread(r, "llo-mappings");
				thread.setDaemon(true);
				return thread;
			});
			this.scheduler.scheduleWithFixedDelay(this::reloadIfChanged, this.poll.toMillis(), this.poll.toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	@PreDestroy
	void stop() {
		this.stopping = true;
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
		}
	}

	/**
	 * @return the external mapping files left out, by file name, with their errors
	 */
	public Map<String, String> errors() {
		return this.errors;
	}

	/**
	 * What {@code GET /api/admin/mappings} lists.
	 *
	 * @param tables the tables with a mapping in force, sorted
	 * @param leftOut the external mapping files left out, by file name, with their errors
	 */
	public record Listing(java.util.List<String> tables, Map<String, String> leftOut) {
	}

	/**
	 * @return the mappings in force and the external files left out
	 */
	public Listing listing() {
		return new Listing(this.importer.mappings().all().stream().map(TableMapping::table).sorted().toList(),
				this.errors);
	}

	void reloadIfChanged() {
		try {
			if (!fingerprint().equals(this.fingerprint)) {
				reload();
			}
		}
		catch (RuntimeException ex) {
			// the folder is read without throwing (files() logs its own errors): what
			// failed
			// is the look-up of the uploads in the database, gone while the app stops
			if (this.stopping) {
				logger.debug("Mappings not checked while stopping: {}", ex.getMessage());
			}
			else {
				logger.warn("Mappings could not be checked for changes{}: {}",
						(this.dir != null) ? " (folder " + this.dir + " and uploads)" : " (uploads)", ex.getMessage());
			}
		}
	}

	private String fingerprint() {
		StringBuilder f = new StringBuilder();
		for (Path file : files()) {
			try {
				f.append(file)
					.append(':')
					.append(Files.getLastModifiedTime(file).toMillis())
					.append(':')
					.append(Files.size(file))
					.append('\n');
			}
			catch (IOException ex) {
				f.append(file).append(":gone\n");
			}
		}
		f.append(this.jdbc.fetchValue("select coalesce(max(uploaded_at)::text, '') || count(*) from mapping_file"));
		return f.toString();
	}

	private List<Path> files() {
		if (this.dir == null || !Files.isDirectory(this.dir)) {
			return List.of();
		}
		try (Stream<Path> list = Files.list(this.dir)) {
			return list.filter((p) -> p.getFileName().toString().matches("(?i).*\\.ya?ml") && Files.isRegularFile(p))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			logger.warn("Mapping folder {} could not be read: {}", this.dir, ex.getMessage());
			return List.of();
		}
	}

	/**
	 * Reads the folder and the uploads again, and re-maps the stored data of every table
	 * whose mapping changed.
	 * @return the re-map reports (tables without generic data in the store have none)
	 */
	public synchronized List<ImportReport> reload() {
		this.fingerprint = fingerprint();
		Map<String, TableMapping> external = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		Map<String, String> failed = new LinkedHashMap<>();
		for (Path file : files()) {
			try {
				TableMapping mapping = MappingRegistry.parse(Files.readAllBytes(file), file.getFileName().toString());
				MappingRegistry.check(mapping, this.importer.mappings().catalog());
				external.put(mapping.table(), mapping);
			}
			catch (IOException | RuntimeException ex) {
				failed.put(file.getFileName().toString(), ex.getMessage());
				logger.error("Mapping file {} left out: {}", file, ex.getMessage());
			}
		}
		this.jdbc.fetch("select table_id, content from mapping_file order by table_id").forEach((r) -> {
			String name = r.get(0, String.class) + " (uploaded)";
			try {
				TableMapping mapping = MappingRegistry.parse(r.get(1, String.class).getBytes(), name);
				MappingRegistry.check(mapping, this.importer.mappings().catalog());
				external.put(mapping.table(), mapping);
			}
			catch (RuntimeException ex) {
				failed.put(name, ex.getMessage());
				logger.error("Mapping {} left out: {}", name, ex.getMessage());
			}
		});
		Set<String> changed = this.importer.mappings().replaceExternal(external);
		List<ImportReport> reports = new ArrayList<>();
		for (String table : changed) {
			if (this.importer.mappings().find(table) == null) {
				continue;
			}
			try {
				ImportReport report = this.importer.remap(table);
				if (report != null) {
					reports.add(report);
				}
			}
			catch (ImportException ex) {
				failed.put(table.toUpperCase(java.util.Locale.ROOT), ex.getMessage());
				logger.error("Mapping of {} does not fit the stored table: {}", table, ex.getMessage());
			}
		}
		this.errors = Map.copyOf(failed);
		if (!changed.isEmpty()) {
			logger.info("Mappings reloaded: {} changed, {} re-mapped, {} left out", changed, reports.size(),
					failed.size());
		}
		return reports;
	}

	/**
	 * Stores an uploaded mapping file and applies it: the stored data of its table are
	 * re-mapped in the same step. A mapping that cannot be read, does not fit the catalog
	 * or does not fit the stored table is refused, and nothing changes.
	 * @param yaml the file's bytes
	 * @param name its file name, for errors
	 * @return the mapping's table id and the re-map report (null when the store holds no
	 * generic data of the table yet: the mapping then applies to its next import)
	 * @throws ImportException when the mapping is refused
	 */
	public synchronized Uploaded upload(byte[] yaml, String name) {
		TableMapping mapping;
		try {
			mapping = MappingRegistry.parse(yaml, name);
			MappingRegistry.check(mapping, this.importer.mappings().catalog());
		}
		catch (RuntimeException ex) {
			throw new ImportException(name, null, null, null, "a mapping file as described in data/mappings/README.md",
					ex.getMessage());
		}
		String table = mapping.table().strip().toUpperCase(java.util.Locale.ROOT);
		String previous = this.jdbc.fetchValue("select content from mapping_file where table_id = ?",
				table) instanceof String s ? s : null;
		this.jdbc.execute("""
				insert into mapping_file (table_id, content) values (?, ?)
				on conflict (table_id) do update set content = excluded.content, uploaded_at = now()""", table,
				new String(yaml, java.nio.charset.StandardCharsets.UTF_8));
		List<ImportReport> reports = reload();
		String error = this.errors.get(table);
		if (error != null) {
			// refused: put back what was there
			if (previous != null) {
				this.jdbc.execute("update mapping_file set content = ? where table_id = ?", previous, table);
			}
			else {
				this.jdbc.execute("delete from mapping_file where table_id = ?", table);
			}
			reload();
			throw new ImportException(name, null, null, table, "a mapping that fits the stored table", error);
		}
		ImportReport report = reports.stream()
			.filter((r) -> table.equalsIgnoreCase(r.tableId()))
			.findFirst()
			.orElse(null);
		return new Uploaded(mapping.table(), report);
	}

	/**
	 * Removes an uploaded mapping: the table's mapping is then the one in the folder or
	 * the jar, if any. Values already derived through it stay (as every vintage does).
	 * @param table the table id
	 * @return whether an upload of that table existed
	 */
	public synchronized boolean remove(String table) {
		int deleted = this.jdbc.execute("delete from mapping_file where table_id = upper(?)", table);
		if (deleted > 0) {
			reload();
		}
		return deleted > 0;
	}

	/**
	 * @param table the table id of the mapping
	 * @param remap the re-map of the stored table, or null
	 */
	public record Uploaded(String table, ImportReport remap) {
	}

}
