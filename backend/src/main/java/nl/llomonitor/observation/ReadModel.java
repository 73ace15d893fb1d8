package nl.llomonitor.observation;

import nl.llomonitor.indicator.IndicatorCatalog;
import nl.llomonitor.region.RegionCatalog;
import nl.llomonitor.system.DataChangeListener;

import org.springframework.stereotype.Component;

/**
 * What every answer of the read side is built from: the observations
 * ({@link SeriesService}), the indicator and region catalogs and the attribution
 * ({@link SourceCatalog}) of the current data version, and that data version. The answer
 * services (series, map, compare, trend, kerncijfers, revisions) take this one bean
 * instead of the same five each.
 *
 * @param series the observations: values, periods, revisions
 * @param indicators the indicators (404 for an unknown one)
 * @param regions the regions and levels (404 for an unknown one)
 * @param sources publisher, licence and URL of each source table
 * @param versions the data versions
 */
@Component
public record ReadModel(SeriesService series, IndicatorCatalog indicators, RegionCatalog regions, SourceCatalog sources,
		DataChangeListener versions) {

	/** The data version an answer is computed from. */
	public long currentVersion() {
		return this.versions.currentVersion();
	}

}
