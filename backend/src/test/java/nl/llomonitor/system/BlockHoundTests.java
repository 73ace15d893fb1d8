package nl.llomonitor.system;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * BlockHound is installed for every test by its JUnit platform listener. This proves it
 * is active: a blocking call on a non-blocking thread must fail.
 */
class BlockHoundTests {

	@Test
	void blockingOnANonBlockingThreadIsDetected() {
		Mono<Long> blocking = Mono.delay(Duration.ofMillis(1)).map((tick) -> {
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return tick;
		}).subscribeOn(Schedulers.parallel());
		StepVerifier.create(blocking)
			.expectErrorMatches((ex) -> ex.getClass().getName().contains("BlockingOperationError"))
			.verify();
	}

}
