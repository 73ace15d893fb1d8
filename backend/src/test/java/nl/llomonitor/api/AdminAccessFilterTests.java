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
 * bucket per client, constant-time comparison of the token.
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
			expect(filter, request("/api/admin/imports", "Bearer wrong", "10.0.0.4"), HttpStatus.FORBIDDEN,
					"forbidden");
		}
		MockServerWebExchange limited = request("/api/admin/imports", "Bearer t", "10.0.0.4");
		expect(filter, limited, HttpStatus.TOO_MANY_REQUESTS, "rate-limited");
		// one token per minute: the client is told to come back in about a minute
		assertThat(Long.parseLong(limited.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(50L,
				60L);
		// another client is not affected
		StepVerifier.create(filter.filter(request("/api/admin/imports", "Bearer t", "10.0.0.5"), this.chain))
			.verifyComplete();
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

	private void expect(AdminAccessFilter filter, MockServerWebExchange exchange, HttpStatus status, String slug) {
		StepVerifier.create(filter.filter(exchange, this.chain))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ApiException.class, (api) -> {
				assertThat(api.getStatus()).isEqualTo(status);
				assertThat(api.getSlug()).isEqualTo(slug);
			}))
			.verify();
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
