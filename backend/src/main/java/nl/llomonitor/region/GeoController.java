package nl.llomonitor.region;

import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.llomonitor.api.ApiException;
import nl.llomonitor.api.Lang;
import nl.llomonitor.system.Queries;
import org.jooq.DSLContext;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import static nl.llomonitor.db.Tables.REGION;
import static nl.llomonitor.db.Tables.REGION_GEOMETRY;

/**
 * Region boundaries as GeoJSON, for the choropleth map.
 */
@RestController
@Tag(name = "map")
class GeoController {

	static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	private final DSLContext dsl;

	private final ObjectMapper mapper;

	private final RegionCatalog regions;

	GeoController(DSLContext dsl, ObjectMapper mapper, RegionCatalog regions) {
		this.dsl = dsl;
		this.mapper = mapper;
		this.regions = regions;
	}

	@GetMapping("/api/v1/geo/{level}")
	@Operation(
			summary = "GeoJSON FeatureCollection of one level (provincie, arbeidsmarktregio); properties code and name. "
					+ "Empty when no boundaries of that level are loaded; 404 for an unknown level")
	Mono<ResponseEntity<String>> geo(@PathVariable String level, @RequestParam(required = false) String lang,
			ServerWebExchange exchange) {
		Lang language = Lang.resolve(lang, exchange);
		if (!level.matches("[a-z]{2,20}")) {
			throw ApiException.invalidParameter("level", "Unknown level '" + level + "'.");
		}
		return this.regions.snapshot().flatMap((snapshot) -> {
			if (!snapshot.levels().contains(level)) {
				throw ApiException.notFound("Unknown level '" + level + "'.");
			}
			return boundaries(level, language);
		});
	}

	/**
	 * The newest edition of each region's boundary. A level without boundaries in the
	 * store (the demo data set has none) gives an empty collection: the dashboard then
	 * shows the figures as bars.
	 */
	private Mono<ResponseEntity<String>> boundaries(String level, Lang language) {
		return Queries
			.flux(this.dsl
				.selectDistinct(REGION_GEOMETRY.REGION_CODE, REGION.NAME_NL, REGION.NAME_EN, REGION_GEOMETRY.EDITION,
						REGION_GEOMETRY.GEOJSON)
				.on(REGION_GEOMETRY.REGION_CODE)
				.from(REGION_GEOMETRY)
				.join(REGION)
				.on(REGION.CODE.eq(REGION_GEOMETRY.REGION_CODE))
				.where(REGION.LEVEL.eq(level))
				.orderBy(REGION_GEOMETRY.REGION_CODE, REGION_GEOMETRY.EDITION.desc()))
			.collectList()
			.map((rows) -> {
				ObjectNode collection = this.mapper.createObjectNode();
				collection.put("type", "FeatureCollection");
				ArrayNode features = collection.putArray("features");
				for (var row : rows) {
					ObjectNode feature = features.addObject();
					feature.put("type", "Feature");
					feature.put("id", row.value1());
					ObjectNode properties = feature.putObject("properties");
					properties.put("code", row.value1());
					properties.put("name", language.pick(row.value2(), row.value3()));
					properties.put("edition", row.value4());
					feature.set("geometry", this.mapper.readTree(row.value5().data()));
				}
				ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(GEO_JSON);
				if (rows.isEmpty()) {
					// boundaries may be imported any moment: no day-long cache of "none"
					ok.cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic());
				}
				return ok.body(this.mapper.writeValueAsString(collection));
			});
	}

}
