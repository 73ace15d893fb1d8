package nl.llomonitor.importer;

import nl.llomonitor.api.ApiException;
import nl.llomonitor.importer.catalog.MappingService;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/mappings}: upload a mapping file (the YAML as the request body,
 * format in {@code data/mappings/README.md}). It is kept in the store, takes effect at
 * once without a restart, and the stored data of its table are re-mapped in the same
 * step; answers the table id and the re-map report, or 422 {@code import-failed} naming
 * what does not fit (nothing changes then). {@code DELETE /api/admin/mappings/{table}}
 * removes an upload (204, or a 404 {@code not-found} problem when there is none).
 * {@code GET /api/admin/mappings} lists the mappings in force and the external files left
 * out. Guarded like every admin path (bearer token, {@code LLO_ADMIN_TOKEN}).
 */
@RestController
record AdminMappingController(MappingService mappings) {

	@PostMapping(path = "/api/admin/mappings", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<MappingService.Uploaded> upload(@RequestBody Mono<byte[]> body,
			@RequestParam(name = "name", required = false) String name) {
		return body.switchIfEmpty(Mono.error(() -> ApiException.invalidParameter("body", "The mapping file is empty.")))
			.flatMap((bytes) -> Mono
				.fromCallable(() -> this.mappings.upload(bytes, (name != null) ? name : "uploaded mapping"))
				.subscribeOn(Schedulers.boundedElastic()))
			.onErrorMap(ImportException.class, (ex) -> new ApiException(HttpStatus.UNPROCESSABLE_CONTENT,
					"import-failed", ex.getMessage(), "body"));
	}

	@DeleteMapping(path = "/api/admin/mappings/{table}")
	Mono<ResponseEntity<Void>> remove(@PathVariable String table) {
		return Mono.fromCallable(() -> this.mappings.remove(table))
			.subscribeOn(Schedulers.boundedElastic())
			.map((removed) -> {
				if (!removed) {
					throw ApiException.notFound("No uploaded mapping of table '" + table + "'.");
				}
				return ResponseEntity.noContent().<Void>build();
			});
	}

	@GetMapping(path = "/api/admin/mappings", produces = MediaType.APPLICATION_JSON_VALUE)
	MappingService.Listing list() {
		return this.mappings.listing();
	}

}
