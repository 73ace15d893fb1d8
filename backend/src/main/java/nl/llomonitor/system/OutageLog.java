package nl.llomonitor.system;

import java.time.Duration;

import org.slf4j.Logger;

/**
 * Rate-limited warnings for a condition that repeats while it lasts, such as a database
 * outage: the first occurrence is a WARN line, the ones after it within the interval only
 * count (DEBUG), and the next WARN line tells how many were left out. One 20 s outage
 * thus writes a few lines, not one per request.
 */
public final class OutageLog {

	private final Logger logger;

	private final long intervalNanos;

	private long lastWarned;

	private boolean warned;

	private long suppressed;

	/**
	 * @param logger where to log
	 * @param interval at most one WARN line per interval
	 */
	public OutageLog(Logger logger, Duration interval) {
		this.logger = logger;
		this.intervalNanos = interval.toNanos();
	}

	/**
	 * Logs a warning, unless one was logged within the interval.
	 * @param message an SLF4J message with one {@code {}} for the failure
	 * @param failure the failure (only its {@code toString()} is logged)
	 */
	public void warn(String message, Throwable failure) {
		long now = System.nanoTime();
		long left;
		synchronized (this) {
			if (this.warned && now - this.lastWarned < this.intervalNanos) {
				this.suppressed++;
				left = -1;
			}
			else {
				left = this.suppressed;
				this.suppressed = 0;
				this.warned = true;
				this.lastWarned = now;
			}
		}
		if (left < 0) {
			this.logger.debug(message, failure.toString());
		}
		else if (left == 0) {
			this.logger.warn(message, failure.toString());
		}
		else {
			this.logger.warn(message + " ({} more like it since the last warning)", failure.toString(), left);
		}
	}

	/**
	 * The condition is over: says so once if it was warned about.
	 */
	public void recovered() {
		long left;
		synchronized (this) {
			if (!this.warned) {
				return;
			}
			left = this.suppressed;
			this.warned = false;
			this.suppressed = 0;
		}
		this.logger.info("Recovered ({} more warnings left out since the last one)", left);
	}

}
