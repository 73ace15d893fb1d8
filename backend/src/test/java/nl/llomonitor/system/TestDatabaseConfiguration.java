package nl.llomonitor.system;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points the app, JDBC and R2DBC alike, at the test PostgreSQL ({@link TestDatabase}).
 * Import it in every {@code *IntegrationTests} class.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

	@Bean
	DynamicPropertyRegistrar testDatabaseProperties() {
		return TestDatabase.properties(TestDatabase::endpoint);
	}

}
