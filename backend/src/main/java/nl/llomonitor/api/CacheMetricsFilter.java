package nl.llomonitor.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Counts how {@code /api/v1} requests were answered by the response cache, as
 * {@code llo.cache.requests} with tag {@code result}: {@code hit} (a kept copy),
 * {@code miss} (the handler ran), {@code not-modified} (a 304 for the client's ETag). The
 * hit ratio is (hit + not-modified) / all. Reads the {@code X-Cache} header the cache
 * sets, so it does not depend on how the cache stores its copies.
 */
@Component
class CacheMetricsFilter implements WebFilter, Ordered {

	private final Counter hit;

	private final Counter miss;

	private final Counter notModified;

	CacheMetricsFilter(ObjectProvider<MeterRegistry> registries) {
		// (a test slice without metrics gets a registry of its own)
		MeterRegistry registry = registries.getIfAvailable(SimpleMeterRegistry::new);
		this.hit = Counter.builder("llo.cache.requests").tag("result", "hit").register(registry);
		this.miss = Counter.builder("llo.cache.requests").tag("result", "miss").register(registry);
		this.notModified = Counter.builder("llo.cache.requests").tag("result", "not-modified").register(registry);
	}

	@Override
	public int getOrder() {
		// outside the cache filter, so its 304 answers are seen too
		return Ordered.HIGHEST_PRECEDENCE + 19;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/v1/")) {
			return chain.filter(exchange);
		}
		ServerHttpResponse response = exchange.getResponse();
		response.beforeCommit(() -> {
			if (HttpStatus.NOT_MODIFIED.equals(response.getStatusCode())) {
				this.notModified.increment();
			}
			else if ("hit".equals(response.getHeaders().getFirst("X-Cache"))) {
				this.hit.increment();
			}
			else if ("miss".equals(response.getHeaders().getFirst("X-Cache"))) {
				this.miss.increment();
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

}
