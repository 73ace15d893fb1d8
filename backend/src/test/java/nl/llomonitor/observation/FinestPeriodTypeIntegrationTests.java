package nl.llomonitor.observation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.llomonitor.SharedData;
import nl.llomonitor.importer.ImportService;
import nl.llomonitor.indicator.IndicatorCatalog;
import nl.llomonitor.indicator.IndicatorInfo;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The period type of a request without one comes from what the store covers
 * ({@code observation_coverage}); read as of a moment it comes from the observations
 * themselves. Both give the same type for every indicator and region of the shared files.
 */
@SpringBootTest
@Import(TestDatabaseConfiguration.class)
class FinestPeriodTypeIntegrationTests {

	@Autowired
	private ImportService importer;

	@Autowired
	private SeriesService series;

	@Autowired
	private IndicatorCatalog indicators;

	@Test
	void theCoverageGivesThePeriodTypeTheObservationsGive() {
		// quarters and years for provinces, years only for arbeidsmarktregio's
		this.importer.importFile(SharedData.file("cbs/85268NED.csv"), true);
		this.importer.importFile(SharedData.file("cbs/86088NED.csv"), true);
		OffsetDateTime later = OffsetDateTime.now().plusDays(1);
		Map<String, IndicatorInfo> all = this.indicators.all().block();
		List<String> compared = new ArrayList<>();
		for (IndicatorInfo info : all.values()) {
			for (List<String> regions : List.of(List.of("NL01"), List.of("PV26"), List.of("AM08"),
					List.of("NL01", "AM08"), List.of("PV21", "PV26", "GM0344"))) {
				String covered = this.series.finestPeriodType(info, regions).block();
				String observed = this.series.finestPeriodType(info, regions, later).block();
				assertThat(covered).as(info.code() + " " + regions).isEqualTo(observed);
				if (observed != null && info.periodTypes().size() > 1) {
					compared.add(info.code() + " " + regions + " " + observed);
				}
			}
		}
		// not vacuous: indicators with several period types had data, in both kinds
		assertThat(compared).anyMatch((c) -> c.endsWith(" quarter")).anyMatch((c) -> c.endsWith(" year"));
		// the key figures read every indicator's type for a region at once: the same
		// types, and none where there is no data
		for (String region : List.of("NL01", "PV26", "AM08", "GM0344")) {
			Map<String, String> atOnce = this.series.finestPeriodTypes(all.values(), region).block();
			Map<String, String> oneByOne = new java.util.HashMap<>();
			for (IndicatorInfo info : all.values()) {
				String type = this.series.finestPeriodType(info, List.of(region)).block();
				if (type != null) {
					oneByOne.put(info.code(), type);
				}
			}
			assertThat(atOnce).as(region).isEqualTo(oneByOne);
		}
	}

}
