package nl.llomonitor.importer;

import java.util.Map;

import nl.llomonitor.importer.store.ImportGate;
import reactor.core.publisher.Mono;

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
 * configured); at most 30 a minute (429), see {@link UploadGuard}. Imports run one at a
 * time on the import thread of {@link ImportGate}, never on the event loop
 * ({@link Uploads}); {@code GET} shows running, queued and past imports.
 */
@RestController
public class AdminImportController {

	/**
	 * Prefix of the temporary folders of uploads (deleted at start and after each
	 * import); the full prefix is {@code llo-upload-<pid>-}, the process that receives
	 * it, so the next start knows the folders of a killed app.
	 */
	public static final String UPLOAD_PREFIX = "llo-upload";

	private final UploadGuard guard;

	private final Uploads uploads;

	AdminImportController(UploadGuard guard, Uploads uploads) {
		this.guard = guard;
		this.uploads = uploads;
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
		this.guard.authorize(authorization);
		this.guard.limitRate();
		ImportFormat chosen = UploadParts.format(format);
		ImportOptions options = UploadParts.options(published, generic, skipUnknownRegions, allowIncomplete, validFrom);
		return this.uploads.importFile(file, chosen, tableId, options);
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
		this.guard.authorize(authorization);
		return this.uploads.state();
	}

}
