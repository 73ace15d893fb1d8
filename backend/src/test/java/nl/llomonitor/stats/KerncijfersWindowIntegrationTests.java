package nl.llomonitor.stats;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import nl.llomonitor.SharedData;
import nl.llomonitor.api.Lang;
import nl.llomonitor.importer.ImportService;
import nl.llomonitor.observation.ReadModel;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key figure reads the recent periods of its indicator first and every period only
 * where those hold too few values ({@link KerncijfersService#WINDOW},
 * {@link KerncijfersService#ENOUGH}): the figures are exactly those of a read of every
 * period, for every region level, in both languages, now and as of a moment.
 */
@SpringBootTest
@Import(TestDatabaseConfiguration.class)
class KerncijfersWindowIntegrationTests {

	@Autowired
	private ImportService importer;

	@Autowired
	private KerncijfersService kerncijfers;

	@Autowired
	private ReadModel read;

	@Autowired
	private ChangeVerdictService verdicts;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier(nl.llomonitor.system.DatabaseConfiguration.JDBC_DSL)
	private org.jooq.DSLContext jdbc;

	@Test
	void theFiguresOfTheRecentPeriodsAreThoseOfEveryPeriod() {
		for (String file : new String[] { "cbs/85268NED.csv", "cbs/83599NED.csv", "cbs/85554NED.csv",
				"eurostat/trng_lfse_04_NL_subset.tsv", "cbs/85315NED.csv", "cbs/85314NED.csv", "cbs/86088NED.csv",
				"cbs/60039fvw.csv", "cbs/82220NED.csv" }) {
			this.importer.importFile(SharedData.file(file), true);
		}
		OffsetDateTime between = OffsetDateTime.now();
		// a later vintage of the latest unemployment figure of Utrecht (a key figure): as
		// of the moment between, the figures are those before it
		// (removed at the end: other test classes share the database)
		long added = this.jdbc.fetchSingle("""
				insert into observation (indicator_code, region_code, period_code, breakdown_id, import_run_id,
				       recorded_at, value, margin_low, margin_high, status, flags, footnote, source_table,
				       missing_reason)
				select indicator_code, region_code, period_code, breakdown_id, import_run_id, now(), value + 1,
				       margin_low + 1, margin_high + 1, status, flags, footnote, source_table, missing_reason
				from observation
				where indicator_code = 'werkloosheidspercentage' and region_code = 'PV26' and breakdown_id = 0
				  and value is not null
				order by period_code desc, recorded_at desc
				limit 1
				returning id""").get(0, Long.class);
		try {
			compare(between);
		}
		finally {
			this.jdbc.execute("delete from observation where id = ?", added);
		}
	}

	/**
	 * A request plans its reads (SeriesService#prefetch): the recent values of every
	 * figure in one statement, then every split and base population in one more, instead
	 * of a statement each; and the figures are exactly those of a statement each. The
	 * statements are counted as CellRead logs them (at TRACE, one line each).
	 */
	@Test
	void aRequestReadsItsFiguresInAFewStatementsWithTheSameFigures() {
		for (String file : new String[] { "cbs/85268NED.csv", "cbs/83599NED.csv", "cbs/85554NED.csv",
				"eurostat/trng_lfse_04_NL_subset.tsv", "cbs/85315NED.csv", "cbs/85314NED.csv", "cbs/86088NED.csv" }) {
			this.importer.importFile(SharedData.file(file), true);
		}
		KerncijfersService oneEach = new KerncijfersService(this.read, this.verdicts, KerncijfersService.WINDOW, false);
		var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
			.getLogger("nl.llomonitor.observation.CellRead");
		var statements = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
		statements.start();
		ch.qos.logback.classic.Level level = logger.getLevel();
		logger.setLevel(ch.qos.logback.classic.Level.TRACE);
		logger.addAppender(statements);
		try {
			for (String region : List.of("NL01", "PV26", "AM08", "GM0307", "GM0344")) {
				statements.list.clear();
				KerncijfersService.KerncijfersResponse alone = oneEach.kerncijfers(region, null, Lang.NL).block();
				int before = statements.list.size();
				statements.list.clear();
				KerncijfersService.KerncijfersResponse planned = this.kerncijfers.kerncijfers(region, null, Lang.NL)
					.block();
				assertThat(planned).as(region).isEqualTo(alone);
				long figures = planned.figures().stream().filter((f) -> f.value() != null).count();
				assertThat(figures).as(region + ": figures with a value").isGreaterThan(3);
				assertThat(before).as(region + ": statements of the reads one each").isGreaterThan((int) figures);
				assertThat(statements.list).as(region + ": statements of the planned reads")
					.hasSizeLessThanOrEqualTo(3);
			}
		}
		finally {
			logger.detachAppender(statements);
			logger.setLevel(level);
		}
	}

	/**
	 * A split without a single value or reason for the figure's period (the figure is
	 * published, its groups not) is left out, not given as a list of bare labels; a split
	 * kept says something of at least one group.
	 */
	@Test
	void aSplitWithoutAnyValueIsLeftOut() {
		for (String file : new String[] { "cbs/85268NED.csv", "cbs/86088NED.csv", "cbs/85554NED.csv",
				"cbs/85315NED.csv", "cbs/85314NED.csv", "eurostat/trng_lfse_04_NL_subset.tsv" }) {
			this.importer.importFile(SharedData.file(file), true);
		}
		int splits = 0;
		for (String region : List.of("NL01", "LD01", "PV20", "PV21", "PV26", "AM08", "AM15", "GM0344", "GM0363",
				"GM0307", "GM0080")) {
			for (KerncijfersService.Figure figure : this.kerncijfers.kerncijfers(region, null, Lang.NL)
				.block()
				.figures()) {
				if (figure.shares() != null && !figure.shares().isEmpty()) {
					splits++;
					assertThat(figure.shares()).as("%s %s", region, figure.code())
						.allSatisfy((share) -> assertThat(share.label()).isNotBlank())
						.as("%s %s: bare labels only", region, figure.code())
						.isNotEqualTo(figure.shares()
							.stream()
							.filter((share) -> share.value() == null && share.missingReason() == null)
							.toList());
				}
			}
		}
		assertThat(splits).isPositive();
		// the working population is split by sex only below the provinces (86088NED,
		// whose
		// cut-off shared file reaches the men alone): Nederland's figure has no split,
		// not
		// [Mannen] without a value
		KerncijfersService.Figure working = this.kerncijfers.kerncijfers("NL01", null, Lang.NL)
			.block()
			.figures()
			.stream()
			.filter((f) -> f.code().equals("werkzame_beroepsbevolking"))
			.findFirst()
			.orElseThrow();
		assertThat(working.value()).isNotNull();
		assertThat(working.shares()).isNullOrEmpty();
	}

	@Test
	void aGroupWithoutAFigureCarriesTheSourcesReason() {
		this.importer.importFile(SharedData.file("cbs/86088NED.csv"), true);
		// a later vintage withdraws the men's figure of Amersfoort's unemployed in 2024
		// (removed at the end: other test classes share the database)
		long added = withdraw2024(false);
		try {
			KerncijfersService.Figure figure = this.kerncijfers.kerncijfers("GM0307", null, Lang.NL)
				.block()
				.figures()
				.stream()
				.filter((f) -> f.code().equals("werkloze_beroepsbevolking"))
				.findFirst()
				.orElseThrow();
			assertThat(figure.shares()).filteredOn((share) -> share.label().equals("Mannen"))
				.singleElement()
				.satisfies((share) -> {
					assertThat(share.value()).isNull();
					assertThat(share.missingReason()).isEqualTo("vertrouwelijk");
				});
		}
		finally {
			this.jdbc.execute("delete from observation where id = ?", added);
		}
	}

	/**
	 * When the source withdraws the newest period's figure, the tile shows the period
	 * before and says why the newest has none: an older year used to stand there as if it
	 * were the latest.
	 */
	@Test
	void aWithheldNewestPeriodIsNamedBesideTheOlderFigure() {
		this.importer.importFile(SharedData.file("cbs/86088NED.csv"), true);
		// (removed at the end: other test classes share the database)
		long added = withdraw2024(true);
		try {
			for (Lang lang : List.of(Lang.NL, Lang.EN)) {
				KerncijfersService.Figure figure = this.kerncijfers.kerncijfers("GM0307", null, lang)
					.block()
					.figures()
					.stream()
					.filter((f) -> f.code().equals("werkloze_beroepsbevolking"))
					.findFirst()
					.orElseThrow();
				assertThat(figure.period().code()).isEqualTo("2023JJ00");
				assertThat(figure.explanation())
					.contains((lang == Lang.NL) ? "Voor 2024 geeft de bron geen cijfer (vertrouwelijk)."
							: "For 2024 the source gives no figure (confidential).");
			}
		}
		finally {
			this.jdbc.execute("delete from observation where id = ?", added);
		}
	}

	/**
	 * Adds a vintage that withdraws (confidential) one 2024 figure of Amersfoort's
	 * unemployed: the total, or the first group. The caller deletes it at the end (other
	 * test classes share the database).
	 * @return the id of the added row
	 */
	private long withdraw2024(boolean total) {
		return this.jdbc.fetchSingle("""
				insert into observation (indicator_code, region_code, period_code, breakdown_id, import_run_id,
				       recorded_at, value, margin_low, margin_high, status, flags, footnote, source_table,
				       missing_reason)
				select indicator_code, region_code, period_code, breakdown_id, import_run_id, now(), null, null, null,
				       status, flags, 'Confidential', source_table, 'vertrouwelijk'
				from observation
				where indicator_code = 'werkloze_beroepsbevolking' and region_code = 'GM0307'
				  and period_code = '2024JJ00' and (breakdown_id = 0) = ?
				order by recorded_at desc
				limit 1
				returning id""", total).get(0, Long.class);
	}

	private void compare(OffsetDateTime between) {
		this.importer.importFile(SharedData.caseFile("07-odata4-withdrawn.before.json"));
		KerncijfersService.KerncijfersResponse before = this.kerncijfers.kerncijfers("PV26", between, Lang.NL).block();
		KerncijfersService.KerncijfersResponse after = this.kerncijfers.kerncijfers("PV26", null, Lang.NL).block();
		assertThat(after).as("the later vintage is read now, not as of before it").isNotEqualTo(before);
		KerncijfersService everyPeriod = new KerncijfersService(this.read, this.verdicts, 0, false);
		List<String> regions = new ArrayList<>(List.of("NL01", "LD01", "PV20", "PV21", "PV26", "PV29", "CR17", "AM08",
				"AM15", "AM27", "GM0344", "GM0363", "GM0080"));
		int figuresWithHistory = 0;
		for (OffsetDateTime asOf : java.util.Arrays.asList(null, between)) {
			for (Lang lang : Lang.values()) {
				for (String region : regions) {
					KerncijfersService.KerncijfersResponse recent = this.kerncijfers.kerncijfers(region, asOf, lang)
						.block();
					assertThat(recent).as(region + " " + lang + " as of " + asOf)
						.isEqualTo(everyPeriod.kerncijfers(region, asOf, lang).block());
					figuresWithHistory += (int) recent.figures()
						.stream()
						.filter((f) -> f.history().size() == KerncijfersService.HISTORY)
						.count();
				}
			}
		}
		// not vacuous: figures with a whole history, read from the recent periods
		assertThat(figuresWithHistory).isGreaterThan(20);
	}

}
