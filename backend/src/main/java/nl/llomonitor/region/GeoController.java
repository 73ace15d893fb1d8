package nl.llomonitor.region;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.llomonitor.api.ApiException;
import nl.llomonitor.api.Lang;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Region boundaries as GeoJSON, for the choropleth map.
 */
@RestController
@Tag(name = "map")
record GeoController(GeoService boundaries) {

	static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	@GetMapping("/api/v1/geo/{level}")
	@Operation(
			summary = "GeoJSON FeatureCollection of one level (provincie, arbeidsmarktregio); properties code and name. "
					+ "Empty when no boundaries of that level are loaded; 404 for an unknown level")
	Mono<ResponseEntity<String>> geo(@PathVariable String level, Lang language) {
		if (!level.matches("[a-z]{2,20}")) {
			throw ApiException.invalidParameter("level", "Unknown level '" + level + "'.");
		}
		// cached like every answer of /api/v1 (ApiCacheFilter): revalidated before
		// each use, so boundaries imported later reach a page that saw none
		return this.boundaries.boundaries(level, language)
			.map((json) -> ResponseEntity.ok().contentType(GEO_JSON).body(json));
	}

}
