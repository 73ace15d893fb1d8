package nl.llomonitor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * LLO Monitor: regional labour-market and lifelong-learning statistics for the
 * Netherlands.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LloMonitorApplication {

	public static void main(String[] args) {
		SpringApplication.run(LloMonitorApplication.class, args);
	}

}
