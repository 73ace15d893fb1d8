package nl.llomonitor.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link DataChangeListener} announces changes, without a database: every change it
 * takes reaches every subscriber, whichever thread takes it and however slowly the
 * subscriber reads.
 */
class DataChangeListenerTests {

	private final DataChangeListener listener = new DataChangeListener(
			new DatabaseEndpoint("127.0.0.1", 9, "none", "none", "none"));

	@Test
	void changesTakenOnManyThreadsAtOnceAreAllAnnounced() throws InterruptedException {
		AtomicLong announced = new AtomicLong();
		Disposable subscriber = this.listener.changes().subscribe((change) -> announced.incrementAndGet());
		int threads = 8;
		int each = 2000;
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> started = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int offset = t * each;
			started.add(Thread.ofPlatform().start(() -> {
				awaitQuietly(start);
				for (int i = 0; i < each; i++) {
					// the listener's re-reads and observe() after an import on this
					// instance
					this.listener.observe(offset + i, offset + i);
				}
			}));
		}
		start.countDown();
		for (Thread thread : started) {
			thread.join();
		}
		subscriber.dispose();
		// every taken state differs from the one before it, so each is a change
		assertThat(announced.get()).isEqualTo((long) threads * each);
	}

	@Test
	void aSubscriberThatReadsSlowlyStillLearnsTheLatestChange() {
		StepVerifier.create(this.listener.changes(), 1)
			.then(() -> this.listener.observe(1, 10))
			.assertNext((change) -> assertThat(change.version()).isEqualTo(1))
			// no demand while two more changes come
			.then(() -> this.listener.observe(2, 20))
			.then(() -> this.listener.observe(3, 30))
			.thenRequest(1)
			.assertNext((change) -> assertThat(change.version()).isEqualTo(3))
			.thenCancel()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void theSameStateTakenTwiceIsOneChange() {
		StepVerifier.create(this.listener.changes())
			.then(() -> this.listener.observe(5, 50))
			.then(() -> this.listener.observe(5, 50))
			.then(() -> this.listener.observe(5, 51))
			.assertNext((change) -> assertThat(change.version()).isEqualTo(5))
			// the same number at another time is another state of the store
			.assertNext((change) -> assertThat(change.version()).isEqualTo(5))
			.expectNoEvent(Duration.ofMillis(100))
			.thenCancel()
			.verify(Duration.ofSeconds(5));
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
