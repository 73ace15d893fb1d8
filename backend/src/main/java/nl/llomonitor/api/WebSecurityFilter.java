package nl.llomonitor.api;

import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The web's cross-cutting protection, in one place: security headers on every response (a
 * Content-Security-Policy without unsafe-inline, nosniff, Referrer-Policy, no framing
 * except for the embed route), CORS for reading {@code /api/v1}, and read-only public
 * paths (any write method outside {@code /api/admin} gives 405).
 */
@Component
class WebSecurityFilter implements WebFilter, Ordered {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

	private static final Set<HttpMethod> READ_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

	private final CorsConfiguration cors;

	private final DefaultCorsProcessor corsProcessor = new DefaultCorsProcessor();

	WebSecurityFilter() {
		CorsConfiguration config = new CorsConfiguration();
		config.addAllowedOrigin("*");
		config.setAllowedMethods(List.of("GET", "HEAD"));
		config.addAllowedHeader("*");
		config.setExposedHeaders(List.of("ETag", "Content-Disposition"));
		config.setMaxAge(3600L);
		this.cors = config;
	}

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
		if (path.startsWith("/api/v1/") || path.equals("/api/v1")) {
			if (!this.corsProcessor.process(this.cors, exchange) || CorsUtils.isPreFlightRequest(request)) {
				return Mono.empty();
			}
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
