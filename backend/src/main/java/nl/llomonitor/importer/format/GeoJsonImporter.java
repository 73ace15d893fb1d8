package nl.llomonitor.importer.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.llomonitor.importer.ImportFormat;
import nl.llomonitor.importer.ImportJob;
import nl.llomonitor.importer.ReadResult;
import org.jooq.JSONB;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static nl.llomonitor.db.Tables.REGION_GEOMETRY;

/**
 * A GeoJSON FeatureCollection of region shapes (cartomap/PDOK: {@code statcode} PV26 or
 * AM13, {@code jrstatcode} 2023PV26) into {@code region_geometry}, one feature at a time.
 * The edition is the year in {@code jrstatcode}, else in the file name.
 */
public final class GeoJsonImporter implements FormatReader {

	private static final Pattern YEAR = Pattern.compile("(19|20)[0-9]{2}");

	private final JsonMapper json = ImportJson.mapper();

	@Override
	public ReadResult read(InputStream in, ImportJob job) throws IOException {
		ReadResult.Builder found = ReadResult.builder(job);
		Matcher fileYear = YEAR.matcher(job.fileName());
		String fileEdition = fileYear.find() ? fileYear.group() : "current";
		// after the byte order marks, as format detection reads it (Jackson skips one)
		try (JsonParser parser = this.json.createParser(Bom.skip(in))) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw job.error("offset 0", null, null, "a GeoJSON FeatureCollection object", "not a JSON object");
			}
			boolean features = false;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken token = parser.nextToken();
				if (name.equals("features") && token == JsonToken.START_ARRAY) {
					features = true;
					int index = 0;
					while (parser.nextToken() == JsonToken.START_OBJECT) {
						JsonNode feature = parser.readValueAsTree();
						store(feature, index++, fileEdition, job, found);
					}
					if (parser.currentToken() != JsonToken.END_ARRAY) {
						throw job.error("feature " + (index + 1), "features", String.valueOf(parser.currentToken()),
								"an array of GeoJSON Feature objects", "unexpected JSON in the features array");
					}
				}
				else {
					parser.skipChildren();
				}
			}
			if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
				throw job.error(null, null, String.valueOf(parser.currentToken()), "one GeoJSON object",
						"unexpected JSON after the FeatureCollection");
			}
			if (!features) {
				throw job.error(null, "features", null, "a GeoJSON FeatureCollection with a features array",
						"no features");
			}
		}
		catch (JacksonException ex) {
			throw job.error(location(ex), null, null, "complete, valid GeoJSON", ex.getOriginalMessage());
		}
		return found.build();
	}

	/**
	 * Longitude and latitude (WGS 84, as RFC 7946 requires) of the Netherlands, with a
	 * margin: every region this product maps lies inside.
	 */
	static final double MIN_LON = 2.5;

	static final double MAX_LON = 7.6;

	static final double MIN_LAT = 50.5;

	static final double MAX_LAT = 53.9;

	/**
	 * Checks the coordinates of a Polygon or MultiPolygon: each ring of at least four
	 * positions, closed (its last position its first), each position longitude and
	 * latitude inside the Netherlands. A file in the Dutch grid (RD New, EPSG:28992, in
	 * metres: how PDOK serves its boundaries by default) or with latitude first would
	 * otherwise be stored and draw no map, or the wrong one.
	 * @throws nl.llomonitor.importer.ImportException naming the feature, the position and
	 * what was expected
	 */
	private static void checkPolygons(ImportJob job, String where, JsonNode coordinates, boolean multi) {
		if (!coordinates.isArray() || coordinates.isEmpty()) {
			throw job.error(where, "geometry.coordinates", ImportFormat.abbreviate(coordinates.toString()),
					multi ? "an array of polygons" : "an array of rings", "no coordinates");
		}
		if (multi) {
			for (int p = 0; p < coordinates.size(); p++) {
				checkPolygons(job, where + ", polygon " + (p + 1), coordinates.get(p), false);
			}
			return;
		}
		for (int r = 0; r < coordinates.size(); r++) {
			JsonNode ring = coordinates.get(r);
			String at = where + ", ring " + (r + 1);
			if (!ring.isArray() || ring.size() < 4) {
				throw job.error(at, "geometry.coordinates", ImportFormat.abbreviate(ring.toString()),
						"a ring of at least four positions (RFC 7946, 3.1.6)", "not a linear ring");
			}
			for (int i = 0; i < ring.size(); i++) {
				checkPosition(job, at + ", position " + (i + 1), ring.get(i));
			}
			JsonNode first = ring.get(0);
			JsonNode last = ring.get(ring.size() - 1);
			if (first.get(0).asDouble() != last.get(0).asDouble()
					|| first.get(1).asDouble() != last.get(1).asDouble()) {
				throw job.error(at, "geometry.coordinates",
						ImportFormat.abbreviate(ring.get(ring.size() - 1).toString()),
						"the ring's first position " + ring.get(0) + " as its last (RFC 7946, 3.1.6)",
						"ring not closed");
			}
		}
	}

	private static void checkPosition(ImportJob job, String at, JsonNode position) {
		if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
			throw job.error(at, "geometry.coordinates", ImportFormat.abbreviate(position.toString()),
					"a position [longitude, latitude]", "not a position");
		}
		double x = position.get(0).asDouble();
		double y = position.get(1).asDouble();
		if (x >= MIN_LON && x <= MAX_LON && y >= MIN_LAT && y <= MAX_LAT) {
			return;
		}
		String problem;
		if (x >= 0 && x <= 300_000 && y >= 289_000 && y <= 629_000) {
			problem = "coordinates in metres of the Dutch grid (RD New, EPSG:28992), not longitude and latitude;"
					+ " download the WGS 84 (EPSG:4326) version";
		}
		else if (y >= MIN_LON && y <= MAX_LON && x >= MIN_LAT && x <= MAX_LAT) {
			problem = "latitude before longitude; GeoJSON gives longitude first";
		}
		else {
			problem = "a position outside the Netherlands";
		}
		throw job.error(at, "geometry.coordinates", position.toString(),
				"[longitude, latitude] in WGS 84 inside the Netherlands (longitude " + MIN_LON + " to " + MAX_LON
						+ ", latitude " + MIN_LAT + " to " + MAX_LAT + ")",
				problem);
	}

	static String location(JacksonException ex) {
		return (ex.getLocation() != null)
				? "line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() : null;
	}

	private void store(JsonNode feature, int index, String fileEdition, ImportJob job, ReadResult.Builder found) {
		found.row();
		String where = "feature " + (index + 1);
		JsonNode properties = feature.path("properties");
		String code = properties.path("statcode").asString("").strip();
		if (code.isEmpty()) {
			code = feature.path("id").asString("").strip();
		}
		String region = job.regions().byCode(code);
		if (region == null) {
			throw job.error(where, "properties.statcode", code, "a CBS region code such as PV26 or AM13",
					"unknown region");
		}
		JsonNode geometry = feature.path("geometry");
		String type = geometry.path("type").asString("");
		if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
			throw job.error(where, "geometry.type", type, "Polygon or MultiPolygon", "unsupported geometry");
		}
		checkPolygons(job, where, geometry.path("coordinates"), type.equals("MultiPolygon"));
		Matcher year = YEAR.matcher(properties.path("jrstatcode").asString(""));
		String edition = year.find() ? year.group() : fileEdition;
		int changed = job.tx()
			.insertInto(REGION_GEOMETRY)
			.set(REGION_GEOMETRY.REGION_CODE, region)
			.set(REGION_GEOMETRY.EDITION, edition)
			.set(REGION_GEOMETRY.GEOJSON, JSONB.valueOf(geometry.toString()))
			.set(REGION_GEOMETRY.SOURCE, job.fileName())
			.onConflict(REGION_GEOMETRY.REGION_CODE, REGION_GEOMETRY.EDITION)
			.doUpdate()
			.set(REGION_GEOMETRY.GEOJSON, JSONB.valueOf(geometry.toString()))
			.set(REGION_GEOMETRY.SOURCE, job.fileName())
			.where(REGION_GEOMETRY.GEOJSON.ne(JSONB.valueOf(geometry.toString())))
			.execute();
		found.rows(0, (changed > 0) ? 1 : 0, (changed > 0) ? 0 : 1);
	}

}
