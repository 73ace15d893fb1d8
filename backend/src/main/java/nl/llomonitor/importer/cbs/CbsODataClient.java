package nl.llomonitor.importer.cbs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Blocking HTTP access to the CBS OData APIs (v3 {@code opendata.cbs.nl/ODataFeed/odata},
 * v4 {@code datasets.cbs.nl/odata/v1/CBS}) through Spring's {@link RestClient}, with
 * retries by Spring's {@link RetryTemplate}: exponential back-off on 429/5xx and I/O
 * errors, or the wait the server asks for in {@code Retry-After}; and conditional
 * requests ({@code If-None-Match}, {@code If-Modified-Since}). The body of a 200 is
 * streamed, never held in memory. Never call it on an event loop.
 */
public final class CbsODataClient {

	private static final Logger logger = LoggerFactory.getLogger(CbsODataClient.class);

	private final RestClient rest;

	private final int attempts;

	private final Duration backoff;

	public CbsODataClient(int attempts, Duration backoff) {
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(Duration.ofMinutes(2));
		this.rest = RestClient.builder()
			.requestFactory(requests)
			.defaultHeader(HttpHeaders.ACCEPT, "application/json")
			.defaultHeader(HttpHeaders.USER_AGENT, "LLO-Monitor importer")
			.build();
		this.attempts = Math.max(1, attempts);
		this.backoff = backoff;
	}

	/**
	 * A response: its status, body (null for 304/404) and validators.
	 */
	public record Response(int status, InputStream body, String etag, String lastModified) {

	}

	/**
	 * @param url the URL
	 * @param etag validator of an earlier response, or null
	 * @param lastModified validator of an earlier response, or null
	 * @return 200 with a body, 304, or 404 (no body)
	 * @throws IOException when the server keeps failing, or answers with another client
	 * error
	 */
	public Response get(String url, String etag, String lastModified) throws IOException {
		RetryTemplate retry = new RetryTemplate(new RetryAfterPolicy(url));
		try {
			return retry.execute(() -> once(url, etag, lastModified));
		}
		catch (RetryException ex) {
			Throwable last = (ex.getCause() != null) ? ex.getCause() : ex;
			if (last instanceof StatusException status && !status.retryable()) {
				throw new NotRetryable(status.getMessage());
			}
			if (last instanceof StatusException) {
				throw new IOException(last.getMessage() + " after " + this.attempts + " attempts", last);
			}
			Throwable cause = (last instanceof ResourceAccessException && last.getCause() != null) ? last.getCause()
					: last;
			if (cause instanceof IOException io) {
				throw io;
			}
			throw new IOException("GET " + url + " failed: " + cause.getMessage(), cause);
		}
	}

	private Response once(String url, String etag, String lastModified) {
		return this.rest.get().uri(URI.create(url)).headers((headers) -> {
			if (etag != null) {
				headers.set(HttpHeaders.IF_NONE_MATCH, etag);
			}
			if (lastModified != null) {
				headers.set(HttpHeaders.IF_MODIFIED_SINCE, lastModified);
			}
		}).exchange((request, response) -> {
			int status = response.getStatusCode().value();
			String newEtag = response.getHeaders().getFirst(HttpHeaders.ETAG);
			String newModified = response.getHeaders().getFirst(HttpHeaders.LAST_MODIFIED);
			if (status == 200) {
				// streamed: the reader closes it
				return new Response(status, response.getBody(), newEtag, newModified);
			}
			Duration retryAfter = retryAfter(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
			response.close();
			if (status == 304 || status == 404) {
				return new Response(status, null, newEtag, newModified);
			}
			throw new StatusException("GET " + url + " answered " + status, status, retryAfter);
		}, false);
	}

	/**
	 * An answer other than 200, 304 or 404.
	 */
	static final class StatusException extends RuntimeException {

		private final int status;

		private final transient Duration retryAfter;

		StatusException(String message, int status, Duration retryAfter) {
			super(message);
			this.status = status;
			this.retryAfter = retryAfter;
		}

		boolean retryable() {
			return this.status == 429 || this.status >= 500;
		}

	}

	/**
	 * A client error that retrying will not fix.
	 */
	static final class NotRetryable extends IOException {

		NotRetryable(String message) {
			super(message);
		}

	}

	/**
	 * Retries 429, 5xx and I/O errors, up to the client's attempts; waits what the server
	 * asked in {@code Retry-After}, else the client's backoff, doubled every time. One
	 * instance per request: it remembers the last answer's {@code Retry-After}.
	 */
	private final class RetryAfterPolicy implements RetryPolicy {

		private final String url;

		private volatile Duration asked;

		RetryAfterPolicy(String url) {
			this.url = url;
		}

		@Override
		public boolean shouldRetry(Throwable failure) {
			boolean retry;
			if (failure instanceof StatusException status) {
				retry = status.retryable();
				this.asked = status.retryAfter;
			}
			else {
				retry = failure instanceof ResourceAccessException || failure instanceof IOException;
				this.asked = null;
			}
			if (retry) {
				logger.info("GET {} failed ({}); retrying", this.url, failure.getMessage());
			}
			return retry;
		}

		@Override
		public BackOff getBackOff() {
			return () -> new BackOffExecution() {

				private long retries;

				@Override
				public long nextBackOff() {
					if (this.retries >= CbsODataClient.this.attempts - 1) {
						return STOP;
					}
					Duration wait = RetryAfterPolicy.this.asked;
					long millis = (wait != null) ? wait.toMillis()
							: CbsODataClient.this.backoff.toMillis() << Math.min(this.retries, 20);
					this.retries++;
					return millis;
				}

			};
		}

	}

	private static Duration retryAfter(String header) {
		if (header == null) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
		}
		catch (NumberFormatException ex) {
			try {
				Duration until = Duration.between(java.time.Instant.now(),
						java.time.ZonedDateTime
							.parse(header.strip(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
							.toInstant());
				return until.isNegative() ? Duration.ZERO : until;
			}
			catch (java.time.format.DateTimeParseException unparsable) {
				return null;
			}
		}
	}

	/**
	 * The entity sets of one table on the live API.
	 */
	public static final class Resources implements ODataResources {

		private final CbsODataClient client;

		private final String tableUrl;

		private final boolean v4;

		public Resources(CbsODataClient client, String tableUrl, boolean v4) {
			this.client = client;
			this.tableUrl = tableUrl;
			this.v4 = v4;
		}

		@Override
		public InputStream open(String entitySet) throws IOException {
			Response response = this.client.get(this.tableUrl + "/" + entitySet + (this.v4 ? "" : "?$format=json"),
					null, null);
			return (response.status() == 200) ? response.body() : null;
		}

		@Override
		public InputStream openNext(String nextLink) throws IOException {
			Response response = this.client.get(nextLink, null, null);
			if (response.status() != 200) {
				throw new IOException("next page " + nextLink + " answered " + response.status());
			}
			return response.body();
		}

	}

	public static Map<String, Object> validators(Response response) {
		Map<String, Object> details = new LinkedHashMap<>();
		if (response.etag() != null) {
			details.put("etag", response.etag());
		}
		if (response.lastModified() != null) {
			details.put("lastModified", response.lastModified());
		}
		return details;
	}

}
