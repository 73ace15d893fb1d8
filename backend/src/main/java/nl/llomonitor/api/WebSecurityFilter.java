package nl.llomonitor.api;

import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The web's cross-cutting protection, in one place: security headers on every response (a
 * Content-Security-Policy without unsafe-inline, nosniff, Referrer-Policy, no framing
 * except for the embed route) and read-only public paths (any write method outside
 * {@code /api/admin} gives 405). CORS for reading {@code /api/v1} is
 * {@link ApiCorsConfiguration}'s {@code CorsWebFilter}, which runs right after this
 * filter.
 */
@Component
class WebSecurityFilter implements WebFilter, Ordered {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

	private static final Set<HttpMethod> READ_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().pathWithinApplication().value();
		HttpHeaders headers = exchange.getResponse().getHeaders();
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
		if (isEmbed(path, request)) {
			headers.set("Content-Security-Policy", CSP + "; frame-ancestors *");
		}
		else {
			headers.set("Content-Security-Policy", CSP + "; frame-ancestors 'none'");
			headers.set("X-Frame-Options", "DENY");
		}
		if (!READ_METHODS.contains(request.getMethod()) && !path.startsWith("/api/admin/")) {
			return Mono.error(new MethodNotAllowedException(request.getMethod(), READ_METHODS));
		}
		return chain.filter(exchange);
	}

	private static boolean isEmbed(String path, ServerHttpRequest request) {
		return path.equals("/embed") || path.startsWith("/embed/")
				|| (path.equals("/") && "1".equals(request.getQueryParams().getFirst("embed")));
	}

}
