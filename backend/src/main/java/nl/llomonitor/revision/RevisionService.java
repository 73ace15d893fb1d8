package nl.llomonitor.revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import nl.llomonitor.api.ApiException;
import nl.llomonitor.api.Incompleteness;
import nl.llomonitor.api.Lang;
import nl.llomonitor.cube.ImportRunState;
import nl.llomonitor.indicator.IndicatorInfo;
import nl.llomonitor.indicator.IndicatorView;
import nl.llomonitor.observation.Dataset;
import nl.llomonitor.observation.PeriodCode;
import nl.llomonitor.observation.PeriodRef;
import nl.llomonitor.observation.ReadModel;
import nl.llomonitor.observation.RequestParams;
import nl.llomonitor.observation.SeriesService;
import nl.llomonitor.observation.Source;
import nl.llomonitor.region.RegionRef;
import nl.llomonitor.system.Queries;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import static nl.llomonitor.db.Tables.BREAKDOWN;
import static nl.llomonitor.db.Tables.IMPORT_RUN;
import static nl.llomonitor.db.Tables.OBSERVATION;

/**
 * The vintages of the store: every version of a cell, and the changes each import run
 * brought (new figures and revisions with old and new value), for the revisions endpoint
 * and the change feed.
 */
@Service
class RevisionService {

	/** Import runs a feed looks back over (the newest first). */
	static final int FEED_RUNS = 50;

	/** Most changed cells a feed reads. */
	static final int FEED_ROWS = 20_000;

	private final DSLContext dsl;

	private final ReadModel read;

