package nl.llomonitor.api;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin guard on its own: no default token (disabled without one), 401/403, a token
 * bucket per client, failed attempts counted per client and globally with back-off,
 * anonymous traffic that cannot lock out the valid token, health details with the token
 * only.
 */
class AdminAccessFilterTests {

	private final AtomicInteger passed = new AtomicInteger();

	private final WebFilterChain chain = (exchange) -> {
		this.passed.incrementAndGet();
		return Mono.empty();
	};

	@Test
	void withoutAConfiguredTokenTheAdminEndpointsAreDisabled() {
		AdminAccessFilter filter = new AdminAccessFilter("", 10, 30);
		expect(filter, request("/api/admin/imports", "Bearer anything", "10.0.0.1"), HttpStatus.FORBIDDEN, "forbidden");
		expect(filter, request("/api/admin/imports", "Bearer ", "10.0.0.1"), HttpStatus.FORBIDDEN, "forbidden");
		assertThat(this.passed).hasValue(0);
	}

	@Test
	void missingTokenIs401WrongTokenIs403RightTokenPasses() {
		AdminAccessFilter filter = new AdminAccessFilter("s3cret-token", 10, 30);
		MockServerWebExchange missing = request("/api/admin/imports", null, "10.0.0.2");
		expect(filter, missing, HttpStatus.UNAUTHORIZED, "unauthorized");
		assertThat(missing.getResponse().getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
		expect(filter, request("/api/admin/imports", "Basic czNjcmV0LXRva2Vu", "10.0.0.2"), HttpStatus.UNAUTHORIZED,
				"unauthorized");
		expect(filter, request("/api/admin/imports", "Bearer s3cret-tokeN", "10.0.0.2"), HttpStatus.FORBIDDEN,
				"forbidden");
		expect(filter, request("/api/admin/imports", "Bearer s3cret-token-and-more", "10.0.0.2"), HttpStatus.FORBIDDEN,
				"forbidden");
		StepVerifier.create(filter.filter(request("/api/admin/imports", "Bearer s3cret-token", "10.0.0.2"), this.chain))
			.verifyComplete();
		assertThat(this.passed).hasValue(1);
	}

	@Test
	void publicPathsAreNotGuarded() {
		AdminAccessFilter filter = new AdminAccessFilter("", 1, 1);
		for (int i = 0; i < 5; i++) {
			StepVerifier.create(filter.filter(request("/api/v1/regions", null, "10.0.0.3"), this.chain))
				.verifyComplete();
		}
		assertThat(this.passed).hasValue(5);
	}

	@Test
	void eachClientHasItsOwnTokenBucket() {
		AdminAccessFilter filter = new AdminAccessFilter("t", 3, 1);
		for (int i = 0; i < 3; i++) {
			StepVerifier.create(filter.filter(request("/api/admin/imports", "Bearer t", "10.0.0.4"), this.chain))
				.verifyComplete();
		}
		ApiException limited = expect(filter, request("/api/admin/imports", "Bearer t", "10.0.0.4"),
				HttpStatus.TOO_MANY_REQUESTS, "rate-limited");
		// one token per minute: the client is told to come back in about a minute
		assertThat(limited.getRetryAfter().toSeconds()).isBetween(50L, 60L);
		// another client is not affected
		StepVerifier.create(filter.filter(request("/api/admin/imports", "Bearer t", "10.0.0.5"), this.chain))
			.verifyComplete();
	}

	@Test
	void failedAttemptsBackOffPerClient() {
		AdminAccessFilter filter = new AdminAccessFilter("t", 100, 6000);
		for (int i = 0; i <= AdminAccessFilter.FREE_FAILURES; i++) {
			expect(filter, request("/api/admin/imports", "Bearer guess" + i, "10.0.1.1"), HttpStatus.FORBIDDEN,
					"forbidden");
		}
		// now the client waits before any token of it is even compared
		ApiException blocked = expect(filter, request("/api/admin/imports", "Bearer guess-next", "10.0.1.1"),
				HttpStatus.TOO_MANY_REQUESTS, "rate-limited");
		assertThat(blocked.getRetryAfter().toSeconds()).isBetween(1L, 2L);
		// the admin elsewhere is not affected
		StepVerifier.create(filter.filter(request("/api/admin/imports", "Bearer t", "10.0.1.2"), this.chain))
			.verifyComplete();
	}

	@Test
	void failedAttemptsAreAlsoCountedGlobally() {
		AdminAccessFilter filter = new AdminAccessFilter("t", 100, 6000);
		// one guess from each of many loopback addresses
		for (int i = 0; i <= AdminAccessFilter.GLOBAL_FREE_FAILURES; i++) {
			expect(filter, request("/api/admin/imports", "Bearer guess" + i, "127.0.3." + (i % 250 + 1)),
					HttpStatus.FORBIDDEN, "forbidden");
		}
		expect(filter, request("/api/admin/imports", "Bearer guess", "127.0.4.1"), HttpStatus.TOO_MANY_REQUESTS,
				"rate-limited");
	}

	@Test
	void anonymousTrafficNeverLocksOutTheValidToken() {
		AdminAccessFilter filter = new AdminAccessFilter("t", 10, 30);
		// junk from the address every client shares behind a proxy
		for (int i = 0; i < 1000; i++) {
			expect(filter, request("/api/admin/imports", null, "10.0.2.1"), HttpStatus.UNAUTHORIZED, "unauthorized");
		}
		StepVerifier.create(filter.filter(request("/api/admin/imports", "Bearer t", "10.0.2.1"), this.chain))
			.verifyComplete();
		assertThat(this.passed).hasValue(1);
	}

	@Test
	void healthShowsDetailsOnlyWithTheToken() {
		AdminAccessFilter filter = new AdminAccessFilter("t", 10, 30);
		java.util.List<java.security.Principal> seen = new java.util.ArrayList<>();
		WebFilterChain recording = (exchange) -> exchange.getPrincipal()
			.doOnNext(seen::add)
			.then(Mono.fromRunnable(this.passed::incrementAndGet));
		StepVerifier.create(filter.filter(request("/actuator/health", null, "10.0.3.1"), recording)).verifyComplete();
		assertThat(seen).isEmpty();
		StepVerifier.create(filter.filter(request("/actuator/health", "Bearer t", "10.0.3.1"), recording))
			.verifyComplete();
		assertThat(seen).hasSize(1);
		expect(filter, request("/actuator/health", "Bearer wrong", "10.0.3.1"), HttpStatus.FORBIDDEN, "forbidden");
		expect(filter, request("/actuator/prometheus", null, "10.0.3.1"), HttpStatus.UNAUTHORIZED, "unauthorized");
		assertThat(this.passed).hasValue(2);
	}

	@Test
	void bucketRefillsOverTime() throws InterruptedException {
		AdminAccessFilter filter = new AdminAccessFilter("t", 1, 600);
		assertThat(filter.take("c")).isZero();
		long wait = filter.take("c");
		assertThat(wait).isPositive().isLessThanOrEqualTo(100_000_000L);
		Thread.sleep(wait / 1_000_000 + 20);
		assertThat(filter.take("c")).isZero();
	}

	private ApiException expect(AdminAccessFilter filter, MockServerWebExchange exchange, HttpStatus status,
			String slug) {
		java.util.concurrent.atomic.AtomicReference<ApiException> error = new java.util.concurrent.atomic.AtomicReference<>();
		StepVerifier.create(filter.filter(exchange, this.chain))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ApiException.class, (api) -> {
				assertThat(api.getStatus()).isEqualTo(status);
				assertThat(api.getSlug()).isEqualTo(slug);
				error.set(api);
			}))
			.verify();
		return error.get();
	}

	private static MockServerWebExchange request(String path, String authorization, String ip) {
		MockServerHttpRequest.BaseBuilder<?> builder = MockServerHttpRequest.post(path)
			.remoteAddress(new InetSocketAddress(ip, 40000));
		if (authorization != null) {
			builder.header(HttpHeaders.AUTHORIZATION, authorization);
		}
		return MockServerWebExchange.from(builder);
	}

}
