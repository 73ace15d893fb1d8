package nl.llomonitor.api;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * An endpoint that cannot answer "as known at" a moment says so: {@code asOf} on the
 * region, indicator, table ({@code /api/v1/tables}, {@code /api/v1/tables/{id}}: the
 * catalogue of what is stored now), boundary, event and feed endpoints is a 400
 * ({@code parameter:
 * asOf}), never today's answer passed off as a past one. The data endpoints
 * ({@code series}, {@code compare}, {@code trend}, {@code kerncijfers}, {@code map},
 * {@code periods}, {@code revisions}) read their vintages as known then.
 */
@Component
class AsOfGuardFilter implements WebFilter, Ordered {

	/** Paths whose answers have no vintages. */
	static final List<String> WITHOUT_VINTAGES = List.of("/api/v1/regions", "/api/v1/indicators", "/api/v1/tables",
			"/api/v1/geo/", "/api/v1/events", "/api/v1/feeds/");

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 40;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getQueryParams().containsKey("asOf")) {
			String path = exchange.getRequest().getPath().pathWithinApplication().value();
			if (WITHOUT_VINTAGES.stream().anyMatch(path::startsWith)) {
				return Mono.error(ApiException.invalidParameter("asOf",
						"This endpoint cannot answer as known at "
								+ "a moment (asOf): its answer has no vintages. asOf works on series, compare, trend, "
								+ "kerncijfers, map, periods and revisions."));
			}
		}
		return chain.filter(exchange);
	}

}
