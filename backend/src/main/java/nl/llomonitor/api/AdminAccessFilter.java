package nl.llomonitor.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Guards {@code /api/admin/**} and {@code /actuator/prometheus} before any controller
 * runs, and lets a valid token see the details of {@code /actuator/health}. The token
 * comes only from the environment ({@code LLO_ADMIN_TOKEN}); there is no default, and
 * without one the admin endpoints are disabled (403). Answers are problem+json: 401
 * {@code unauthorized} without a bearer token, 403 {@code forbidden} with a wrong one,
 * 429 {@code rate-limited} with {@code Retry-After}.
 * <p>
 * Guessing is limited by counting failed token attempts, per client and globally, each
 * with an exponential back-off: after {@link #FREE_FAILURES} failures a client waits 1 s,
 * then 2 s, 4 s ... up to 15 min before its next token is even compared; after
 * {@link #GLOBAL_FREE_FAILURES} failures a minute from all clients together every
 * comparison waits likewise, so many source addresses do not multiply the rate. Requests
 * without a token (anonymous traffic) never count towards these limits, so they cannot
 * lock out the holder of the valid token; a valid token resets its client's count. Admins
 * themselves are limited per client by a token bucket ({@code llo.admin.rate-limit.*}).
 * The client is the direct peer; behind the shipped nginx (profile {@code nginx}) it is
 * the address nginx forwards.
 */
@Component
@EnableConfigurationProperties(AdminProperties.class)
class AdminAccessFilter implements WebFilter, Ordered {

	static final String PREFIX = "/api/admin/";

	static final int MAX_CLIENTS = 10_000;

	/** Failed attempts of one client before its back-off starts. */
	static final int FREE_FAILURES = 5;

	/**
	 * Failed attempts of all clients together, per minute, before the global back-off.
	 */
	static final int GLOBAL_FREE_FAILURES = 60;

	static final Duration MAX_BACKOFF = Duration.ofMinutes(15);

	private final byte[] token;

	private final int capacity;

	private final double refillPerNano;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	private final Failures global = new Failures();

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
		boolean health = path.equals("/actuator/health") || path.startsWith("/actuator/health/");
		boolean guarded = path.startsWith(PREFIX) || path.equals("/api/admin")
				|| path.startsWith("/actuator/prometheus");
		if (!guarded && !health) {
			return chain.filter(exchange);
		}
		String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				&& !authorization.substring(7).isBlank();
		if (health && !bearer) {
			// the public health answer: the status alone
			return chain.filter(exchange.mutate().response(new StatusOnly(exchange.getResponse())).build());
		}
		if (this.token == null) {
			return Mono.error(new ApiException(HttpStatus.FORBIDDEN, "forbidden",
					"The admin endpoints are disabled: no LLO_ADMIN_TOKEN is configured.", null));
		}
		if (!bearer) {
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"llo-admin\"");
			return Mono.error(new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized",
					"This endpoint needs 'Authorization: Bearer <token>'.", null));
		}
		String client = client(request);
		long now = System.nanoTime();
		long blocked = Math.max(this.global.blockedFor(now), failuresOf(client).blockedFor(now));
		if (blocked > 0) {
			return Mono
				.error(rateLimited(blocked, "Too many failed token attempts; retry after the time in Retry-After."));
		}
		byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
		if (!MessageDigest.isEqual(given, this.token)) {
			failuresOf(client).fail(now, FREE_FAILURES);
			this.global.fail(now, GLOBAL_FREE_FAILURES);
			return Mono.error(new ApiException(HttpStatus.FORBIDDEN, "forbidden", "The token is not valid.", null));
		}
		this.failures.remove(client);
		// the admin's own bucket limits what changes the store (imports), not reading
		// its state, health or metrics
		long waitNanos = org.springframework.http.HttpMethod.GET.equals(request.getMethod()) ? 0 : take(client);
		if (waitNanos > 0) {
			return Mono.error(rateLimited(waitNanos,
					"Too many admin requests from this client; retry after the time in Retry-After."));
		}
		Principal admin = () -> "admin";
		return chain.filter(exchange.mutate().principal(Mono.just(admin)).build());
	}

	/**
	 * Writes only the {@code status} member of a health answer.
	 */
	private static final class StatusOnly extends ServerHttpResponseDecorator {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		StatusOnly(ServerHttpResponse delegate) {
			super(delegate);
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return DataBufferUtils.join(Flux.from(body)).flatMap((joined) -> {
				byte[] json = new byte[joined.readableByteCount()];
				joined.read(json);
				DataBufferUtils.release(joined);
				String status = topLevelStatus(json);
				if (!status.matches("[A-Z_]{1,32}")) {
					status = "UNKNOWN";
				}
				byte[] bytes = ("{\"status\":\"" + status + "\"}").getBytes(StandardCharsets.UTF_8);
				getHeaders().setContentLength(bytes.length);
				return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
			});
		}

	}

	/**
	 * The top-level {@code status} of a health answer, read with the streaming parser (no
	 * deserializer cache, whose lock must not be taken on the event loop).
	 */
	static String topLevelStatus(byte[] json) {
		try (JsonParser parser = StatusOnly.JSON.createParser(json)) {
			if (parser.nextToken() == JsonToken.START_OBJECT) {
				while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
					String name = parser.currentName();
					JsonToken value = parser.nextToken();
					if ("status".equals(name) && value == JsonToken.VALUE_STRING) {
						return parser.getString();
					}
					parser.skipChildren();
				}
			}
		}
		catch (RuntimeException ex) {
			// not the JSON expected
		}
		return "UNKNOWN";
	}

	private static ApiException rateLimited(long nanos, String detail) {
		return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", detail, null,
				Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L)));
	}

	private Failures failuresOf(String client) {
		if (this.failures.size() >= MAX_CLIENTS) {
			this.failures.clear();
		}
		return this.failures.computeIfAbsent(client, (c) -> new Failures());
	}

	private static String client(ServerHttpRequest request) {
		// the direct peer, or in the nginx profile the address nginx forwards (Spring's
		// ForwardedHeaderTransformer, enabled there only, rewrites the remote address)
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

	/**
	 * Failed attempts with exponential back-off; the count decays after a quiet minute.
	 */
	static final class Failures {

		private int count;

		private long last;

		private long blockedUntil;

		synchronized long blockedFor(long now) {
			return Math.max(0, this.blockedUntil - now);
		}

		synchronized void fail(long now, int free) {
			if (this.count > 0 && now - this.last > Duration.ofMinutes(1).toNanos()
					&& now > this.blockedUntil + Duration.ofMinutes(1).toNanos()) {
				this.count = 0;
			}
			this.count++;
			this.last = now;
			if (this.count > free) {
				int doublings = Math.min(this.count - free - 1, 30);
				long backoff = Math.min(MAX_BACKOFF.toNanos(), Duration.ofSeconds(1).toNanos() << doublings);
				this.blockedUntil = now + backoff;
			}
		}

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
