package nl.llomonitor.importer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import nl.llomonitor.importer.store.ImportGate;
import nl.llomonitor.importer.store.ImportHistory;
import nl.llomonitor.system.HealthDatabase;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code imports}: DOWN while an import is stuck, i.e. holds the import
 * lock while its connection sits idle in its transaction (its client or thread is gone),
 * or has run longer than {@code llo.import.stuck-after} (default 30 min) on this
 * instance. Details (with the admin token): every import transaction on the database and
 * this instance's queue. Not part of readiness: a stuck import does not make the API
 * wrong. Runs on the health pool ({@link HealthDatabase}).
 */
@Component("imports")
class ImportsHealthIndicator implements ReactiveHealthIndicator {

	private final HealthDatabase database;

	private final ImportGate gate;

	private final Duration stuckAfter;

	private final HealthDatabase.Cached cached = new HealthDatabase.Cached();

	ImportsHealthIndicator(HealthDatabase database, ImportGate gate,
			@org.springframework.beans.factory.annotation.Value("${llo.import.stuck-after:30m}") Duration stuckAfter) {
		this.database = database;
		this.gate = gate;
		this.stuckAfter = stuckAfter;
	}

	@Override
	public Mono<Health> health() {
		return this.cached.get(() -> this.database.query(ImportHistory.ACTIVITY_SQL).map((rows) -> {
			List<Map<String, Object>> transactions = rows.stream().map((row) -> {
				Map<String, Object> map = new java.util.LinkedHashMap<>(row);
				map.put("stuck", ImportHistory.isStuck(map));
				return map;
			}).toList();
			Duration running = this.gate.runningFor();
			boolean stuck = transactions.stream().anyMatch((m) -> Boolean.TRUE.equals(m.get("stuck")))
					|| (running != null && running.compareTo(this.stuckAfter) > 0);
			Health.Builder health = stuck ? Health.down() : Health.up();
			return health.withDetail("transactions", transactions)
				.withDetail("instance", this.gate.state().get("running") == null ? "idle" : this.gate.state())
				.build();
		}).onErrorResume((ex) -> Mono.just(Health.unknown().withDetail("error", ex.toString()).build())));
	}

}
