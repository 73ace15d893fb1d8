package nl.llomonitor.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;

import org.springframework.context.annotation.Configuration;

/**
 * Title and description of the OpenAPI document ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}).
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "LLO Monitor API", version = "v1",
		description = "Dutch regional labour-market and lifelong-learning statistics (CBS, Eurostat): regions, "
				+ "indicators, series with vintages (asOf), comparisons with significance, trends, key figures, "
				+ "maps. Read-only; errors are RFC 9457 problems with stable types (/problems/{slug}); every GET "
				+ "carries a strong ETag derived from the data version. Sources: CBS (CC BY 4.0), Eurostat.",
		license = @License(name = "Data: CC BY 4.0 (CBS), Eurostat re-use policy")))
class OpenApiConfiguration {

}
