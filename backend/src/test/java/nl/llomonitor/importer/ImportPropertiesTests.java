package nl.llomonitor.importer;

import java.time.Duration;

import nl.llomonitor.importer.store.ObservationStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defaults of {@code llo.import.*} that change what a store holds.
 */
class ImportPropertiesTests {

	private static ImportProperties withSegmentCells(Long cells) {
		return new ImportProperties(null, null, null, null, null, Duration.ZERO, cells);
	}

	/** Segments cost every read: none unless asked for, and 0 means none. */
	@Test
	void segmentsAreOffUnlessASizeIsGiven() {
		assertThat(withSegmentCells(null).segmentCells()).isEqualTo(ObservationStore.NO_SEGMENTS)
			.isEqualTo(Long.MAX_VALUE);
		assertThat(withSegmentCells(0L).segmentCells()).isEqualTo(ObservationStore.NO_SEGMENTS);
		assertThat(withSegmentCells(1_000_000L).segmentCells()).isEqualTo(1_000_000L);
	}

}
