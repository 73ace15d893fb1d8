package nl.llomonitor.system;

import java.time.Duration;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * A value loaded from the store once per state of the store
 * ({@link DataChangeListener#currentTag()}): reloaded after every import, and when the
 * version goes backwards or jumps; never cached while the version is unknown, and never
 * caching a failure.
 *
 * @param <T> the cached value
 */
public final class VersionedCache<T> {

	private final DataChangeListener versions;

	private final Supplier<Mono<T>> loader;

	private volatile Entry<T> entry;

	/**
	 * @param versions source of the current data version
	 * @param loader loads the value from the store
	 */
	public VersionedCache(DataChangeListener versions, Supplier<Mono<T>> loader) {
		this.versions = versions;
		this.loader = loader;
	}

	/**
	 * @return the value for the current data version
	 */
	public Mono<T> get() {
		String version = this.versions.currentTag();
		if (version == null) {
			return this.loader.get();
		}
		Entry<T> current = this.entry;
		if (current != null && current.version.equals(version)) {
			return current.value;
		}
		Mono<T> value = this.loader.get()
			.cache((v) -> Duration.ofDays(3650), (ex) -> Duration.ZERO, () -> Duration.ZERO);
		this.entry = new Entry<>(version, value);
		return value;
	}

	private record Entry<T>(String version, Mono<T> value) {
	}

}
