package nl.llomonitor.importer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blocking HTTP access to the CBS OData APIs (v3 {@code opendata.cbs.nl/ODataFeed/odata},
 * v4 {@code datasets.cbs.nl/odata/v1/CBS}) with retries and exponential back-off on
 * 429/5xx and I/O errors (honouring {@code Retry-After}), and conditional requests
 * ({@code If-None-Match}, {@code If-Modified-Since}). Never call it on an event loop.
 */
final class CbsODataClient {

	private static final Logger logger = LoggerFactory.getLogger(CbsODataClient.class);

	private final HttpClient http;

	private final int attempts;

	private final Duration backoff;

	CbsODataClient(int attempts, Duration backoff) {
		this.http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		this.attempts = attempts;
		this.backoff = backoff;
	}

	/**
	 * A response: its status, body (null for 304/404) and validators.
	 */
	record Response(int status, InputStream body, String etag, String lastModified) {

	}

	/**
	 * @param url the URL
	 * @param etag validator of an earlier response, or null
	 * @param lastModified validator of an earlier response, or null
	 * @return 200 with a body, 304, or 404 (no body)
	 * @throws IOException when the server keeps failing
	 */
	Response get(String url, String etag, String lastModified) throws IOException {
		IOException last = null;
		for (int attempt = 1; attempt <= this.attempts; attempt++) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofMinutes(2))
				.header("Accept", "application/json")
				.header("User-Agent", "LLO-Monitor importer");
			if (etag != null) {
				request.header("If-None-Match", etag);
			}
			if (lastModified != null) {
				request.header("If-Modified-Since", lastModified);
			}
			Duration wait = this.backoff.multipliedBy(1L << (attempt - 1));
			try {
				HttpResponse<InputStream> response = this.http.send(request.GET().build(),
						HttpResponse.BodyHandlers.ofInputStream());
				int status = response.statusCode();
				String newEtag = response.headers().firstValue("ETag").orElse(null);
				String newModified = response.headers().firstValue("Last-Modified").orElse(null);
				if (status == 200) {
					return new Response(status, response.body(), newEtag, newModified);
				}
				response.body().close();
				if (status == 304 || status == 404) {
					return new Response(status, null, newEtag, newModified);
				}
				if (status != 429 && status < 500) {
					throw new NotRetryable("GET " + url + " answered " + status);
				}
				last = new IOException("GET " + url + " answered " + status + " after " + attempt + " attempts");
				wait = retryAfter(response.headers().firstValue("Retry-After")).orElse(wait);
			}
			catch (NotRetryable ex) {
				throw ex;
			}
			catch (IOException ex) {
				last = ex;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("Interrupted while fetching " + url, ex);
			}
			if (attempt < this.attempts) {
				logger.info("GET {} failed ({}); retrying in {} ms", url, last.getMessage(), wait.toMillis());
				sleep(wait);
			}
		}
		throw last;
	}

	/**
	 * A client error that retrying will not fix.
	 */
	static final class NotRetryable extends IOException {

		NotRetryable(String message) {
			super(message);
		}

	}

	private static Optional<Duration> retryAfter(Optional<String> header) {
		try {
			return header.map(String::strip).map(Long::parseLong).map(Duration::ofSeconds);
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static void sleep(Duration wait) throws IOException {
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while waiting to retry", ex);
		}
	}

	/**
	 * The entity sets of one table on the live API.
	 */
	static final class Resources implements ODataResources {

		private final CbsODataClient client;

		private final String tableUrl;

		private final boolean v4;

		Resources(CbsODataClient client, String tableUrl, boolean v4) {
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

	static Map<String, Object> validators(Response response) {
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
