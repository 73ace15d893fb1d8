package nl.llomonitor.observation;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

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
 * Values read {@link SeriesService.Query#withRevisions() with revisions} flag exactly the
 * cells that {@link SeriesService#revisedCells} finds in a statement of its own: for
 * every indicator (derived ones too), period type, breakdown member and a few regions,
 * now and as of a moment between two vintages, on real files with a revised cell
 * (85268NED) and a withdrawn one (80072ned).
 */
@SpringBootTest
@Import(TestDatabaseConfiguration.class)
class RevisedInOneReadIntegrationTests {

	@Autowired
	private ImportService importer;

	@Autowired
	private SeriesService series;

	@Autowired
	private IndicatorCatalog indicators;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier(nl.llomonitor.system.DatabaseConfiguration.JDBC_DSL)
	private org.jooq.DSLContext jdbc;

	/**
	 * A later vintage of the latest cell of an indicator and region: the value plus one,
	 * or none (confidential).
	 * @return the id of the row written
	 */
	private long laterVintage(String indicator, String region, boolean withdrawn) {
		return this.jdbc.fetchSingle("""
				insert into observation (indicator_code, region_code, period_code, breakdown_id, import_run_id,
				       recorded_at, value, margin_low, margin_high, status, flags, footnote, source_table,
				       missing_reason)
				select indicator_code, region_code, period_code, breakdown_id, import_run_id, now(),
				       case when ? then null else value + 1 end, null, null, status, flags, footnote, source_table,
				       case when ? then 'vertrouwelijk' end
				from observation
				where indicator_code = ? and region_code = ? and breakdown_id = 0 and value is not null
				order by period_code desc, recorded_at desc
				limit 1
				returning id""", withdrawn, withdrawn, indicator, region).get(0, Long.class);
	}

	@Test
	void theRevisedFlagsAreTheRevisedCells() {
		this.importer.importFile(SharedData.file("cbs/85268NED.csv"), true);
		this.importer.importFile(SharedData.file("cbs/83599NED.csv"), true);
		this.importer.importFile(SharedData.file("cbs/85554NED.csv"), true);
		OffsetDateTime between = OffsetDateTime.now();
		// a revised number, and a number withdrawn, each the latest of its series; the
		// vacancies feed the derived spanningsindicator (removed at the end: other test
		// classes share the database)
		List<Long> added = List.of(laterVintage("werkloosheidspercentage", "PV26", false),
				laterVintage("netto_arbeidsparticipatie", "PV29", true), laterVintage("vacatures", "NL01", false));
		try {
			compare(between);
		}
		finally {
			added.forEach((id) -> this.jdbc.execute("delete from observation where id = ?", id));
		}
	}

	private void compare(OffsetDateTime between) {
		Map<String, IndicatorInfo> all = this.indicators.all().block();
		int revised = 0;
		int compared = 0;
		for (OffsetDateTime asOf : java.util.Arrays.asList(null, between)) {
			for (IndicatorInfo info : all.values()) {
				for (SortedMap<String, String> breakdown : breakdowns(info)) {
					for (String type : info.periodTypes()) {
						SeriesService.Query query = new SeriesService.Query(info, List.of("NL01", "PV26", "PV29"), type,
								null, null, breakdown, asOf);
						Set<String> expected = this.series.revisedCells(query).block();
						Set<String> flagged = new HashSet<>();
						this.series.values(query.withRevisions())
							.block()
							.forEach((region, values) -> values.stream()
								.filter(SeriesService.Value::revised)
								.forEach((v) -> flagged.add(region + "|" + v.period().code())));
						assertThat(flagged).as(info.code() + " " + breakdown + " " + type + " as of " + asOf)
							.isEqualTo(expected);
						// read without revisions, no value says it was revised
						assertThat(this.series.values(query).block().values())
							.allSatisfy((values) -> assertThat(values).noneMatch(SeriesService.Value::revised));
						revised += expected.size();
						compared++;
					}
				}
			}
		}
		// not vacuous: the three cells and the derived figure of the vacancies were
		// found revised now (none as of before them), and many reads compared
		assertThat(revised).isGreaterThanOrEqualTo(4);
		assertThat(compared).isGreaterThan(100);
	}

	/** The totals and each member of each of the indicator's dimensions. */
	private static List<SortedMap<String, String>> breakdowns(IndicatorInfo info) {
		List<SortedMap<String, String>> breakdowns = new java.util.ArrayList<>();
		breakdowns.add(new TreeMap<>());
		info.dimensions()
			.values()
			.forEach((dimension) -> dimension.members()
				.forEach((member) -> breakdowns.add(new TreeMap<>(Map.of(dimension.code(), member.code())))));
		return breakdowns;
	}

}
