package nl.llomonitor.reliability;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import nl.llomonitor.system.DatabaseEndpoint;
import nl.llomonitor.system.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A graceful shutdown with dashboards open: their server-sent event streams end cleanly
 * (complete, not cut off) as the app begins to stop, so the browser reconnects at once
 * and the shutdown does not wait for streams that never end by themselves.
 */
class ShutdownIntegrationTests {

	private ConfigurableApplicationContext app;

	private DatabaseEndpoint database;

	@AfterEach
	void stop() throws SQLException {
		if (this.app != null) {
			this.app.close();
		}
		TestDatabase.dropDatabase(this.database);
	}

	@Test
	void openEventStreamsEndCleanlyWhenTheAppStops() throws Exception {
		this.database = TestDatabase.createDatabase("llo_shutdown_" + ProcessHandle.current().pid());
		this.app = Apps.on(this.database);
		List<ServerSentEvent<String>> received = new CopyOnWriteArrayList<>();
		Sinks.One<String> ended = Sinks.one();
		Apps.client(this.app)
			.get()
			.uri("/api/v1/events")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.subscribe(received::add, (ex) -> ended.tryEmitValue("error: " + ex), () -> ended.tryEmitValue("complete"));
		Apps.waitUntil(() -> received.stream().anyMatch((e) -> "hello".equals(e.event())), Duration.ofSeconds(10));

		this.app.close();
		this.app = null;

		assertThat(ended.asMono().block(Duration.ofSeconds(20))).isEqualTo("complete");
	}

}
