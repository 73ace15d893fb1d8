package nl.llomonitor.api;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * CORS for the public read API: any origin may {@code GET}/{@code HEAD} {@code /api/v1}
 * and read the {@code ETag} and {@code Content-Disposition} headers; preflights are
 * cached for an hour. Spring's {@link CorsWebFilter} does the work; it runs right after
 * {@link WebSecurityFilter} (so its answers carry the security headers) and before the
 * response cache.
 */
@Configuration(proxyBeanMethods = false)
class ApiCorsConfiguration {

	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 11;

	@Bean
	CorsWebFilter apiCorsFilter() {
		CorsConfiguration config = new CorsConfiguration();
		config.addAllowedOrigin("*");
		config.setAllowedMethods(List.of("GET", "HEAD"));
		config.addAllowedHeader("*");
		config.setExposedHeaders(List.of("ETag", "Content-Disposition"));
		config.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/api/v1", config);
		source.registerCorsConfiguration("/api/v1/**", config);
		return new OrderedCorsWebFilter(source);
	}

	static final class OrderedCorsWebFilter extends CorsWebFilter implements Ordered {

		OrderedCorsWebFilter(UrlBasedCorsConfigurationSource source) {
			super(source);
		}

		@Override
		public int getOrder() {
			return ORDER;
		}

	}

}
