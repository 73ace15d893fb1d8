package nl.llomonitor.region;

import nl.llomonitor.api.ApiException;
import nl.llomonitor.api.Lang;
import nl.llomonitor.system.Queries;
import org.jooq.DSLContext;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Service;

import static nl.llomonitor.db.Tables.REGION;
import static nl.llomonitor.db.Tables.REGION_GEOMETRY;

/**
 * Region boundaries as a GeoJSON FeatureCollection: the newest edition of each region's
 * boundary, properties {@code code}, {@code name} and {@code edition}.
 */
@Service
record GeoService(DSLContext dsl, ObjectMapper mapper, RegionCatalog regions) {

	/**
	 * @param level a region level, e.g. provincie
	 * @param language language of the names
	 * @return the boundaries as a GeoJSON FeatureCollection, without features when the
	 * store has none of the level (the demo data set has none: the dashboard then shows
	 * the figures as bars); 404 for a level the store does not know
	 */
	Mono<String> boundaries(String level, Lang language) {
		return this.regions.snapshot().flatMap((snapshot) -> {
			if (!snapshot.levels().contains(level)) {
				throw ApiException.notFound("Unknown level '" + level + "'.");
			}
			return read(level, language);
		});
	}

	private Mono<String> read(String level, Lang language) {
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
				return this.mapper.writeValueAsString(collection);
			});
	}

}
