package nl.llomonitor.importer;

import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * For {@code java -jar ... import <file>}: no web server, no background bootstrap, so the
 * command runs beside a serving instance and exits when done.
 */
class ImportCommandEnvironment implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String words = environment.getProperty("nonOptionArgs", "");
		if (Arrays.asList(words.split(",")).contains("import")) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("llo-import-command", Map.of("spring.main.web-application-type", "none",
						"llo.import.bootstrap-dir", "off", "spring.main.banner-mode", "off")));
		}
	}

}
