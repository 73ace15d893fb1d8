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
 */
@Component
public final class ReadModel {

	private final SeriesService series;

	private final IndicatorCatalog indicators;

	private final RegionCatalog regions;

	private final SourceCatalog sources;

	private final DataChangeListener versions;

	ReadModel(SeriesService series, IndicatorCatalog indicators, RegionCatalog regions, SourceCatalog sources,
			DataChangeListener versions) {
		this.series = series;
		this.indicators = indicators;
		this.regions = regions;
		this.sources = sources;
		this.versions = versions;
	}

	/** The observations: values, periods, revisions. */
	public SeriesService series() {
		return this.series;
	}

	/** The indicators (404 for an unknown one). */
	public IndicatorCatalog indicators() {
		return this.indicators;
	}

	/** The regions and levels (404 for an unknown one). */
	public RegionCatalog regions() {
		return this.regions;
	}

	/** Publisher, licence and URL of each source table. */
	public SourceCatalog sources() {
		return this.sources;
	}

	/** The data version an answer is computed from. */
	public long currentVersion() {
		return this.versions.currentVersion();
	}

}
