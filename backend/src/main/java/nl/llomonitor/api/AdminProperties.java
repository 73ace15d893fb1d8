package nl.llomonitor.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access to {@code /api/admin/**} ({@code llo.admin.*}).
 *
 * @param token bearer token of the admin endpoints, from the environment only
 * ({@code LLO_ADMIN_TOKEN}); no default: without it the admin endpoints are off (403)
 * @param rateLimit token bucket per client (remote address), checked before the token
 */
@ConfigurationProperties("llo.admin")
public record AdminProperties(String token, @DefaultValue RateLimit rateLimit) {

	/**
	 * @param burst requests a client may make at once
	 * @param perMinute requests a client may make per minute after its burst
	 */
	public record RateLimit(@DefaultValue("10") int burst, @DefaultValue("30") int perMinute) {
	}

}
