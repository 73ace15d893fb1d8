package nl.llomonitor.importer;

import java.util.function.Supplier;

import nl.llomonitor.system.DatabaseEndpoint;
import nl.llomonitor.system.TestDatabase;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A database of its own on the test server for the open-world tests: tables imported with
 * their own measures there ({@code source_table_info.generic}) are re-mapped on every
 * later import, which must not change how the other tests in the same JVM import the same
 * tables. Created once per JVM.
 */
@TestConfiguration(proxyBeanMethods = false)
public class OpenWorldDatabaseConfiguration {

	private static final Supplier<DatabaseEndpoint> DATABASE = TestDatabase
		.ownDatabase("llo_open_world_" + ProcessHandle.current().pid());

	@Bean
	DynamicPropertyRegistrar openWorldDatabaseProperties() {
		return TestDatabase.properties(DATABASE);
	}

}
