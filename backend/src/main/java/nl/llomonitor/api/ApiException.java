package nl.llomonitor.api;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, rendered as an RFC 9457 problem with a stable
 * {@code /problems/{slug}} type (see docs/api.md).
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String slug;

	private final String parameter;

	private final Duration retryAfter;

	/**
	 * The value at fault (a code the store does not know), for clients that say it in
	 * their own words.
	 */
	private String value;

	/**
	 * The period types the indicator has, where a request asked for another, or null.
	 */
	private java.util.List<String> periodTypes;

	/**
	 * @param status HTTP status
	 * @param slug stable problem slug
	 * @param detail human-readable explanation (no internals)
	 * @param parameter the request parameter at fault, or null
	 */
	public ApiException(HttpStatus status, String slug, String detail, String parameter) {
		this(status, slug, detail, parameter, null);
	}

	/**
	 * @param status HTTP status (429 or 503)
	 * @param slug stable problem slug
	 * @param detail human-readable explanation (no internals)
	 * @param parameter the request parameter at fault, or null
	 * @param retryAfter sent as {@code Retry-After} (whole seconds, at least 1), or null
	 */
	public ApiException(HttpStatus status, String slug, String detail, String parameter, Duration retryAfter) {
		super(detail, null, false, false);
		this.status = status;
		this.slug = slug;
		this.parameter = parameter;
		this.retryAfter = retryAfter;
	}

	/**
	 * The service is busy, not broken: 503 {@code overloaded} with {@code Retry-After}.
	 * @param detail what is busy
	 * @param retryAfter when to retry
	 * @return the exception
	 */
	public static ApiException overloaded(String detail, Duration retryAfter) {
		return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", detail, null, retryAfter);
	}

	public static ApiException unknownRegion(String code, String parameter) {
		return new ApiException(HttpStatus.NOT_FOUND, "unknown-region", "Unknown region code '" + code + "'.",
				parameter)
			.withValue(code);
	}

	public static ApiException unknownIndicator(String code, String parameter) {
		return new ApiException(HttpStatus.NOT_FOUND, "unknown-indicator", "Unknown indicator code '" + code + "'.",
				parameter)
			.withValue(code);
	}

	/**
	 * @param value the value at fault, given in the problem as {@code value}
	 * @return this
	 */
	ApiException withValue(String value) {
		this.value = value;
		return this;
	}

	/**
	 * @return the value at fault, or null
	 */
	public String getValue() {
		return this.value;
	}

	/**
	 * A period type (or a period of a type) the indicator has no figures of: 400
	 * {@code unsupported-period-type}, with the type asked as {@code value} and the
	 * indicator's own types as {@code periodTypes}.
	 * @param parameter the parameter that asked it ({@code periodType}, {@code type},
	 * {@code period}, {@code from} or {@code to})
	 * @param indicator the indicator code
	 * @param asked the type asked: year, quarter or month
	 * @param available the indicator's period types, finest first
	 * @return the exception
	 */
	public static ApiException unsupportedPeriodType(String parameter, String indicator, String asked,
			java.util.List<String> available) {
		ApiException ex = new ApiException(HttpStatus.BAD_REQUEST, "unsupported-period-type", "Indicator '" + indicator
				+ "' has no figures per " + asked + "; its period types are " + String.join(", ", available) + ".",
				parameter)
			.withValue(asked);
		ex.periodTypes = java.util.List.copyOf(available);
		return ex;
	}

	/**
	 * @return the indicator's period types where another was asked, or null
	 */
	public java.util.List<String> getPeriodTypes() {
		return this.periodTypes;
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

	/**
	 * @return the time to send as {@code Retry-After}, or null
	 */
	public Duration getRetryAfter() {
		return this.retryAfter;
	}

	public String getParameter() {
		return this.parameter;
	}

}
