package nl.llomonitor.observation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.llomonitor.api.Csv;
import nl.llomonitor.cube.Status;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

import org.springframework.core.ResolvableType;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.http.codec.HttpMessageWriter;

/**
 * Writes a {@link Dataset} as JSON (the endpoint's own answer), CSV (attribution
 * comments, one row per cell, text neutralised against formula injection) or JSON-stat
 * 2.0, by the media type content negotiation chose.
 */
class DatasetWriter implements HttpMessageWriter<Dataset<?>> {

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	static final MediaType JSONSTAT = MediaType.parseMediaType("application/json+stat");

	static final MediaType VND_JSONSTAT = MediaType.parseMediaType("application/vnd.json-stat+json");

	private static final List<MediaType> TYPES = List.of(MediaType.APPLICATION_JSON, CSV, JSONSTAT, VND_JSONSTAT);

	private final ObjectMapper mapper;

	/**
	 * @param mapper the application's JSON mapper
	 */
	DatasetWriter(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public List<MediaType> getWritableMediaTypes() {
		return TYPES;
	}

	@Override
	public boolean canWrite(ResolvableType elementType, MediaType mediaType) {
		return Dataset.class.isAssignableFrom(elementType.toClass())
				&& (mediaType == null || TYPES.stream().anyMatch((t) -> t.isCompatibleWith(mediaType)));
	}

	@Override
	public Mono<Void> write(Publisher<? extends Dataset<?>> inputStream, ResolvableType elementType,
			MediaType mediaType, ReactiveHttpOutputMessage message, Map<String, Object> hints) {
		return Mono.from(inputStream).flatMap((dataset) -> {
			byte[] bytes;
			if (mediaType != null && CSV.isCompatibleWith(mediaType) && !mediaType.isWildcardType()) {
				message.getHeaders().setContentType(CSV);
				message.getHeaders()
					.setContentDisposition(ContentDisposition.attachment().filename(dataset.name() + ".csv").build());
				bytes = csv(dataset).getBytes(StandardCharsets.UTF_8);
			}
			else if (mediaType != null && !mediaType.isWildcardSubtype()
					&& (JSONSTAT.isCompatibleWith(mediaType) || VND_JSONSTAT.isCompatibleWith(mediaType))) {
				message.getHeaders().setContentType(JSONSTAT.isCompatibleWith(mediaType) ? JSONSTAT : VND_JSONSTAT);
				bytes = this.mapper.writeValueAsBytes(jsonStat(dataset));
			}
			else {
				message.getHeaders().setContentType(MediaType.APPLICATION_JSON);
				bytes = this.mapper.writeValueAsBytes(dataset.body());
			}
			message.getHeaders().setContentLength(bytes.length);
			return message.writeWith(Mono.fromSupplier(() -> message.bufferFactory().wrap(bytes)));
		});
	}

	/**
	 * @param dataset the dataset
	 * @return the CSV text: attribution, the breakdown (where the dataset's extension
	 * names one) and notes as comments, then {@code indicator}, per dimension its code
	 * (and label) column, {@code value} and the dataset's columns
	 */
	static String csv(Dataset<?> dataset) {
		List<String> comments = Source.attribution(dataset.sources(), dataset.lang(), dataset.dataVersion(),
				dataset.asOf());
		// which breakdown the rows are: the same columns hold the total and a group
		if (dataset.extension().get("breakdown") instanceof Map<?, ?> breakdown && !breakdown.isEmpty()) {
			comments.add(nl.llomonitor.api.Messages.get(dataset.lang(), "csv.breakdown",
					breakdown.entrySet()
						.stream()
						.map((e) -> e.getKey() + "=" + e.getValue())
						.collect(java.util.stream.Collectors.joining(";"))));
		}
		comments.addAll(dataset.notes());
		List<String> header = new ArrayList<>();
		header.add("indicator");
		for (Dataset.Dimension dimension : dataset.dimensions()) {
			header.add(dimension.id());
			if (dimension.labelColumn() != null) {
				header.add(dimension.labelColumn());
			}
		}
		header.add("value");
		header.addAll(dataset.columns());
		List<List<Object>> rows = new ArrayList<>();
		for (Dataset.Cell cell : dataset.cells()) {
			List<Object> row = new ArrayList<>();
			row.add(dataset.indicator().code());
			for (int i = 0; i < dataset.dimensions().size(); i++) {
				Dataset.Dimension dimension = dataset.dimensions().get(i);
				String code = cell.coordinates().get(i);
				row.add(code);
				if (dimension.labelColumn() != null) {
					row.add((code != null) ? dimension.categories().get(code) : null);
				}
			}
			row.add(cell.value());
			row.addAll(cell.attributes());
			rows.add(row);
		}
		return Csv.write(comments, header, rows);
	}

	/**
	 * @param dataset the dataset
	 * @return JSON-stat 2.0: the indicator as metric, then the dataset's dimensions,
	 * values dense in row-major order (null where no cell)
	 */
	static Map<String, Object> jsonStat(Dataset<?> dataset) {
		List<Dataset.Dimension> dimensions = dataset.dimensions();
		List<Map<String, Integer>> indexes = new ArrayList<>();
		int size = 1;
		for (Dataset.Dimension dimension : dimensions) {
			Map<String, Integer> index = new HashMap<>();
			dimension.categories().keySet().forEach((code) -> index.put(code, index.size()));
			indexes.add(index);
			size *= dimension.categories().size();
		}
		BigDecimal[] values = new BigDecimal[size];
		Map<Integer, String> status = new java.util.TreeMap<>();
		// what the CSV gives a cell beside its value, per value index: margins,
		// flags, footnote, why a value is missing, source table and vintage
		// (JSON-stat 2.0 has a standard place for the status only)
		Map<Integer, Map<String, Object>> attributes = new java.util.TreeMap<>();
		for (Dataset.Cell cell : dataset.cells()) {
			int offset = 0;
			boolean placed = true;
			for (int i = 0; i < dimensions.size(); i++) {
				Integer position = indexes.get(i).get(cell.coordinates().get(i));
				if (position == null) {
					placed = false;
					break;
				}
				offset = offset * dimensions.get(i).categories().size() + position;
			}
			if (!placed) {
				continue;
			}
			values[offset] = cell.value();
			if (cell.status() != null && !Status.DEFINITIEF.code().equals(cell.status())) {
				status.put(offset, cell.status());
			}
			Map<String, Object> given = new LinkedHashMap<>();
			for (int i = 0; i < dataset.columns().size() && i < cell.attributes().size(); i++) {
				String column = dataset.columns().get(i);
				Object value = cell.attributes().get(i);
				// the unit is the metric's, the status JSON-stat's own
				if (value != null && !(value instanceof String text && text.isEmpty()) && !column.equals("unit")
						&& !column.equals("status")) {
					given.put(column, value);
				}
			}
			if (!given.isEmpty()) {
				attributes.put(offset, given);
			}
		}
		Map<String, String> statusByIndex = new LinkedHashMap<>();
		status.forEach((k, v) -> statusByIndex.put(String.valueOf(k), v));
		Map<String, Object> extension = dataset.extension();
		if (!attributes.isEmpty()) {
			Map<String, Object> cells = new LinkedHashMap<>();
			attributes.forEach((k, v) -> cells.put(String.valueOf(k), v));
			extension = new LinkedHashMap<>(extension);
			extension.put("cells", cells);
		}
		return JsonStatDataset.of(dataset.indicator(), dataset.sources(), dataset.dataVersion(),
				dimensions.stream()
					.map((d) -> new JsonStatDataset.Dim(d.id(), label(d.label(), dataset.lang()), d.categories()))
					.toList(),
				Arrays.asList(values), statusByIndex, extension);
	}

	/**
	 * @param label a dimension's label, "Dutch / English" ({@code Regio / region}) or one
	 * text
	 * @param lang the language asked for, or null
	 * @return the label in that language
	 */
	static String label(String label, nl.llomonitor.api.Lang lang) {
		int slash = label.indexOf(" / ");
		if (slash < 0 || lang == null) {
			return label;
		}
		return (lang == nl.llomonitor.api.Lang.EN) ? label.substring(slash + 3) : label.substring(0, slash);
	}

}
