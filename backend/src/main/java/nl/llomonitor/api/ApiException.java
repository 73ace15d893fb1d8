package nl.llomonitor.api;

import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, rendered as an RFC 9457 problem with a stable
 * {@code /problems/{slug}} type (see docs/api.md).
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String slug;

	private final String parameter;

	/**
	 * @param status HTTP status
	 * @param slug stable problem slug
	 * @param detail human-readable explanation (no internals)
	 * @param parameter the request parameter at fault, or null
	 */
	public ApiException(HttpStatus status, String slug, String detail, String parameter) {
		super(detail, null, false, false);
		this.status = status;
		this.slug = slug;
		this.parameter = parameter;
	}

	public static ApiException unknownRegion(String code, String parameter) {
		return new ApiException(HttpStatus.NOT_FOUND, "unknown-region", "Unknown region code '" + code + "'.",
				parameter);
	}

	public static ApiException unknownIndicator(String code, String parameter) {
		return new ApiException(HttpStatus.NOT_FOUND, "unknown-indicator", "Unknown indicator code '" + code + "'.",
				parameter);
	}

	public static ApiException invalidParameter(String parameter, String detail) {
		return new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter", detail, parameter);
	}

	public static ApiException rangeTooWide(String parameter, String detail) {
		return new ApiException(HttpStatus.BAD_REQUEST, "range-too-wide", detail, parameter);
	}

	public static ApiException notFound(String detail) {
		return new ApiException(HttpStatus.NOT_FOUND, "not-found", detail, null);
	}

	public HttpStatus getStatus() {
		return this.status;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getParameter() {
		return this.parameter;
	}

}
