package nl.llomonitor.importer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Importer settings ({@code llo.import.*}).
 *
 * @param bootstrapDir folder with the real published files ({@code shared/data}) to
 * import in the background after startup: a path, {@code auto} (default: look for
 * {@code shared/data} beside or above the working directory) or {@code off}
 * @param demo whether to load the demo data set when the store has no observations
 * @param odata3Url base URL of the CBS OData v3 API
 * @param odata4Url base URL of the CBS OData v4 API
 * @param fetchAttempts attempts per request of a live fetch
 * @param fetchBackoff wait before the first retry; doubled for every next one
 * @param segmentCells staged cells from which an import writes them into a segment of its
 * own, indexed once after loading (migration V13); absent or 0: never (default, see
 * {@link nl.llomonitor.importer.store.ObservationStore#NO_SEGMENTS})
 */
@ConfigurationProperties("llo.import")
record ImportProperties(String bootstrapDir, Boolean demo, String odata3Url, String odata4Url, Integer fetchAttempts,
		Duration fetchBackoff, Long segmentCells) {

	ImportProperties {
		bootstrapDir = (bootstrapDir == null || bootstrapDir.isBlank()) ? "auto" : bootstrapDir;
		demo = (demo == null) ? Boolean.TRUE : demo;
		odata3Url = (odata3Url == null) ? "https://opendata.cbs.nl/ODataFeed/odata" : odata3Url;
		odata4Url = (odata4Url == null) ? "https://datasets.cbs.nl/odata/v1/CBS" : odata4Url;
		fetchAttempts = (fetchAttempts == null) ? 4 : fetchAttempts;
		fetchBackoff = (fetchBackoff == null) ? Duration.ofMillis(500) : fetchBackoff;
		segmentCells = (segmentCells == null || segmentCells <= 0)
				? nl.llomonitor.importer.store.ObservationStore.NO_SEGMENTS : segmentCells;
	}

}