	RevisionService(DSLContext dsl, ReadModel read) {
		this.dsl = dsl;
		this.read = read;
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record RevisionsResponse(IndicatorView indicator, RegionRef region, PeriodRef period, Map<String, String> breakdown,
			boolean revised, List<Vintage> vintages, List<Source> sources, LocalDate asOf) {
	}

	/**
	 * The answer of {@code GET /api/v1/revisions}.
	 * @param indicator indicator code (404 if unknown, 400 if derived)
	 * @param region region code (404 if unknown)
	 * @param period the period
	 * @param breakdown breakdown filter parameter, or null
	 * @param asOf only vintages recorded before this moment, or null for all
	 * @param lang language
	 * @return the vintages as a dataset with the dimensions region, period, breakdown and
	 * import_run
	 */
	Mono<Dataset<RevisionsResponse>> revisions(String indicator, String region, PeriodCode period, String breakdown,
			OffsetDateTime asOf, Lang lang) {
		return Mono
			.zip(this.read.indicators().require(indicator, "indicator"), this.read.regions().require(region, "region"),
					this.read.sources().all())
			.flatMap((t) -> {
				SortedMap<String, String> filter = SeriesService.parseBreakdown(breakdown, t.getT1());
				SeriesService.requirePeriodType(t.getT1(), period.type(), "period");
				return vintages(t.getT1(), region, period, filter, asOf)
					// the API's own footnotes (a sum's missing term) and why an import
					// was incomplete, in the reader's language
					.map((all) -> all.stream().map((v) -> v.in(lang)).toList())
					.map((list) -> dataset(new RevisionsResponse(t.getT1().view(lang), t.getT2().ref(lang),
							PeriodRef.of(period, lang), new LinkedHashMap<>(filter),
							list.stream()
								.map((v) -> (v.value() != null) ? v.value().stripTrailingZeros() : null)
								.distinct()
								.count() > 1,
							list, list.stream()
								.map(Vintage::sourceTable)
								.distinct()
								// the newest vintage of the table speaks for it, as the
								// current value does in series
								.map((table) -> Source.of(table, t.getT3())
									.incomplete(list.stream()
										.filter((v) -> table.equals(v.sourceTable()))
										.reduce((older, newer) -> newer)
										.map(Vintage::incomplete)
										.orElse(null)))
								.toList(),
							RequestParams.asOfDate(asOf)), lang));
			});
	}

	private static Dataset<RevisionsResponse> dataset(RevisionsResponse response, Lang lang) {
		String key = SeriesService.key(new TreeMap<>(response.breakdown()));
		Dataset.Dimension region = Dataset.Dimension.of("region", "Regio / region", "region_name");
		region.categories().put(response.region().code(), response.region().name());
		Dataset.Dimension period = Dataset.Dimension.of("period", "Periode / period", null);
		period.categories().put(response.period().code(), response.period().label());
		Dataset.Dimension breakdown = Dataset.Dimension.of("breakdown", "Uitsplitsing / breakdown", null);
		breakdown.categories().put(key, key);
		Dataset.Dimension run = Dataset.Dimension.of("import_run", "Import (jaargang) / import (vintage)",
				"recorded_at");
		List<Dataset.Cell> cells = new ArrayList<>();
		for (Vintage v : response.vintages()) {
			String id = String.valueOf(v.importRun());
			run.categories().put(id, v.recordedAt().toString());
			cells.add(new Dataset.Cell(List.of(response.region().code(), response.period().code(), key, id), v.value(),
					v.status(),
					Arrays.asList(v.marginLow(), v.marginHigh(), response.indicator().unit(), v.status(), v.flags(),
							v.footnote(), v.missingReason(),
							(v.publishedAt() != null) ? v.publishedAt().toString() : null, v.sourceTable())));
		}
		return new Dataset<>(response,
				"revisions-"
						+ response.indicator().code() + "-" + response.region().code() + "-" + response.period().code(),
				response.indicator(), List.of(region, period, breakdown, run),
				List.of("margin_low", "margin_high", "unit", "status", "flags", "footnote", "missing_reason",
						"published_at", "source_table"),
				cells, response.sources(), null, response.asOf(), List.of(), Map.of("revised", response.revised()),
				lang);
	}

	/**
	 * One vintage of a cell.
	 *
	 * @param value the value, null if not available
	 * @param marginLow lower bound of the published 95 % interval
	 * @param marginHigh upper bound of the published 95 % interval
	 * @param status definitief, nader_voorlopig or voorlopig
	 * @param flags Eurostat-style flags
	 * @param footnote why a value is missing, or a remark
	 * @param missingReason why there is no value (a {@code MissingReason} code such as
	 * {@code vertrouwelijk}), null when there is one
	 * @param importRun the import run that recorded it
	 * @param recordedAt when it became known
	 * @param publishedAt when the source published it (import_run.published_at), null if
	 * unknown
	 * @param sourceTable the source table
	 * @param run why the import run that recorded it was probably incomplete, or null for
	 * a complete run (not serialised: {@code incomplete} gives it in words)
	 * @param incomplete why the import run that recorded it was probably incomplete (cut
	 * off), in the reader's language; absent for a complete run
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Vintage(BigDecimal value, BigDecimal marginLow, BigDecimal marginHigh, String status, String flags,
			String footnote, String missingReason, long importRun, OffsetDateTime recordedAt,
			OffsetDateTime publishedAt, String sourceTable, @JsonIgnore Incompleteness run,
			@JsonInclude(JsonInclude.Include.NON_NULL) String incomplete) {

		/**
		 * @param lang the reader's language
		 * @return this vintage with the API's own footnotes and its import's
		 * incompleteness in that language
		 */
		Vintage in(Lang lang) {
			return new Vintage(this.value, this.marginLow, this.marginHigh, this.status, this.flags,
					SeriesService.footnote(this.footnote, lang), this.missingReason, this.importRun, this.recordedAt,
					this.publishedAt, this.sourceTable, this.run, (this.run != null) ? this.run.text(lang) : null);
		}

	}

