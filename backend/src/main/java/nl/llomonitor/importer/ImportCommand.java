package nl.llomonitor.importer;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The command line: {@code java -jar llo-monitor.jar import <path-or-table-id>...
 * [--format=cbs-csv] [--table=83599NED] [--odata=4] [--generic] [--skip-unknown-regions]}.
 * A path is imported from disk (a file, or a folder of saved OData responses); a CBS
 * table id is fetched from the live OData API. Shows a progress bar and a summary, then
 * exits (1 when an import failed). Without the {@code import} argument this does nothing
 * and the app serves as usual.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ImportCommand implements ApplicationRunner {

	private final ImportService importer;

	private final ConfigurableApplicationContext context;

	ImportCommand(ImportService importer, ConfigurableApplicationContext context) {
		this.importer = importer;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> words = args.getNonOptionArgs();
		if (words.isEmpty() || !words.get(0).equals("import")) {
			return;
		}
		String format = first(args, "format");
		String table = first(args, "table");
		boolean v4 = "4".equals(first(args, "odata"));
		String published = first(args, "published");
		boolean allowIncomplete = args.containsOption("allow-incomplete")
				&& !"false".equals(first(args, "allow-incomplete"));
		boolean generic = args.containsOption("generic");
		boolean skipUnknownRegions = args.containsOption("skip-unknown-regions");
		this.validFrom = first(args, "valid-from");
		int code = execute(words.subList(1, words.size()), format, table, published, v4, generic, skipUnknownRegions,
				allowIncomplete, System.out, System.err);
		System.exit(SpringApplication.exit(this.context, () -> code));
	}

	/** {@code --valid-from}: the date from which a region edition is valid. */
	String validFrom;

	private java.time.LocalDate validFrom(String target) {
		if (this.validFrom == null) {
			return null;
		}
		try {
			return java.time.LocalDate.parse(this.validFrom.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new ImportException(target, null, "valid-from", this.validFrom, "a date such as 2025-01-01",
					"invalid date");
		}
	}

	private static String first(ApplicationArguments args, String name) {
		List<String> values = args.getOptionValues(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/**
	 * @param published when the source published the files ({@code 2020-08-14}), or null
	 */
	int execute(List<String> targets, String format, String table, String published, boolean v4, PrintStream out,
			PrintStream err) {
		return execute(targets, format, table, published, v4, false, false, false, out, err);
	}

	/**
	 * @param published when the source published the files ({@code 2020-08-14}), or null
	 * @param allowIncomplete whether a file or response that is probably cut off is
	 * imported (marked incomplete) instead of refused
	 */
	int execute(List<String> targets, String format, String table, String published, boolean v4,
			boolean allowIncomplete, PrintStream out, PrintStream err) {
		return execute(targets, format, table, published, v4, false, false, allowIncomplete, out, err);
	}

	/**
	 * @param generic import the table's own measures even where a mapping file exists
	 * ({@code --generic})
	 * @param skipUnknownRegions skip and count rows of regions the store does not know
	 * ({@code --skip-unknown-regions})
	 */
	int execute(List<String> targets, String format, String table, String published, boolean v4, boolean generic,
			boolean skipUnknownRegions, PrintStream out, PrintStream err) {
		return execute(targets, format, table, published, v4, generic, skipUnknownRegions, false, out, err);
	}

	/**
	 * @param generic import the table's own measures even where a mapping file exists
	 * ({@code --generic})
	 * @param skipUnknownRegions skip and count rows of regions the store does not know
	 * ({@code --skip-unknown-regions})
	 * @param allowIncomplete whether a file or response that is probably cut off is
	 * imported (marked incomplete) instead of refused ({@code --allow-incomplete})
	 */
	int execute(List<String> targets, String format, String table, String published, boolean v4, boolean generic,
			boolean skipUnknownRegions, boolean allowIncomplete, PrintStream out, PrintStream err) {
		if (targets.isEmpty()) {
			err.println("usage: import <file|folder|CBS table id>... [--format=cbs-csv] [--table=83599NED] "
					+ "[--published=2020-08-14] [--valid-from=2025-01-01] [--odata=4] [--generic] [--skip-unknown-regions]"
					+ " [--allow-incomplete]");
			return 2;
		}
		int failures = 0;
		for (String target : targets) {
			long started = System.nanoTime();
			try {
				ImportReport report;
				Path path = Path.of(target);
				if (Files.exists(path)) {
					long size = Files.isRegularFile(path) ? Files.size(path) : 0;
					report = this.importer.importFile(path, (format != null) ? ImportFormat.fromCode(format) : null,
							table, new ImportOptions(Publication.given(published, target), generic, skipUnknownRegions,
									allowIncomplete, validFrom(target)),
							new ProgressBar(err, target, size));
				}
				else if (target.matches("[0-9]{5}[A-Za-z]{3}") && published != null) {
					throw new ImportException(target, null, "published", published,
							"--published only with a file or folder (an older download)",
							"a live fetch is always the current publication");
				}
				else if (target.matches("[0-9]{5}[A-Za-z]{3}")) {
					err.println("Fetching " + target + " from the CBS OData " + (v4 ? "v4" : "v3") + " API ...");
					report = this.importer.fetchTable(target, v4,
							new ImportOptions(null, generic, skipUnknownRegions, allowIncomplete));
				}
				else {
					throw new ImportException(target, null, null, target,
							"an existing file or folder, or a CBS table id", "not found");
				}
				err.println();
				out.println(summary(report, (System.nanoTime() - started) / 1_000_000));
				if (!report.complete()) {
					err.println("!!! INCOMPLETE " + report.fileName() + ": " + report.incompleteReason()
							+ " (imported because --allow-incomplete was given; import run " + report.id()
							+ " is marked incomplete)");
				}
			}
			catch (ImportException ex) {
				err.println();
				err.println("FAILED " + ex.getMessage());
				failures++;
			}
			catch (IllegalArgumentException | java.io.IOException ex) {
				err.println("FAILED " + target + ": " + ex.getMessage());
				failures++;
			}
		}
		return (failures > 0) ? 1 : 0;
	}

	static String summary(ImportReport r, long millis) {
		StringBuilder s = new StringBuilder();
		s.append(String.format(Locale.ROOT, "%s %s (%s, table %s): %,d rows read, %,d written, %,d unchanged in %.1f s",
				r.status().toUpperCase(Locale.ROOT), r.fileName(), r.format(), r.tableId(), r.rowsRead(),
				r.rowsInserted(), r.rowsUnchanged(), millis / 1000.0));
		s.append(String.format(Locale.ROOT, " (%,.0f rows/s), import run %d",
				r.rowsRead() * 1000.0 / Math.max(1, millis), r.id()));
		if (r.dataVersion() != null) {
			s.append(", data version ").append(r.dataVersion());
		}
		if (!r.complete()) {
			s.append("\n  INCOMPLETE: ").append(r.incompleteReason());
		}
		if (r.signs() != null && !r.signs().isEmpty()) {
			s.append("\n  signs: ").append(r.signs());
		}
		if (r.cellsWithdrawn() > 0) {
			s.append(String.format(Locale.ROOT, "\n  withdrawn: %,d published values", r.cellsWithdrawn()));
		}
		for (String warning : r.warnings()) {
			s.append("\n  warning: ").append(warning);
		}
		return s.toString();
	}

	/**
	 * A one-line progress bar on the error stream, redrawn at most every 200 ms.
	 */
	static final class ProgressBar implements LongConsumer {

		private final PrintStream err;

		private final String name;

		private final long size;

		private long lastDraw;

		ProgressBar(PrintStream err, String name, long size) {
			this.err = err;
			this.name = name;
			this.size = size;
		}

		@Override
		public void accept(long bytes) {
			long now = System.nanoTime();
			if (now - this.lastDraw < 200_000_000L && bytes < this.size) {
				return;
			}
			this.lastDraw = now;
			if (this.size > 0) {
				int percent = (int) Math.min(100, bytes * 100 / this.size);
				String bar = "#".repeat(percent / 4) + " ".repeat(25 - percent / 4);
				this.err.printf(Locale.ROOT, "\r%s [%s] %3d%% %,d / %,d bytes", this.name, bar, percent, bytes,
						this.size);
			}
			else {
				this.err.printf(Locale.ROOT, "\r%s %,d bytes", this.name, bytes);
			}
		}

	}

}
