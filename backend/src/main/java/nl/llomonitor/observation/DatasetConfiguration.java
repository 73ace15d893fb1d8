package nl.llomonitor.observation;

import java.util.Locale;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.accept.RequestedContentTypeResolverBuilder;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.server.ServerWebExchange;

/**
 * Registers the {@link DatasetWriter} and lets {@code ?format=json|csv|jsonstat} choose a
 * representation before the {@code Accept} header does. An unknown {@code format} is left
 * to the endpoint, which answers 400 (see {@code ResponseFormat.check}).
 * <p>
 * In the API documentation an endpoint that answers {@code Mono<Dataset<A>>} shows the
 * schema of its JSON answer {@code A} as {@code application/json}, the representation the
 * others are written from.
 */
@Configuration(proxyBeanMethods = false)
class DatasetConfiguration implements WebFluxConfigurer {

	/** How every dataset endpoint's 200 answer is described. */
	static final String ANSWER = "the answer (JSON shown; CSV and JSON-stat carry the same cells)";

	/** What every dataset endpoint's description ends with. */
	static final String NEGOTIATION = "Content negotiation: application/json (default), text/csv, "
			+ "application/json+stat (JSON-stat 2.0); or ?format=json|csv|jsonstat.";

	static {
		// a Dataset<A> is documented as its answer A
		SpringDocUtils.getConfig().addResponseWrapperToIgnore(Dataset.class);
	}

	private final ObjectMapper mapper;

	DatasetConfiguration(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	@Bean
	static OperationCustomizer datasetAnswers() {
		return (operation, handler) -> {
			ResolvableType answer = ResolvableType.forMethodReturnType(handler.getMethod());
			boolean dataset = Dataset.class.equals(answer.as(Mono.class).getGeneric(0).resolve());
			ApiResponse ok = (operation.getResponses() != null) ? operation.getResponses().get("200") : null;
			if (dataset && ok != null && ok.getContent() != null && !ok.getContent().isEmpty()) {
				io.swagger.v3.oas.models.media.MediaType json = ok.getContent().values().iterator().next();
				ok.description(ANSWER).content(new Content().addMediaType(MediaType.APPLICATION_JSON_VALUE, json));
				operation.description((operation.getDescription() != null)
						? operation.getDescription() + " " + NEGOTIATION : NEGOTIATION);
			}
			return operation;
		};
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
