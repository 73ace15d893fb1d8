package nl.llomonitor.observation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Several breakdowns read in one statement
 * ({@link SeriesService#observedValues(SeriesService.Query, List)}, the shares of a key
 * figure) give exactly what a read of each breakdown on its own gives: for every
 * indicator with a dimension (derived ones too), period type and a few regions, with and
 * without revisions, now and as of a moment between two vintages, a member the store does
 * not hold included; on real files (86088NED split by sex).
 */
@SpringBootTest
@Import(TestDatabaseConfiguration.class)
class SeveralBreakdownsInOneReadIntegrationTests {

	@Autowired
	private ImportService importer;

	@Autowired
	private SeriesService series;

	@Autowired
	private IndicatorCatalog indicators;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier(nl.llomonitor.system.DatabaseConfiguration.JDBC_DSL)
	private org.jooq.DSLContext jdbc;

	@Test
	void oneReadOfSeveralBreakdownsIsEachReadOnItsOwn() {
		this.importer.importFile(SharedData.file("cbs/86088NED.csv"), true);
		this.importer.importFile(SharedData.file("cbs/85268NED.csv"), true);
		OffsetDateTime between = OffsetDateTime.now();
		// a later vintage of a member's cell: revised now, not as of between (removed at
		// the end: other test classes share the database)
		long added = laterVintage("werkloze_beroepsbevolking", "GM0307", false);
		try {
			int compared = 0;
			int values = 0;
			int revised = 0;
			for (IndicatorInfo info : this.indicators.all().block().values()) {
				for (IndicatorInfo.Dimension dimension : info.dimensions().values()) {
					List<SortedMap<String, String>> breakdowns = new ArrayList<>();
					dimension.members()
						.forEach((m) -> breakdowns.add(new TreeMap<>(Map.of(dimension.code(), m.code()))));
					breakdowns.add(new TreeMap<>(Map.of(dimension.code(), "not_stored")));
					for (String type : info.periodTypes()) {
						for (OffsetDateTime asOf : java.util.Arrays.asList(null, between)) {
							// every period; one period (a share's read); a range
							List<PeriodCode[]> ranges = new ArrayList<>();
							ranges.add(new PeriodCode[] { null, null });
							for (int r = 0; r < ranges.size(); r++) {
								for (boolean revisions : new boolean[] { false, true }) {
									SeriesService.Query query = new SeriesService.Query(info,
											List.of("NL01", "PV26", "GM0307"), type, ranges.get(r)[0], ranges.get(r)[1],
											new TreeMap<>(), asOf, revisions);
									List<Map<String, List<SeriesService.Value>>> together = this.series
										.observedValues(query, breakdowns)
										.block();
									List<Map<String, List<SeriesService.Value>>> apart = new ArrayList<>();
									for (SortedMap<String, String> b : breakdowns) {
										apart.add(this.series
											.observedValues(new SeriesService.Query(info, query.regions(), type,
													query.from(), query.to(), b, asOf, revisions))
											.block());
									}
									assertThat(together)
										.as("%s %s %s %s..%s as of %s", info.code(), dimension.code(), type,
												query.from(), query.to(), asOf)
										.isEqualTo(apart);
									assertThat(together.get(together.size() - 1).values())
										.allSatisfy((v) -> assertThat(v).isEmpty());
									compared++;
									java.util.TreeSet<PeriodCode> periods = new java.util.TreeSet<>();
									for (Map<String, List<SeriesService.Value>> byRegion : together) {
										for (List<SeriesService.Value> list : byRegion.values()) {
											values += list.size();
											revised += (int) list.stream().filter(SeriesService.Value::revised).count();
											list.forEach((v) -> periods.add(v.period()));
										}
									}
									if (r == 0 && !revisions && periods.size() > 1) {
										ranges.add(new PeriodCode[] { periods.last(), periods.last() });
										ranges.add(new PeriodCode[] { periods.first(), periods.last() });
									}
								}
							}
						}
					}
				}
			}
			// the later vintage: read now, not as of before it, in a read of several
			// breakdowns
			var row = this.jdbc.fetchSingle("select breakdown_id, period_code, value from observation where id = ?",
					added);
			IndicatorInfo unemployed = this.indicators.all().block().get("werkloze_beroepsbevolking");
			List<SortedMap<String, String>> all = new ArrayList<>();
			unemployed.dimensions()
				.values()
				.forEach((d) -> d.members().forEach((m) -> all.add(new TreeMap<>(Map.of(d.code(), m.code())))));
			PeriodCode period = PeriodCode.of(row.get(1, String.class));
			String type = period.type();
			String key = this.jdbc.fetchSingle("select key from breakdown where id = ?", row.get(0, Long.class))
				.get(0, String.class);
			int member = all.stream().map(SeriesService::key).toList().indexOf(key);
			assertThat(member).as("breakdown %s among %s", key, all).isNotNegative();
			java.util.function.Function<OffsetDateTime, java.math.BigDecimal> read = (asOf) -> this.series
				.observedValues(new SeriesService.Query(unemployed, List.of("GM0307"), type, period, period,
						new TreeMap<>(), asOf), all)
				.block()
				.get(member)
				.get("GM0307")
				.get(0)
				.value();
			java.math.BigDecimal later = row.get(2, java.math.BigDecimal.class);
			assertThat(read.apply(null)).isEqualByComparingTo(later);
			assertThat(read.apply(between)).isEqualByComparingTo(later.subtract(java.math.BigDecimal.ONE));
			// not vacuous: many reads, members with values, the later vintage flagged
			assertThat(compared).isGreaterThan(20);
			assertThat(values).isGreaterThan(100);
			assertThat(revised).isGreaterThanOrEqualTo(1);
		}
		finally {
			this.jdbc.execute("delete from observation where id = ?", added);
		}
	}

	/**
	 * Reads planned together ({@link SeriesService#prefetch}: one statement for all) give
	 * exactly what each read gives on its own: every indicator (derived ones too), period
	 * type, a range open at either end or both, one period, with and without revisions,
	 * now and as of a moment between two vintages, the totals and the members of a split;
	 * and once planned, the reads run no statement of their own (counted as CellRead logs
	 * them, one line each at TRACE).
	 */
	@Test
	void readsPlannedTogetherAreEachReadOnItsOwn() {
		this.importer.importFile(SharedData.file("cbs/86088NED.csv"), true);
		this.importer.importFile(SharedData.file("cbs/85268NED.csv"), true);
		this.importer.importFile(SharedData.file("cbs/85554NED.csv"), true);
		OffsetDateTime between = OffsetDateTime.now();
		// a later vintage of a cell: revised now, not as of between (removed at the end:
		// other test classes share the database)
		long added = laterVintage("werkloosheidspercentage", "PV26", true);
		var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(CellRead.class);
		var statements = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
		statements.start();
		ch.qos.logback.classic.Level level = logger.getLevel();
		try {
			List<String> regions = List.of("NL01", "PV26", "GM0307");
			List<SeriesService.Planned> planned = new ArrayList<>();
			for (IndicatorInfo info : this.indicators.all().block().values()) {
				for (String type : info.periodTypes()) {
					java.util.TreeSet<PeriodCode> periods = new java.util.TreeSet<>();
					this.series.values(new SeriesService.Query(info, regions, type, null, null, new TreeMap<>(), null))
						.block()
						.values()
						.forEach((list) -> list.forEach((v) -> periods.add(v.period())));
					List<PeriodCode[]> ranges = new ArrayList<>();
					ranges.add(new PeriodCode[] { null, null });
					if (periods.size() > 2) {
						PeriodCode middle = new ArrayList<>(periods).get(periods.size() / 2);
						ranges.add(new PeriodCode[] { periods.last(), periods.last() });
						ranges.add(new PeriodCode[] { middle, null });
						ranges.add(new PeriodCode[] { null, middle });
						ranges.add(new PeriodCode[] { periods.first(), middle });
					}
					for (PeriodCode[] range : ranges) {
						for (OffsetDateTime asOf : java.util.Arrays.asList(null, between)) {
							for (boolean revisions : new boolean[] { false, true }) {
								SeriesService.Query query = new SeriesService.Query(info, regions, type, range[0],
										range[1], new TreeMap<>(), asOf, revisions);
								planned.add(new SeriesService.Planned(query));
								for (IndicatorInfo.Dimension dimension : info.dimensions().values()) {
									List<SortedMap<String, String>> breakdowns = new ArrayList<>();
									dimension.members()
										.forEach((m) -> breakdowns
											.add(new TreeMap<>(Map.of(dimension.code(), m.code()))));
									planned.add(new SeriesService.Planned(query, breakdowns));
								}
							}
						}
					}
				}
			}
			List<Object> apart = new ArrayList<>();
			for (SeriesService.Planned p : planned) {
				apart.add((p.breakdowns() == null) ? this.series.values(p.query()).block()
						: this.series.observedValues(p.query(), p.breakdowns()).block());
			}
			logger.setLevel(ch.qos.logback.classic.Level.TRACE);
			logger.addAppender(statements);
			List<Object> together = SeriesService
				.sharingReads(this.series.prefetch(planned)
					.then(reactor.core.publisher.Flux.fromIterable(planned)
						.concatMap((p) -> (p.breakdowns() == null) ? this.series.values(p.query())
								: this.series.observedValues(p.query(), p.breakdowns()))
						.cast(Object.class)
						.collectList()))
				.block();
			// one statement for each moment and whether revisions are read
			assertThat(statements.list).hasSizeLessThanOrEqualTo(4);
			for (int i = 0; i < planned.size(); i++) {
				assertThat(together.get(i)).as("%s", planned.get(i)).isEqualTo(apart.get(i));
			}
			// not vacuous: many reads, with values, the later vintage read as revised
			assertThat(planned).hasSizeGreaterThan(100);
			assertThat(apart.toString()).contains("revised=true").contains("value=");
		}
		finally {
			logger.detachAppender(statements);
			logger.setLevel(level);
			this.jdbc.execute("delete from observation where id = ?", added);
		}
	}

	/**
	 * Adds a later vintage (its value one more, no margins) of the newest cell with a
	 * value of an indicator and region: its total, or a member of a split. The caller
	 * deletes it at the end (other test classes share the database).
	 * @return the id of the added row
	 */
	private long laterVintage(String indicator, String region, boolean total) {
		return this.jdbc.fetchSingle("""
				insert into observation (indicator_code, region_code, period_code, breakdown_id, import_run_id,
				       recorded_at, value, margin_low, margin_high, status, flags, footnote, source_table,
				       missing_reason)
				select indicator_code, region_code, period_code, breakdown_id, import_run_id, now(), value + 1,
				       null, null, status, flags, footnote, source_table, missing_reason
				from observation
				where indicator_code = ? and region_code = ? and (breakdown_id = 0) = ? and value is not null
				order by period_code desc, recorded_at desc
				limit 1
				returning id""", indicator, region, total).get(0, Long.class);
	}

	/**
	 * Within one answer ({@link SeriesService#sharingReads}) a second read of the same
	 * cells is the first one's result (one statement), a read of other cells is not;
	 * outside, and in another subscription of the same answer, every read runs anew.
	 */
	@Test
	void readsOfTheSameCellsAreSharedWithinOneAnswer() {
		this.importer.importFile(SharedData.file("cbs/85268NED.csv"), true);
		IndicatorInfo info = this.indicators.all().block().get("werkloosheidspercentage");
		SeriesService.Query query = new SeriesService.Query(info, List.of("PV26"), "quarter", null, null,
				new TreeMap<>(), null);
		SeriesService.Query other = new SeriesService.Query(info, List.of("PV21"), "quarter", null, null,
				new TreeMap<>(), null);
		reactor.core.publisher.Mono<List<Map<String, List<SeriesService.Value>>>> answer = SeriesService
			.sharingReads(reactor.core.publisher.Flux
				.concat(this.series.values(query), this.series.values(query), this.series.values(other))
				.collectList());
		List<Map<String, List<SeriesService.Value>>> first = answer.block();
		assertThat(first.get(0).get("PV26")).isNotEmpty().isSameAs(first.get(1).get("PV26"));
		assertThat(first.get(2).get("PV21")).isNotEmpty();
		List<Map<String, List<SeriesService.Value>>> again = answer.block();
		assertThat(again.get(0).get("PV26")).isEqualTo(first.get(0).get("PV26")).isNotSameAs(first.get(0).get("PV26"));
		assertThat(this.series.values(query).block().get("PV26")).isEqualTo(first.get(0).get("PV26"))
			.isNotSameAs(this.series.values(query).block().get("PV26"));
	}

}
