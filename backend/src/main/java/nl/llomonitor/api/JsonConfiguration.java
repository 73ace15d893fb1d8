package nl.llomonitor.api;

import tools.jackson.databind.JacksonModule;
import tools.jackson.module.blackbird.BlackbirdModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JSON mapper of the answers: Spring Boot's, with Jackson's Blackbird module, which
 * reads each property of a record or bean through an accessor generated once
 * (LambdaMetafactory) instead of a reflective call per value. A series answer writes
 * about a thousand values; in a flight recording of uncached series requests the
 * reflective reads were a fifth of the time spent writing JSON.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	/**
	 * @return the module, registered by Spring Boot with the application's mapper
	 */
	@Bean
	JacksonModule blackbirdModule() {
		return new BlackbirdModule();
	}

}
