package nl.llomonitor.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * The representations of {@code series} and {@code compare}: JSON (default), CSV and
 * JSON-stat 2.0, chosen by {@code ?format=} or else the Accept header.
 */
public enum ResponseFormat {

	JSON(MediaType.APPLICATION_JSON), CSV(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)),
	JSONSTAT(MediaType.parseMediaType("application/json+stat"));

	private static final MediaType VND_JSONSTAT = MediaType.parseMediaType("application/vnd.json-stat+json");

	private final MediaType mediaType;

	ResponseFormat(MediaType mediaType) {
		this.mediaType = mediaType;
	}

	public MediaType mediaType() {
		return this.mediaType;
	}

	/**
	 * The response in this representation; only the chosen one is built.
	 * @deprecated return a {@code Dataset} instead: its message writer renders JSON, CSV
	 * and JSON-stat, chosen by content negotiation
	 * @param json the response object, written as JSON
	 * @param name the file name of a CSV download, without extension
	 * @param csv builds the CSV text
	 * @param jsonStat builds the JSON-stat text
	 * @return a 200 with the body and its content type
	 */
	@Deprecated(forRemoval = true)
	public ResponseEntity<Object> render(Object json, String name, Supplier<String> csv, Supplier<String> jsonStat) {
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(this.mediaType);
		return switch (this) {
			case JSON -> ok.body(json);
			case CSV -> ok.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name + ".csv").build().toString())
				.body(csv.get());
			case JSONSTAT -> ok.body(jsonStat.get());
		};
	}

	/**
	 * Checks the {@code format} parameter of an endpoint that answers a dataset (the
	 * representation itself is chosen by content negotiation, where {@code format} comes
	 * before {@code Accept}).
	 * @param format the {@code format} parameter, may be null
	 * @throws ApiException (400) unless null, json, csv, jsonstat or json-stat
	 */
	public static void check(String format) {
		if (format != null) {
			switch (format.trim().toLowerCase(Locale.ROOT)) {
				case "json", "csv", "jsonstat", "json-stat" -> {
				}
				default -> throw ApiException.invalidParameter("format", "format must be json, csv or jsonstat.");
			}
		}
	}

	/**
	 * @param format the {@code format} parameter (json, csv, jsonstat), may be null
	 * @param exchange the request
	 * @return the representation to produce
	 * @deprecated return a {@code Dataset} instead (negotiated by WebFlux, with
	 * {@code ?format=} first)
	 */
	@Deprecated(forRemoval = true)
	public static ResponseFormat negotiate(String format, ServerWebExchange exchange) {
		if (format != null) {
			return switch (format.trim().toLowerCase(Locale.ROOT)) {
				case "json" -> JSON;
				case "csv" -> CSV;
				case "jsonstat", "json-stat" -> JSONSTAT;
				default -> throw ApiException.invalidParameter("format", "format must be json, csv or jsonstat.");
			};
		}
		String accept = exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT);
		if (accept == null || accept.isBlank()) {
			return JSON;
		}
		List<MediaType> types;
		try {
			types = new ArrayList<>(MediaType.parseMediaTypes(accept));
		}
		catch (InvalidMediaTypeException ex) {
			return JSON;
		}
		types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		for (MediaType type : types) {
			if (type.getQualityValue() <= 0) {
				continue;
			}
			if (type.isCompatibleWith(JSONSTAT.mediaType) && !type.isWildcardSubtype()
					|| type.isCompatibleWith(VND_JSONSTAT) && !type.isWildcardSubtype()) {
				return JSONSTAT;
			}
			if (type.isWildcardType() || type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
				return JSON;
			}
			if (type.isCompatibleWith(CSV.mediaType)) {
				return CSV;
			}
		}
		throw new NotAcceptableStatusException(List.of(JSON.mediaType, CSV.mediaType, JSONSTAT.mediaType));
	}

}
