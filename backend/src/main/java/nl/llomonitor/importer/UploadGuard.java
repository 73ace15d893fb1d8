package nl.llomonitor.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import nl.llomonitor.api.ApiException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The upload endpoint's own guard, behind the admin filter: the bearer token of
 * {@code LLO_ADMIN_TOKEN} (401 {@code unauthorized} without a token, 403
 * {@code forbidden} with a wrong one or when no token is configured) and at most
 * {@code llo.admin.imports-per-minute} imports a minute on this instance (default
 * {@value #PER_MINUTE}; 429 {@code rate-limited}).
 */
@Component
class UploadGuard {

	static final int PER_MINUTE = 30;

	private final byte[] token;

	private final int perMinute;

	private final Clock clock = Clock.systemUTC();

	private final AtomicLong window = new AtomicLong();

	private final AtomicLong count = new AtomicLong();

	UploadGuard(@Value("${llo.admin.token:${LLO_ADMIN_TOKEN:}}") String token,
			@Value("${llo.admin.imports-per-minute:" + PER_MINUTE + "}") int perMinute) {
		this.perMinute = perMinute;
		this.token = (token == null || token.isBlank()) ? null : token.strip().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Lets a request with the configured bearer token through.
	 * @param authorization the {@code Authorization} header, or {@code null}
	 * @throws ApiException 401 without a bearer token, 403 with a wrong one
	 */
	void authorize(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				|| authorization.substring(7).isBlank()) {
			throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized",
					"This endpoint needs 'Authorization: Bearer <token>'.", null);
		}
		byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
		if (this.token == null || !MessageDigest.isEqual(this.token, given)) {
			throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "The token is not valid for this endpoint.",
					null);
		}
	}

	/**
	 * Counts one import in this minute of the clock.
	 * @throws ApiException 429 after {@code llo.admin.imports-per-minute} in the same
	 * minute
	 */
	void limitRate() {
		long minute = this.clock.millis() / 60_000;
		if (this.window.getAndSet(minute) != minute) {
			this.count.set(0);
		}
		if (this.count.incrementAndGet() > this.perMinute) {
			throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
					"At most " + this.perMinute + " imports a minute; try again later.", null);
		}
	}

}
