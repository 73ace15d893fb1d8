package nl.llomonitor.api;

import java.util.List;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;

/**
 * A handler method takes the response language as a {@link Lang} argument: from
 * {@code ?lang=nl|en}, else from {@code Accept-Language} ({@link Lang#resolve}); a wrong
 * {@code lang} is a 400 problem before the method runs. The API documentation shows it as
 * the query parameter {@code lang}.
 */
@Configuration(proxyBeanMethods = false)
class LangArgumentResolver implements HandlerMethodArgumentResolver, WebFluxConfigurer {

	static {
		// documented as the query parameter below, not as a parameter of type Lang
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Lang.class);
	}

	@Override
	public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
		configurer.addCustomResolver(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Lang.class;
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
		return Mono.fromSupplier(() -> Lang.resolve(exchange.getRequest().getQueryParams().getFirst("lang"), exchange));
	}

	@Bean
	static OperationCustomizer langParameter() {
		return (operation, handler) -> {
			for (MethodParameter parameter : handler.getMethodParameters()) {
				if (parameter.getParameterType() == Lang.class) {
					operation.addParametersItem(new QueryParameter().name("lang")
						.description("nl or en; default the first of Accept-Language we speak, else nl")
						.schema(new StringSchema()._enum(List.of("nl", "en"))));
				}
			}
			return operation;
		};
	}

}
