package nl.llomonitor.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import nl.llomonitor.api.ApiException;
import nl.llomonitor.importer.store.ImportGate;
import nl.llomonitor.importer.store.ImportHistory;
import nl.llomonitor.importer.store.ImportLock;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Service;

/**
 * Imports an uploaded file: writes it to a temporary folder named
 * {@link AdminImportController#UPLOAD_PREFIX}{@code -<pid>-}, queues the import on the
 * import thread of {@link ImportGate} (one at a time, never on the event loop) and
 * deletes the folder after it, or at once when the client goes away during the upload.
 * Errors: 400 {@code invalid-parameter} without a file part, 422 {@code import-failed}
 * for a file that does not import, 503 {@code import-busy} (retry after 30 s) when
 * another instance holds the import lock.
 */
@Service
record Uploads(ImportService importer, ImportGate gate, ImportHistory history) {

	/**
	 * @param file the part {@code file}
	 * @param format the format, or {@code null} to recognise it
	 * @param tableId the table id, or {@code null} to take it from the file
	 * @param options the options of the import
	 * @return the report of the import, once it has committed
	 */
	Mono<ImportReport> importFile(Mono<FilePart> file, ImportFormat format, String tableId, ImportOptions options) {
		return file.switchIfEmpty(Mono.error(() -> ApiException.invalidParameter("file", "Part 'file' is missing.")))
			.flatMap((part) -> Mono
				.fromCallable(() -> Files.createTempDirectory(
						AdminImportController.UPLOAD_PREFIX + "-" + ProcessHandle.current().pid() + "-"))
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
								() -> this.importer.importFile(target, format, tableId, options, null), cleanup));
				}))
			.onErrorMap(ImportException.class,
					(ex) -> new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "import-failed", ex.getMessage(),
							"file"))
			.onErrorMap(ImportLock.ImportBusyException.class, (ex) -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
					"import-busy", ex.getMessage(), null, Duration.ofSeconds(30)));
	}

	/**
	 * @return this instance's running, queued and last imports, every import transaction
	 * on the database and the last runs (see {@link ImportHistory#describe})
	 */
	Mono<Map<String, Object>> state() {
		return this.history.describe(this.gate.state());
	}

	/**
	 * The upload's file name without folders, reduced to {@code [A-Za-z0-9._-]}; never
	 * hidden, never empty.
	 */
	static String safeName(String name) {
		String base = (name == null) ? "upload" : Path.of(name.replace('\\', '/')).getFileName().toString();
		String cleaned = base.replaceAll("[^A-Za-z0-9._-]", "_");
		return (cleaned.isEmpty() || cleaned.startsWith(".")) ? "upload" + cleaned : cleaned;
	}

	/**
	 * Deletes a folder and what it holds; a file left behind is harmless.
	 * @param dir the folder, or null
	 */
	static void delete(Path dir) {
		if (dir == null) {
			return;
		}
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
