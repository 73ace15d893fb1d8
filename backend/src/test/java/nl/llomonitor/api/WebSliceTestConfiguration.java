package nl.llomonitor.api;

import nl.llomonitor.system.DataChangeListener;
import nl.llomonitor.system.DatabaseEndpoint;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebFluxTest} slice of a data endpoint needs besides its controller: the
 * problem rendering of errors, the message bundles (read at startup, as in the
 * application, not on an event-loop thread), and a data change listener that never
 * connects (so the response cache stays off).
 */
@TestConfiguration
@Import({ ProblemWebExceptionHandler.class, Messages.class })
public class WebSliceTestConfiguration {

	@Bean
	DataChangeListener dataChangeListener() {
		// nothing listens on port 9: the version stays unknown, so nothing is cached
		return new DataChangeListener(new DatabaseEndpoint("127.0.0.1", 9, "none", "none", "none"));
	}

}
