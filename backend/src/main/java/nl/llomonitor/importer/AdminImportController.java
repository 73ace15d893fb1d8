package nl.llomonitor.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import nl.llomonitor.api.ApiException;
import nl.llomonitor.importer.store.ImportGate;
import nl.llomonitor.importer.store.ImportHistory;
import nl.llomonitor.importer.store.ImportLock;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/imports}: upload a file (multipart {@code file}, optional
 * {@code format}, {@code tableId}, {@code published}, {@code generic=true},
 * {@code skipUnknownRegions=true}, {@code allowIncomplete=true} and {@code validFrom},
 * see {@link ImportOptions}) and import it. Protected by the bearer token in
 * {@code LLO_ADMIN_TOKEN} (401 without a token, 403 with a wrong one or when no token is
 * configured); at most 30 a minute (429). Imports run one at a time on the import thread
 * of {@link ImportGate}, never on the event loop; {@code GET} shows running, queued and
 * past imports.
 */
@RestController
public class AdminImportController {

	private static final int PER_MINUTE = 30;

	private final ImportService importer;

	private final byte[] token;

	/**
	 * Prefix of the temporary folders of uploads (deleted at start and after each
	 * import); the full prefix is {@code llo-upload-<pid>-}, the process that receives
	 * it, so the next start knows the folders of a killed app.
	 */
	public static final String UPLOAD_PREFIX = "llo-upload";

	private final ImportGate gate;

	private final ImportHistory history;

	private final Clock clock;

	private final AtomicLong window = new AtomicLong();

	private final AtomicLong count = new AtomicLong();

	AdminImportController(ImportService importer, ImportGate gate, ImportHistory history,
			@Value("${llo.admin.token:${LLO_ADMIN_TOKEN:}}") String token) {
		this.importer = importer;
		this.gate = gate;
		this.history = history;
		this.token = (token == null || token.isBlank()) ? null : token.strip().getBytes(StandardCharsets.UTF_8);
		this.clock = Clock.systemUTC();
	}

	@PostMapping(path = "/api/admin/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ImportReport> upload(@RequestHeader(name = "Authorization", required = false) String authorization,
			@RequestPart("file") Mono<FilePart> file, @RequestPart(name = "format", required = false) String format,
			@RequestPart(name = "tableId", required = false) String tableId,
			@RequestPart(name = "published", required = false) String published,
			@RequestPart(name = "allowIncomplete", required = false) String allowIncomplete,
			@RequestPart(name = "generic", required = false) String generic,
			@RequestPart(name = "skipUnknownRegions", required = false) String skipUnknownRegions,
			@RequestPart(name = "validFrom", required = false) String validFrom) {
		authorize(authorization);
		limitRate();
		ImportFormat chosen = parseFormat(format);
		ImportOptions options = new ImportOptions(parsePublished(published), Boolean.parseBoolean(generic),
				Boolean.parseBoolean(skipUnknownRegions), parseAllowIncomplete(allowIncomplete),
				parseValidFrom(validFrom));
		return file.switchIfEmpty(Mono.error(() -> ApiException.invalidParameter("file", "Part 'file' is missing.")))
			.flatMap((part) -> Mono
				.fromCallable(
						() -> Files.createTempDirectory(UPLOAD_PREFIX + "-" + ProcessHandle.current().pid() + "-"))
				.subscribeOn(Schedulers.boundedElastic())
				.flatMap((dir) -> {
					Path target = dir.resolve(safeName(part.filename()));
					Runnable cleanup = () -> delete(dir);
					// a client that goes away during the upload: the file goes at once
					return part.transferTo(target)
						.doOnCancel(() -> Schedulers.boundedElastic().schedule(cleanup))
						.onErrorResume((ex) -> Mono.fromRunnable(cleanup)
							.subscribeOn(Schedulers.boundedElastic())
							.then(Mono.error(ex)))
						// queued, one at a time: cancelled cleanly while it waits,
						// never interrupted once started; the file goes after it
						.then(this.gate.submit(target.getFileName().toString(),
								() -> this.importer.importFile(target, chosen, tableId, options, null), cleanup));
				}))
			.onErrorMap(ImportException.class,
					(ex) -> new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "import-failed", ex.getMessage(),
							"file"))
			.onErrorMap(ImportLock.ImportBusyException.class, (ex) -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
					"import-busy", ex.getMessage(), null, Duration.ofSeconds(30)));
	}

	/**
	 * {@code GET /api/admin/imports}: what runs now and what ran. {@code instance}: this
	 * instance's running and queued imports and its last ones; {@code database}: every
	 * import transaction on the database, from any instance, with its state and age (an
	 * import that holds the lock while idle in its transaction is stuck);
	 * {@code history}: the last 50 rows of {@code import_run}, failed ones included.
	 * @param authorization the bearer token
	 * @return the state, as JSON
	 */
	@GetMapping(path = "/api/admin/imports", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<Map<String, Object>> imports(@RequestHeader(name = "Authorization", required = false) String authorization) {
		authorize(authorization);
		return this.history.describe(this.gate.state());
	}

	private static boolean parseAllowIncomplete(String value) {
		if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("false")) {
			return false;
		}
		if (value.strip().equalsIgnoreCase("true")) {
			return true;
		}
		throw ApiException.invalidParameter("allowIncomplete",
				"Part 'allowIncomplete' must be true (import a probably cut-off file, marked incomplete) or false.");
	}

	private static java.time.LocalDate parseValidFrom(String validFrom) {
		if (validFrom == null || validFrom.isBlank()) {
			return null;
		}
		try {
			return java.time.LocalDate.parse(validFrom.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw ApiException.invalidParameter("validFrom",
					"Part 'validFrom' must be the date from which a region edition is valid, such as 2025-01-01.");
		}
	}

	private static OffsetDateTime parsePublished(String published) {
		try {
			return Publication.given(published, "published");
		}
		catch (ImportException ex) {
			throw ApiException.invalidParameter("published",
					"Part 'published' must be the publication date of the file, such as 2020-08-14, not in the future.");
		}
	}

	private void authorize(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				|| authorization.substring(7).isBlank()) {
			throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized",
					"This endpoint needs 'Authorization: Bearer <token>'.", null);
		}
		byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
		if (this.token == null || !MessageDigest.isEqual(this.token, given)) {
			throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "The token is not valid for this endpoint.",
					null);
		}
	}

	private void limitRate() {
		long minute = this.clock.millis() / 60_000;
		if (this.window.getAndSet(minute) != minute) {
			this.count.set(0);
		}
		if (this.count.incrementAndGet() > PER_MINUTE) {
			throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
					"At most " + PER_MINUTE + " imports a minute; try again later.", null);
		}
	}

	private static ImportFormat parseFormat(String format) {
		if (format == null || format.isBlank()) {
			return null;
		}
		try {
			return ImportFormat.fromCode(format.strip());
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalidParameter("format", ex.getMessage() + "; one of cbs-csv, cbs-v4-csv, cbs-odata3,"
					+ " cbs-odata4, eurostat-tsv, regions, geojson, demo.");
		}
	}

	static String safeName(String name) {
		String base = (name == null) ? "upload" : Path.of(name.replace('\\', '/')).getFileName().toString();
		String cleaned = base.replaceAll("[^A-Za-z0-9._-]", "_");
		return (cleaned.isEmpty() || cleaned.startsWith(".")) ? "upload" + cleaned : cleaned;
	}

	private static void delete(Path dir) {
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach((p) -> {
				try {
					Files.deleteIfExists(p);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			// a temporary file left behind is harmless
		}
	}

}
