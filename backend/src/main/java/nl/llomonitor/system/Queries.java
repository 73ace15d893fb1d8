package nl.llomonitor.system;

import java.time.Duration;
import java.util.List;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a jOOQ R2DBC query to completion, detached from the caller's cancellation. When an
 * HTTP client goes away, or a request times out, its cancellation must not reach a query
 * half-way: cancelling an in-flight R2DBC query can leave its pooled connection unusable
 * (see jOOQ#17094, jOOQ#20112), and enough of those exhaust the pool. The queries of the
 * API are small, so letting one finish costs less than risking the pool.
 */
public final class Queries {

	/**
	 * Longest a request waits for one query; then it fails (503 database-unavailable)
	 * instead of hanging, while the query itself is left to finish.
	 */
	public static final Duration TIMEOUT = Duration.ofSeconds(5);

	private Queries() {
	}

	/**
	 * @param query a jOOQ query (a Publisher of records)
	 * @param <R> record type
	 * @return all its rows, read to the end even if the subscriber cancels
	 */
	public static <R> Mono<List<R>> list(Publisher<R> query) {
		return Mono.defer(() -> Mono.fromFuture(Flux.from(query).collectList().toFuture(), true)).timeout(TIMEOUT);
	}

	/**
	 * @param query a jOOQ query (a Publisher of records)
	 * @param <R> record type
	 * @return its rows, read to the end even if the subscriber cancels
	 */
	public static <R> Flux<R> flux(Publisher<R> query) {
		return list(query).flatMapIterable((rows) -> rows);
	}

}
