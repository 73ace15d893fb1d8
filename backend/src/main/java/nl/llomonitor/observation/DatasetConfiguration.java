package nl.llomonitor.observation;

import java.util.Locale;

import tools.jackson.databind.ObjectMapper;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.accept.RequestedContentTypeResolverBuilder;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.server.ServerWebExchange;

/**
 * Registers the {@link DatasetWriter} and lets {@code ?format=json|csv|jsonstat} choose a
 * representation before the {@code Accept} header does. An unknown {@code format} is left
 * to the endpoint, which answers 400 (see {@code ResponseFormat.check}).
 */
@Configuration(proxyBeanMethods = false)
class DatasetConfiguration implements WebFluxConfigurer {

	private final ObjectMapper mapper;

	DatasetConfiguration(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
		configurer.customCodecs().register(new DatasetWriter(this.mapper));
	}

	@Override
	public void configureContentTypeResolver(RequestedContentTypeResolverBuilder builder) {
		builder.resolver(DatasetConfiguration::formatParameter);
		builder.headerResolver();
	}

	private static java.util.List<MediaType> formatParameter(ServerWebExchange exchange) {
		String format = exchange.getRequest().getQueryParams().getFirst("format");
		if (format == null) {
			return java.util.List.of(MediaType.ALL);
		}
		return switch (format.trim().toLowerCase(Locale.ROOT)) {
			case "json" -> java.util.List.of(MediaType.APPLICATION_JSON);
			case "csv" -> java.util.List.of(DatasetWriter.CSV);
			case "jsonstat", "json-stat" -> java.util.List.of(DatasetWriter.JSONSTAT);
			default -> java.util.List.of(MediaType.ALL);
		};
	}

}
