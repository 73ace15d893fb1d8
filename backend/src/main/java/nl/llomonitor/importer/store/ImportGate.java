package nl.llomonitor.importer.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.llomonitor.api.ApiException;
import nl.llomonitor.cube.ImportRunState;
import nl.llomonitor.importer.AdminImportController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Runs the imports of the admin endpoint, one at a time per instance, on a thread of
 * their own (never the event loop, never the pool of reads). The queue is bounded
 * ({@code llo.import.queue}, default 4): past it a request gets 503 {@code import-busy}
 * with {@code Retry-After} at once.
 * <p>
 * A request that goes away while its import waits in the queue is cancelled cleanly: the
 * import never starts and its temporary file is deleted. An import that has started is
 * never interrupted (an interrupt in the middle of a {@code COPY} left its connection in
 * COPY state inside an open transaction that held the import lock): it runs to its commit
 * or rollback, and then its temporary file is deleted. Its outcome is in
 * {@code import_run} and in {@link #state()}.
 */
@Component
public class ImportGate implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ImportGate.class);

	private static final int HISTORY = 20;

	private final ThreadPoolExecutor executor;

	private final AtomicLong ids = new AtomicLong();

	private final AtomicReference<Job> running = new AtomicReference<>();

	private final AtomicInteger queued = new AtomicInteger();

	private final Deque<Map<String, Object>> recent = new ArrayDeque<>();

	ImportGate(@Value("${llo.import.queue:4}") int queue, @Value("${llo.import.lock-timeout:60s}") Duration lockTimeout,
			ObjectProvider<MeterRegistry> registry) {
		MeterRegistry meters = registry.getIfAvailable(SimpleMeterRegistry::new);
		Gauge.builder("llo.import.queued", this.queued, AtomicInteger::get).register(meters);
		ImportLock.timeout(lockTimeout);
		deleteStaleUploads();
		AtomicInteger threads = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(Math.max(1, queue)), (r) -> {
					Thread t = new Thread(r, "llo-import-" + threads.incrementAndGet());
					t.setDaemon(true);
					return t;
				});
	}

	/**
	 * Queues an import.
	 * @param name what is imported (file name), for the state
	 * @param work the blocking import
	 * @param cleanup run once the import is over or cancelled before it started (deletes
	 * the temporary file)
	 * @param <T> result
	 * @return the result; cancelling it before the import started removes it from the
	 * queue
	 */
	public <T> Mono<T> submit(String name, Callable<T> work, Runnable cleanup) {
		return Mono.create((sink) -> {
			Job job = new Job(this.ids.incrementAndGet(), name, Instant.now());
			Runnable task = () -> {
				this.queued.decrementAndGet();
				if (!job.start()) {
					return;
				}
				this.running.set(job);
				try {
					// measured by ImportMetrics, for every import path
					T result = work.call();
					job.finish("done");
					sink.success(result);
				}
				catch (Throwable ex) {
					job.finish("failed: " + ex);
					sink.error(ex);
				}
				finally {
					this.running.compareAndSet(job, null);
					remember(job);
					runQuietly(cleanup);
				}
			};
			this.queued.incrementAndGet();
			try {
				this.executor.execute(task);
			}
			catch (RejectedExecutionException ex) {
				this.queued.decrementAndGet();
				runQuietly(cleanup);
				sink.error(new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "import-busy",
						"Too many imports are waiting on this instance; retry later.", null, Duration.ofSeconds(30)));
				return;
			}
			sink.onCancel(() -> {
				if (job.cancel()) {
					// still queued: it will not start; the file goes now
					this.executor.remove(task);
					logger.info("Import {} cancelled before it started: the client went away", name);
					remember(job);
					runQuietly(cleanup);
				}
			});
		});
	}

	/**
	 * @return what runs on this instance now, how many wait, and the last imports through
	 * this gate
	 */
	public Map<String, Object> state() {
		Map<String, Object> state = new LinkedHashMap<>();
		Job job = this.running.get();
		state.put("running", (job != null) ? job.describe() : null);
		state.put("queued", Math.max(0, this.queued.get()));
		synchronized (this.recent) {
			state.put("recent", List.copyOf(new ArrayList<>(this.recent)));
		}
		return state;
	}

	/**
	 * @return how long the running import has run, or null
	 */
	public Duration runningFor() {
		Job job = this.running.get();
		return (job != null && job.started != null) ? Duration.between(job.started, Instant.now()) : null;
	}

	/**
	 * Uploads left in the temporary folder by an app that was killed: deleted at start. A
	 * folder {@code llo-upload-<pid>-...} goes when that process is gone (or is this one,
	 * from an earlier life with the same PID); one of a live process stays, since another
	 * instance on this machine may be receiving or importing it now. A folder without a
	 * PID (older versions) goes when untouched for 5 minutes.
	 */
	static void deleteStaleUploads() {
		java.nio.file.Path tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
		long cutoff = System.currentTimeMillis() - Duration.ofMinutes(5).toMillis();
		try (var dirs = java.nio.file.Files.newDirectoryStream(tmp, AdminImportController.UPLOAD_PREFIX + "*")) {
			for (java.nio.file.Path dir : dirs) {
				long owner = uploadOwner(dir.getFileName().toString());
				try (var files = java.nio.file.Files.walk(dir)) {
					List<java.nio.file.Path> all = files.toList();
					boolean stale = true;
					if (owner > 0) {
						stale = owner == ProcessHandle.current().pid()
								|| ProcessHandle.of(owner).filter(ProcessHandle::isAlive).isEmpty();
					}
					else {
						for (java.nio.file.Path p : all) {
							stale &= java.nio.file.Files.getLastModifiedTime(p).toMillis() < cutoff;
						}
					}
					if (stale) {
						for (int i = all.size() - 1; i >= 0; i--) {
							java.nio.file.Files.deleteIfExists(all.get(i));
						}
						logger.info("Deleted an upload left behind: {}", dir);
					}
				}
				catch (java.io.IOException | java.io.UncheckedIOException ex) {
					logger.debug("Could not delete {}: {}", dir, ex.toString());
				}
			}
		}
		catch (java.io.IOException ex) {
			logger.debug("Could not look for stale uploads in {}: {}", tmp, ex.toString());
		}
	}

	/**
	 * @param name a folder name {@code llo-upload-<pid>-<random>}
	 * @return the PID, or -1 for a name without one
	 */
	static long uploadOwner(String name) {
		String rest = name.substring(AdminImportController.UPLOAD_PREFIX.length());
		int end = rest.indexOf('-', 1);
		if (!rest.startsWith("-") || end < 0) {
			return -1;
		}
		try {
			return Long.parseLong(rest.substring(1, end));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private void remember(Job job) {
		synchronized (this.recent) {
			this.recent.addFirst(job.describe());
			while (this.recent.size() > HISTORY) {
				this.recent.removeLast();
			}
		}
	}

	private static void runQuietly(Runnable cleanup) {
		try {
			cleanup.run();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not clean up after an import: {}", ex.toString());
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdown();
	}

	private static final class Job {

		final long id;

		final String name;

		final Instant queuedAt;

		volatile Instant started;

		volatile Instant finished;

		volatile String outcome = "queued";

		private final AtomicInteger phase = new AtomicInteger();

		Job(long id, String name, Instant queuedAt) {
			this.id = id;
			this.name = name;
			this.queuedAt = queuedAt;
		}

		boolean start() {
			if (this.phase.compareAndSet(0, 1)) {
				this.started = Instant.now();
				this.outcome = ImportRunState.RUNNING.code();
				return true;
			}
			return false;
		}

		boolean cancel() {
			if (this.phase.compareAndSet(0, 2)) {
				this.finished = Instant.now();
				this.outcome = "cancelled before it started";
				return true;
			}
			return false;
		}

		void finish(String outcome) {
			this.finished = Instant.now();
			this.outcome = outcome;
		}

		Map<String, Object> describe() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("id", this.id);
			map.put("file", this.name);
			map.put("queuedAt", this.queuedAt.toString());
			if (this.started != null) {
				map.put("startedAt", this.started.toString());
				Instant end = (this.finished != null) ? this.finished : Instant.now();
				map.put("seconds", Duration.between(this.started, end).toMillis() / 1000.0);
			}
			if (this.finished != null) {
				map.put("finishedAt", this.finished.toString());
			}
			map.put("state", this.outcome);
			return map;
		}

	}

}
