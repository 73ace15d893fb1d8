package nl.llomonitor.importer.store;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Metrics of every import that ran, by any path (admin upload, command line, start-up,
 * live fetch): {@code llo.import.rows} (rows read; their rate is import rows/s),
 * {@code llo.import.duration} (seconds per import) and
 * {@code llo.import.last.rows.per.second}. Exposed at {@code /actuator/prometheus} as
 * {@code llo_import_rows_total}, {@code llo_import_duration_seconds} and
 * {@code llo_import_last_rows_per_second}.
 */
@Component
public class ImportMetrics {

	private final Counter rows;

	private final Timer duration;

	private final AtomicLong lastRowsPerSecond = new AtomicLong();

	ImportMetrics(ObjectProvider<MeterRegistry> registry) {
		MeterRegistry meters = registry.getIfAvailable(SimpleMeterRegistry::new);
		this.rows = Counter.builder("llo.import.rows")
			.description("Rows read by imports (admin upload, command line, start-up, live fetch)")
			.register(meters);
		this.duration = Timer.builder("llo.import.duration").description("Time of each import").register(meters);
		Gauge.builder("llo.import.last.rows.per.second", this.lastRowsPerSecond, AtomicLong::get)
			.description("Rows per second of the last import")
			.register(meters);
	}

	/**
	 * @param rowsRead rows the import read
	 * @param nanos how long it took
	 */
	public void record(long rowsRead, long nanos) {
		this.duration.record(nanos, TimeUnit.NANOSECONDS);
		this.rows.increment(rowsRead);
		this.lastRowsPerSecond.set((nanos > 0) ? rowsRead * 1_000_000_000L / nanos : 0);
	}

}
