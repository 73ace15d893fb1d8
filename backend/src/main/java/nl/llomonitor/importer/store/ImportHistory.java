package nl.llomonitor.importer.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.llomonitor.system.Queries;
import org.jooq.DSLContext;
import org.jooq.Record;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * What {@code GET /api/admin/imports} shows besides this instance's queue: every import
 * transaction on the database (any instance), and the last rows of {@code import_run}.
 */
@Component
public class ImportHistory {

	/**
	 * An import that holds the lock while its connection sits idle in its transaction
	 * this long ({@code llo.import.stuck-idle}) is stuck: its client or thread is gone.
	 */
	static volatile long stuckIdleSeconds = 30;

	public static final String ACTIVITY_SQL = """
			select a.pid, a.application_name, a.client_addr::text as client, a.state,
			       a.wait_event_type, a.wait_event,
			       extract(epoch from now() - a.xact_start)::bigint as transaction_seconds,
			       extract(epoch from now() - a.state_change)::bigint as state_seconds,
			       coalesce(bool_or(l.granted), false) as holds_lock,
			       coalesce(bool_or(not l.granted), false) as waits_for_lock
			from pg_stat_activity a
			left join pg_locks l on l.pid = a.pid and l.locktype = 'advisory'
			     and l.classid = %d and l.objid = %d and l.objsubid = 1
			where a.datname = current_database() and a.xact_start is not null
			  and (a.application_name = 'llo-monitor-import' or l.pid is not null)
			group by a.pid, a.application_name, a.client_addr, a.state, a.wait_event_type, a.wait_event,
			         a.xact_start, a.state_change
			order by a.xact_start
			""".formatted(ImportLock.KEY >>> 32, ImportLock.KEY & 0xffffffffL);

	private final DSLContext dsl;

	ImportHistory(DSLContext dsl,
			@org.springframework.beans.factory.annotation.Value("${llo.import.stuck-idle:30s}") java.time.Duration stuckIdle) {
		this.dsl = dsl;
		stuckIdleSeconds = Math.max(0, stuckIdle.toSeconds());
	}

	public Mono<Map<String, Object>> describe(Map<String, Object> instance) {
		Mono<List<Map<String, Object>>> activity = Queries.list(this.dsl.resultQuery(ACTIVITY_SQL))
			.map((rows) -> rows.stream().map(ImportHistory::transaction).toList());
		Mono<List<Map<String, Object>>> runs = Queries.list(this.dsl.resultQuery("""
				select id, format, file_name, table_id, status, started_at::text, finished_at::text,
				       published_at::text, rows_read, rows_inserted, rows_unchanged,
				       (report ->> 'confirmed')::bigint as confirmed, complete, incomplete_reason, superseded_by,
				       error
				from import_run order by id desc limit 50
				""")).map((rows) -> rows.stream().map(Record::intoMap).toList());
		return Mono.zip(activity, runs).map((t) -> {
			Map<String, Object> state = new LinkedHashMap<>();
			state.put("instance", instance);
			state.put("database", t.getT1());
			state.put("stuck", t.getT1().stream().anyMatch((m) -> Boolean.TRUE.equals(m.get("stuck"))));
			state.put("history", t.getT2());
			return state;
		});
	}

	static Map<String, Object> transaction(Record row) {
		Map<String, Object> map = new LinkedHashMap<>(row.intoMap());
		map.put("stuck", isStuck(map));
		return map;
	}

	public static boolean isStuck(Map<String, Object> row) {
		String state = String.valueOf(row.get("state"));
		Object idle = row.get("state_seconds");
		return Boolean.TRUE.equals(row.get("holds_lock")) && state.startsWith("idle in transaction")
				&& idle instanceof Number n && n.longValue() >= stuckIdleSeconds;
	}

}
