package nl.llomonitor.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Guards {@code /api/admin/**} before any controller runs. The token comes only from the
 * environment ({@code LLO_ADMIN_TOKEN}); there is no default, and without one the admin
 * endpoints are disabled (403). Every client (remote address) has a token bucket, checked
 * before the token so guessing is rate-limited too: 429 with {@code Retry-After} when
 * empty. Answers are problem+json: 401 {@code unauthorized} without a bearer token, 403
 * {@code forbidden} with a wrong one.
 */
@Component
@EnableConfigurationProperties(AdminProperties.class)
class AdminAccessFilter implements WebFilter, Ordered {

	static final String PREFIX = "/api/admin/";

	static final int MAX_CLIENTS = 10_000;

	private final byte[] token;

	private final int capacity;

	private final double refillPerNano;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	@Autowired
	AdminAccessFilter(AdminProperties properties) {
		this(properties.token(), properties.rateLimit().burst(), properties.rateLimit().perMinute());
	}

	AdminAccessFilter(String token, int burst, int perMinute) {
		this.token = (token == null || token.isBlank()) ? null : token.strip().getBytes(StandardCharsets.UTF_8);
		this.capacity = Math.max(1, burst);
		this.refillPerNano = Math.max(1, perMinute) / (double) Duration.ofMinutes(1).toNanos();
	}

	@Override
	public int getOrder() {
		// after the security headers, before the cache and the controllers
		return Ordered.HIGHEST_PRECEDENCE + 15;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().pathWithinApplication().value();
		if (!path.startsWith(PREFIX) && !path.equals("/api/admin")) {
			return chain.filter(exchange);
		}
		long waitNanos = take(client(request));
		if (waitNanos > 0) {
			exchange.getResponse()
				.getHeaders()
				.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L)));
			return Mono.error(new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
					"Too many admin requests from this client; retry after the time in Retry-After.", null));
		}
		if (this.token == null) {
			return Mono.error(new ApiException(HttpStatus.FORBIDDEN, "forbidden",
					"The admin endpoints are disabled: no LLO_ADMIN_TOKEN is configured.", null));
		}
		String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				|| authorization.substring(7).isBlank()) {
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"llo-admin\"");
			return Mono.error(new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized",
					"This endpoint needs 'Authorization: Bearer <token>'.", null));
		}
		byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
		if (!MessageDigest.isEqual(given, this.token)) {
			return Mono.error(new ApiException(HttpStatus.FORBIDDEN, "forbidden", "The token is not valid.", null));
		}
		return chain.filter(exchange);
	}

	private static String client(ServerHttpRequest request) {
		// the direct peer: X-Forwarded-For is client-controlled unless a trusted proxy
		// rewrites it, which Spring's ForwardedHeaderTransformer does when enabled
		return (request.getRemoteAddress() != null && request.getRemoteAddress().getAddress() != null)
				? request.getRemoteAddress().getAddress().getHostAddress() : "unknown";
	}

	/**
	 * @param client the client key
	 * @return 0 if a token was taken, else nanoseconds until the next token
	 */
	long take(String client) {
		if (this.buckets.size() >= MAX_CLIENTS) {
			this.buckets.clear();
		}
		return this.buckets.computeIfAbsent(client, (c) -> new Bucket(this.capacity, System.nanoTime()))
			.take(this.capacity, this.refillPerNano, System.nanoTime());
	}

	private static final class Bucket {

		private double tokens;

		private long updated;

		Bucket(double tokens, long now) {
			this.tokens = tokens;
			this.updated = now;
		}

		synchronized long take(int capacity, double refillPerNano, long now) {
			this.tokens = Math.min(capacity, this.tokens + (now - this.updated) * refillPerNano);
			this.updated = now;
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return 0;
			}
			return (long) Math.ceil((1 - this.tokens) / refillPerNano);
		}

	}

}