	/**
	 * One cell an import run wrote for a region.
	 *
	 * @param runId the import run
	 * @param tableId the table the run imported, null when the run did not name one (the
	 * demo data, a multi-table file)
	 * @param sourceTable the source table of this cell (never null)
	 * @param at when the run finished (or started)
	 * @param publishedAt when the source published it, may be null
	 * @param indicator indicator code
	 * @param period period code
	 * @param breakdown breakdown key, empty for the totals
	 * @param value the new value (null: not available)
	 * @param status the new status
	 * @param previous whether the cell had a vintage before
	 * @param oldValue the value of that vintage
	 * @param oldStatus the status of that vintage
	 */
	record Change(long runId, String tableId, String sourceTable, OffsetDateTime at, OffsetDateTime publishedAt,
			String indicator, String period, String breakdown, BigDecimal value, String status, boolean previous,
			BigDecimal oldValue, String oldStatus, boolean backdated) {

		/** A change of a run recorded at its import (not back-dated). */
		Change(long runId, String tableId, String sourceTable, OffsetDateTime at, OffsetDateTime publishedAt,
				String indicator, String period, String breakdown, BigDecimal value, String status, boolean previous,
				BigDecimal oldValue, String oldStatus) {
			this(runId, tableId, sourceTable, at, publishedAt, indicator, period, breakdown, value, status, previous,
					oldValue, oldStatus, false);
		}

		boolean revision() {
			return this.previous && (this.oldValue == null ? this.value != null
					: this.value == null || this.oldValue.compareTo(this.value) != 0);
		}

	}

