package nl.llomonitor.api;

import java.time.Duration;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.llomonitor.system.DataChangeListener;
import reactor.core.publisher.Flux;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Server-sent events: {@code data-changed} after every import that changed data (on any
 * instance, via LISTEN/NOTIFY), and a comment heartbeat every 15 s so proxies keep the
 * stream open. The stream ends (completes) when the app begins to stop; browsers then
 * reconnect, to another instance if there is one.
 */
@RestController
@Tag(name = "events")
record EventsController(DataChangeListener versions) {

	static final Duration HEARTBEAT = Duration.ofSeconds(15);

	@GetMapping(path = "/api/v1/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Server-sent events: data-changed {version} after imports; heartbeat comment every 15 s")
	Flux<ServerSentEvent<Map<String, Long>>> events() {
		Flux<ServerSentEvent<Map<String, Long>>> changes = this.versions.changes()
			.map((change) -> ServerSentEvent.<Map<String, Long>>builder()
				.event("data-changed")
				.id(String.valueOf(change.version()))
				.data(Map.of("version", change.version()))
				.build());
		Flux<ServerSentEvent<Map<String, Long>>> heartbeat = Flux.interval(HEARTBEAT)
			.map((tick) -> ServerSentEvent.<Map<String, Long>>builder().comment("heartbeat").build());
		// hello carries the version at subscription time; it is subscribed after the
		// changes, so no change between the two can be missed (at worst a change comes
		// before hello, and the client refreshes once more)
		Flux<ServerSentEvent<Map<String, Long>>> hello = Flux
			.defer(() -> Flux.just(ServerSentEvent.<Map<String, Long>>builder()
				.event("hello")
				.data(Map.of("version", this.versions.currentVersion()))
				.build()));
		// ended when the app stops, so a graceful shutdown does not wait for open
		// dashboards
		return Flux.merge(changes, heartbeat, hello).takeUntilOther(this.versions.stopping());
	}

}
