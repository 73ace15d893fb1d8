package nl.llomonitor.api;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Static files (the dashboard, webjars, Swagger UI) are resolved and read from jar files
 * by Spring's resource handling, which blocks on file I/O. Those requests are moved off
 * the Netty event loop onto the bounded elastic scheduler, so the event loop never
 * blocks. API requests are untouched.
 */
@Component
class StaticResourceFilter implements WebFilter, Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 30;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		HttpMethod method = exchange.getRequest().getMethod();
		if ((HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) && isStatic(path)) {
			String cacheControl = cacheControl(path);
			if (cacheControl != null) {
				exchange.getResponse().beforeCommit(() -> {
					HttpStatusCode status = exchange.getResponse().getStatusCode();
					if (status == null || status.is2xxSuccessful() || status.value() == 304) {
						exchange.getResponse().getHeaders().setCacheControl(cacheControl);
					}
					return Mono.empty();
				});
			}
			return chain.filter(exchange).subscribeOn(Schedulers.boundedElastic());
		}
		return chain.filter(exchange);
	}

	/**
	 * Cache-Control of a static path: webjar paths hold their version, so they are cached
	 * for a year as immutable; the dashboard's own files (and the page) are revalidated
	 * on each use against their content-hash ETag ({@link StaticResourceCaching}), which
	 * costs a 304 without a body when nothing changed.
	 * @param path the request path
	 * @return the header value, or null to leave the response as it is
	 */
	static String cacheControl(String path) {
		if (path.startsWith("/webjars/")) {
			return "public, max-age=31536000, immutable";
		}
		if (path.startsWith("/swagger-ui") || path.startsWith("/embed")) {
			return null;
		}
		return "no-cache";
	}

	static boolean isStatic(String path) {
		return !(path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/api-docs")
				|| path.startsWith("/problems/"));
	}

}
