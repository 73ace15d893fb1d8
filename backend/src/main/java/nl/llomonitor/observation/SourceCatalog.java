package nl.llomonitor.observation;

import java.util.Locale;
import java.util.Map;

import nl.llomonitor.system.DataChangeListener;
import nl.llomonitor.system.Queries;
import nl.llomonitor.system.VersionedCache;
import org.jooq.DSLContext;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import static nl.llomonitor.db.Tables.SOURCE;

/**
 * The attribution of every source table from the {@code source} table (publisher, licence
 * and URL as the mapping files declare them), loaded once per data version.
 */
@Component
public class SourceCatalog {

	private final DSLContext dsl;

	private final VersionedCache<Map<String, Source>> cache;

	SourceCatalog(DSLContext dsl, DataChangeListener versions) {
		this.dsl = dsl;
		this.cache = new VersionedCache<>(versions, this::load);
	}

	/**
	 * @return the known sources by lower-case table id
	 */
	public Mono<Map<String, Source>> all() {
		return this.cache.get();
	}

	private Mono<Map<String, Source>> load() {
		return Queries.flux(this.dsl.selectFrom(SOURCE))
			.collectMap((r) -> r.getTableId().toLowerCase(Locale.ROOT),
					(r) -> new Source(r.getTableId(), r.getPublisher(), r.getLicence(), r.getUrl()));
	}

}