	/**
	 * The Atom feed of {@code GET /api/v1/feeds/changes.atom}: the changes the newest
	 * {@value #FEED_RUNS} successful import runs wrote for a region ({@link ChangeFeed}).
	 * @param region region code (404 if unknown)
	 * @param indicator only this indicator (404 if unknown, 400 if derived), or null
	 * @param self the feed's own URL
	 * @param language language of the texts
	 * @return the feed as Atom XML
	 */
	Mono<String> feed(String region, String indicator, String self, Lang language) {
		Mono<IndicatorInfo> only = (indicator != null)
				? this.read.indicators().require(indicator, "indicator").map((info) -> {
					if (info.derived()) {
						throw ApiException.invalidParameter("indicator",
								"Indicator '" + info.code() + "' is derived and has no vintages of its own; ask for '"
										+ info.numerator() + "' and '" + info.denominator() + "'.");
					}
					return info;
				}) : Mono.empty();
		return Mono.zip(this.read.regions().require(region, "region"), this.read.indicators().all())
			.zipWith(only.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
			.flatMap((t) -> changes(region, t.getT2().map(IndicatorInfo::code).orElse(null)).map((changes) -> ChangeFeed
				.atom(self, t.getT1().getT1(), t.getT2().orElse(null), t.getT1().getT2(), changes, language)));
	}

	/**
	 * @param indicator a stored (not derived) indicator
	 * @param region region code
	 * @param period the period
	 * @param breakdown dimension to member; empty for the totals
	 * @param asOf only vintages recorded before this moment, or null for all
	 * @return the vintages of the cell, oldest first (empty if it never had one)
	 */
	Mono<List<Vintage>> vintages(IndicatorInfo indicator, String region, PeriodCode period,
			SortedMap<String, String> breakdown, OffsetDateTime asOf) {
		if (indicator.derived()) {
			throw ApiException.invalidParameter("indicator",
					"Indicator '" + indicator.code() + "' is derived (" + indicator.numerator() + " / "
							+ indicator.denominator() + ") and has no vintages of its own; ask for '"
							+ indicator.numerator() + "' and '" + indicator.denominator() + "'.");
		}
		return Queries
			.list(this.dsl
				.select(OBSERVATION.VALUE, OBSERVATION.MARGIN_LOW, OBSERVATION.MARGIN_HIGH, OBSERVATION.STATUS,
						OBSERVATION.FLAGS, OBSERVATION.FOOTNOTE, OBSERVATION.IMPORT_RUN_ID, OBSERVATION.RECORDED_AT,
						IMPORT_RUN.PUBLISHED_AT, OBSERVATION.SOURCE_TABLE, OBSERVATION.MISSING_REASON,
						IMPORT_RUN.TABLE_ID, IMPORT_RUN.INCOMPLETE_REASON, SeriesService.INCOMPLETE_REASONS)
				.from(OBSERVATION)
				.join(IMPORT_RUN)
				.on(IMPORT_RUN.ID.eq(OBSERVATION.IMPORT_RUN_ID))
				.join(BREAKDOWN)
				.on(BREAKDOWN.ID.eq(OBSERVATION.BREAKDOWN_ID))
				.where(OBSERVATION.INDICATOR_CODE.eq(indicator.code()), OBSERVATION.REGION_CODE.eq(region),
						OBSERVATION.PERIOD_CODE.eq(period.code()), BREAKDOWN.KEY.eq(SeriesService.key(breakdown)),
						(asOf != null) ? OBSERVATION.RECORDED_AT.lt(asOf) : DSL.noCondition())
				.orderBy(OBSERVATION.RECORDED_AT, OBSERVATION.ID))
			.map((rows) -> rows.stream()
				.map((r) -> new Vintage(r.value1(), r.value2(), r.value3(), r.value4().code(), r.value5(), r.value6(),
						(r.value11() != null) ? r.value11().code() : null, r.value7(), r.value8(), r.value9(),
						r.value10(), Incompleteness.of(r.value12(), r.value13(), r.value14()), null))
				.toList());
	}

	/**
	 * The cells the newest {@value #FEED_RUNS} successful import runs wrote for a region,
	 * each with the vintage it replaced.
	 * @param region region code
	 * @param indicator only this indicator, or null for all
	 * @return the changes, newest run first, then by indicator, breakdown and period
	 */
	Mono<List<Change>> changes(String region, String indicator) {
		String sql = """
				select r.id, r.table_id, coalesce(r.finished_at, r.started_at), r.published_at,
				       o.indicator_code, o.period_code, b.key, o.value::text, o.status,
				       prev.id is not null, prev.value::text, prev.status, o.source_table, r.backdated
				from (select id, table_id, started_at, finished_at, published_at, backdated from import_run
				      where status = ? order by id desc limit ?) r
				join observation o on o.import_run_id = r.id
				join breakdown b on b.id = o.breakdown_id
				left join lateral (
				    select p.id, p.value, p.status, p.missing_reason, p.margin_low, p.margin_high, p.flags, p.footnote
				    from observation p
				    where p.indicator_code = o.indicator_code and p.region_code = o.region_code
				      and p.breakdown_id = o.breakdown_id and p.period_code = o.period_code
				      and (p.recorded_at < o.recorded_at or (p.recorded_at = o.recorded_at and p.id < o.id))
				    order by p.recorded_at desc, p.id desc
				    limit 1) prev on true
				where o.region_code = ? and (?::text is null or o.indicator_code = ?::text)
				  -- a vintage that only confirms the one before (credits it to this run) is no change
				  and (prev.id is null
				       or (o.value, o.status, o.missing_reason, o.margin_low, o.margin_high, o.flags, o.footnote)
				          is distinct from
				          (prev.value, prev.status, prev.missing_reason, prev.margin_low, prev.margin_high, prev.flags,
				           prev.footnote))
				order by r.id desc, o.indicator_code, b.key, o.period_code
				limit ?""";
		return Queries
			.list(this.dsl.resultQuery(sql, ImportRunState.SUCCEEDED.code(), FEED_RUNS, region, indicator, indicator,
					FEED_ROWS))
			.map((rows) -> rows.stream()
				.map((r) -> new Change(r.get(0, Long.class), r.get(1, String.class), r.get(12, String.class),
						r.get(2, OffsetDateTime.class), r.get(3, OffsetDateTime.class), r.get(4, String.class),
						r.get(5, String.class), r.get(6, String.class), decimal(r.get(7, String.class)),
						r.get(8, String.class), Boolean.TRUE.equals(r.get(9, Boolean.class)),
						decimal(r.get(10, String.class)), r.get(11, String.class),
						Boolean.TRUE.equals(r.get(13, Boolean.class))))
				.toList());
	}

	private static BigDecimal decimal(String text) {
		return (text != null) ? new BigDecimal(text) : null;
	}

}
