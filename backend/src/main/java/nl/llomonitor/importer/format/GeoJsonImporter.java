package nl.llomonitor.importer.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
		try (JsonParser parser = this.json.createParser(in)) {
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
