package nl.llomonitor.observation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Statement;
import nl.llomonitor.system.Queries;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.SQLDialect;
import org.jooq.SelectField;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static nl.llomonitor.db.Tables.OBSERVATION;

/**
 * The statements behind every read of stored values (series, compare, map, kerncijfers,
 * trend): the newest vintage of each cell of one indicator and period type, for some
 * regions and one breakdown or several, as known at a moment, straight from
 * {@code observation_cell_idx} ({@link #read}); or of several such reads at once
 * ({@link #readAll}).
 * <p>
 * jOOQ builds the statement and renders it once per shape (which of {@code from},
 * {@code to} and {@code asOf} are given, with or without revisions, one breakdown or
 * several), with numbered parameters; it then runs on the R2DBC pool, and its rows are
 * read from the driver's rows straight into {@link Row}s. Run through jOOQ's own R2DBC
 * execution, rendering the statement again for every request and materialising jOOQ
 * records took about a fifth of the CPU of an uncached {@code series} request (flight
 * recording of {@code bench/api.sh} on 10 million observations), and the app was the
 * bottleneck, not PostgreSQL.
 * <p>
 * Like {@link Queries#list}, a read runs to its end even when its caller cancels, and a
 * caller waits at most {@link Queries#TIMEOUT}.
 */
final class CellRead {

	/**
	 * One stored vintage of a cell, the newest as known at the moment read.
	 *
	 * @param breakdownId the cell's breakdown
	 * @param region region code
	 * @param period period code
	 * @param value the value, or null (then {@code missingReason} says why)
	 * @param marginLow lower bound of the published margin, or null
	 * @param marginHigh upper bound, or null
	 * @param status status code ({@code definitief}, {@code voorlopig}, ...)
	 * @param flags the source's flags, or null
	 * @param footnote the source's footnote, or null
	 * @param sourceTable the table id it was read from
	 * @param importRun the run that wrote it
	 * @param recordedMicros when it was recorded, in microseconds since the epoch (UTC)
	 * @param missingReason why there is no value, or null
	 * @param revised whether the cell's vintages hold more than one distinct value (read
	 * only with revisions; false otherwise)
	 */
	record Row(long breakdownId, String region, String period, BigDecimal value, BigDecimal marginLow,
			BigDecimal marginHigh, String status, String flags, String footnote, String sourceTable, Long importRun,
			long recordedMicros, String missingReason, boolean revised) {

		OffsetDateTime recordedAt() {
			return OffsetDateTime.ofInstant(
					java.time.Instant.EPOCH.plus(this.recordedMicros, java.time.temporal.ChronoUnit.MICROS),
					java.time.ZoneOffset.UTC);
		}

	}

	private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(CellRead.class);

	/**
	 * Whether a cell's vintages in the rows read hold more than one distinct value, a
	 * missing value counting as one (as {@link SeriesService#revisedCells} counts them):
	 * the lowest and highest value differ, or a value and a missing one are both there.
	 * Computed over the rows of the cell before {@code distinct on} keeps its newest.
	 */
	private static Field<Boolean> revised(List<Field<?>> cell) {
		var window = DSL.partitionBy(cell);
		return DSL.field("{0} is distinct from {1} or ({2} and {3})", Boolean.class,
				DSL.min(OBSERVATION.VALUE).over(window), DSL.max(OBSERVATION.VALUE).over(window),
				DSL.boolOr(OBSERVATION.VALUE.isNull()).over(window),
				DSL.boolOr(OBSERVATION.VALUE.isNotNull()).over(window));
	}

	/**
	 * {@code recorded_at} as microseconds since the epoch: the driver reads a
	 * {@code timestamptz} as text and parses it, a bigint it takes as it is.
	 */
	private static final Field<Long> RECORDED_MICROS = DSL.field("(extract(epoch from {0}) * 1000000)::bigint",
			Long.class, OBSERVATION.RECORDED_AT);

	/** Renders parameters as {@code $1}, {@code $2}, ... (PostgreSQL's own). */
	private static final Settings NUMBERED = new Settings().withRenderNamedParamPrefix("$");

	/**
	 * The rendered statement of each shape: bits from, to, asOf, revisions, several
	 * breakdowns.
	 */
	private final ConcurrentHashMap<Integer, String> statements = new ConcurrentHashMap<>();

	private final ConnectionFactory pool;

	/**
	 * @param pool the request paths' R2DBC pool
	 */
	CellRead(ConnectionFactory pool) {
		this.pool = pool;
	}

	/**
	 * @param indicator indicator code
	 * @param regions region codes
	 * @param periodPattern a {@code like} pattern of the period type's codes
	 * ({@link PeriodCode#likePattern})
	 * @param from first period code, or null
	 * @param to last period code, or null
	 * @param breakdownIds the breakdowns' ids ({@code 0}: the total); one statement reads
	 * them all
	 * @param asOf the moment (rows recorded before it), or null for now
	 * @param revisions whether to read {@link Row#revised()}
	 * @return the newest vintage of every stored cell, ordered by region, breakdown and
	 * period; fails with the driver's {@code R2dbcException} (a 503 to the client) or a
	 * {@code TimeoutException} after {@link Queries#TIMEOUT}
	 */
	Mono<List<Row>> read(String indicator, Collection<String> regions, String periodPattern, String from, String to,
			long[] breakdownIds, OffsetDateTime asOf, boolean revisions) {
		boolean several = breakdownIds.length != 1;
		int shape = ((from != null) ? 1 : 0) | ((to != null) ? 2 : 0) | ((asOf != null) ? 4 : 0) | (revisions ? 8 : 0)
				| (several ? 16 : 0);
		String sql = this.statements.computeIfAbsent(shape, CellRead::render);
		Object breakdowns = several ? java.util.Arrays.stream(breakdownIds).boxed().toArray(Long[]::new)
				: (Object) breakdownIds[0];
		List<Object> values = new ArrayList<>(
				List.of(indicator, regions.toArray(String[]::new), breakdowns, periodPattern));
		if (from != null) {
			values.add(from);
		}
		if (to != null) {
			values.add(to);
		}
		if (asOf != null) {
			values.add(asOf);
		}
		return run(sql, values, (r) -> row(r, 0, several ? r.get(12, Long.class) : breakdownIds[0],
				revisions && Boolean.TRUE.equals(r.get(several ? 13 : 12, Boolean.class))));
	}

	/**
	 * Runs a statement on the pool, to its end, waiting at most {@link Queries#TIMEOUT};
	 * at TRACE it logs the statement with its values, e.g. to replay a request's reads in
	 * pgbench (bench/pgbench/kerncijfers.sql).
	 * @param sql the statement, with numbered parameters
	 * @param values the parameters' values, in order
	 * @param map a result row to what it gives
	 * @return what the rows give, in their order
	 */
	private <T> Mono<List<T>> run(String sql, List<Object> values,
			java.util.function.Function<io.r2dbc.spi.Readable, T> map) {
		if (logger.isTraceEnabled()) {
			logger.trace("{} -- parameters: {}", sql, java.util.Arrays.deepToString(values.toArray()));
		}
		Flux<T> rows = Flux.usingWhen(this.pool.create(), (Connection connection) -> {
			Statement statement = connection.createStatement(sql);
			for (int i = 0; i < values.size(); i++) {
				statement.bind(i, values.get(i));
			}
			return Flux.from(statement.execute()).concatMap((result) -> result.map((row, meta) -> map.apply(row)));
		}, Connection::close);
		return Queries.list(rows);
	}

	/**
	 * @param row a result row
	 * @param at the index of its first column of {@link #COLUMNS}
	 * @param breakdownId the breakdown of its cell
	 * @param revised whether its cell was revised
	 * @return the row as a {@link Row}
	 */
	private static Row row(io.r2dbc.spi.Readable row, int at, long breakdownId, boolean revised) {
		return new Row(breakdownId, row.get(at, String.class), row.get(at + 1, String.class),
				row.get(at + 2, BigDecimal.class), row.get(at + 3, BigDecimal.class), row.get(at + 4, BigDecimal.class),
				row.get(at + 5, String.class), row.get(at + 6, String.class), row.get(at + 7, String.class),
				row.get(at + 8, String.class), row.get(at + 9, Long.class), row.get(at + 10, Long.class),
				row.get(at + 11, String.class), revised);
	}

	/**
	 * The columns of a {@link Row}, in its order from the region to the missing reason: a
	 * statement selects them after any columns of its own, and its breakdown and whether
	 * its cell was revised after them.
	 */
	private static final List<SelectField<?>> COLUMNS = List.of(OBSERVATION.REGION_CODE, OBSERVATION.PERIOD_CODE,
			OBSERVATION.VALUE, OBSERVATION.MARGIN_LOW, OBSERVATION.MARGIN_HIGH,
			DSL.field(OBSERVATION.STATUS.getQualifiedName(), String.class), OBSERVATION.FLAGS, OBSERVATION.FOOTNOTE,
			OBSERVATION.SOURCE_TABLE, OBSERVATION.IMPORT_RUN_ID, RECORDED_MICROS,
			DSL.field(OBSERVATION.MISSING_REASON.getQualifiedName(), String.class));

	/**
	 * One read of a {@link #readAll batch}: the cells of one indicator, period type,
	 * period range and breakdown.
	 *
	 * @param indicator indicator code
	 * @param periodPattern a {@code like} pattern of the period type's codes
	 * @param from first period code, or null
	 * @param to last period code, or null
	 * @param breakdownId the breakdown's id ({@code 0}: the total)
	 */
	record Part(String indicator, String periodPattern, String from, String to, long breakdownId) {

		/**
		 * @return the first code of the part: {@code from}, or the lowest code the
		 * pattern matches (its year 0000, its number 00): period codes are a four-digit
		 * year, two letters and a two-digit number, so no code of the type sorts below it
		 * in any collation
		 */
		String first() {
			return (this.from != null) ? this.from : this.periodPattern.replace('_', '0');
		}

		/**
		 * @return the last code of the part: {@code to}, or the highest the pattern
		 * matches
		 */
		String last() {
			return (this.to != null) ? this.to : this.periodPattern.replace('_', '9');
		}

	}

	/**
	 * Several reads of the same regions as of the same moment in one statement (the key
	 * figures of a region: every figure's recent values, then every split and base
	 * population, instead of a statement each): the parts are joined to
	 * {@code observation} as one list of rows ({@code unnest} of one array per column),
	 * so the statement is the same whatever the number of parts. Each row is what
	 * {@link #read} gives for its part alone.
	 * @param parts the reads
	 * @param regions region codes
	 * @param asOf the moment (rows recorded before it), or null for now
	 * @param revisions whether to read {@link Row#revised()}
	 * @return for each part, in their order, its rows; fails as {@link #read} does
	 */
	Mono<List<List<Row>>> readAll(List<Part> parts, Collection<String> regions, OffsetDateTime asOf,
			boolean revisions) {
		int shape = ((asOf != null) ? 4 : 0) | (revisions ? 8 : 0);
		String sql = this.batches.computeIfAbsent(shape, CellRead::renderAll);
		List<Object> values = new ArrayList<>(
				List.of(java.util.stream.IntStream.range(0, parts.size()).boxed().toArray(Integer[]::new),
						parts.stream().map(Part::indicator).toArray(String[]::new),
						parts.stream().map(Part::periodPattern).toArray(String[]::new),
						parts.stream().map(Part::first).toArray(String[]::new),
						parts.stream().map(Part::last).toArray(String[]::new),
						parts.stream().map(Part::breakdownId).toArray(Long[]::new), regions.toArray(String[]::new)));
		if (asOf != null) {
			values.add(asOf);
		}
		return run(sql, values,
				(r) -> java.util.Map.entry(r.get(0, Integer.class),
						row(r, 1, r.get(13, Long.class), revisions && Boolean.TRUE.equals(r.get(14, Boolean.class)))))
			.map((list) -> {
				List<List<Row>> byPart = new ArrayList<>();
				parts.forEach((part) -> byPart.add(new ArrayList<>()));
				list.forEach((entry) -> byPart.get(entry.getKey()).add(entry.getValue()));
				return byPart;
			});
	}

	/** The rendered batch statement of each shape: bits 4 asOf, 8 revisions. */
	private final ConcurrentHashMap<Integer, String> batches = new ConcurrentHashMap<>();

	/**
	 * @param shape bits: 4 asOf, 8 revisions
	 * @return the statement of {@link #readAll} with numbered parameters: the parts'
	 * numbers, indicators, period patterns, first and last periods and breakdown ids (an
	 * array each), the regions, then asOf where given; each row begins with its part's
	 * number and ends with its breakdown id, before whether it was revised
	 */
	static String renderAll(int shape) {
		var number = DSL.param("1", Integer[].class);
		var part = DSL
			.table("unnest({0}, {1}, {2}, {3}, {4}, {5})", number, DSL.param("2", String[].class),
					DSL.param("3", String[].class), DSL.param("4", String[].class), DSL.param("5", String[].class),
					DSL.param("6", Long[].class))
			.as("part", "number", "indicator", "pattern", "first", "last", "breakdown");
		Field<Integer> partNumber = DSL.field(DSL.name("part", "number"), Integer.class);
		Field<String> first = DSL.field(DSL.name("part", "first"), String.class);
		Field<String> last = DSL.field(DSL.name("part", "last"), String.class);
		List<Condition> conditions = new ArrayList<>(
				List.of(OBSERVATION.INDICATOR_CODE.eq(DSL.field(DSL.name("part", "indicator"), String.class)),
						OBSERVATION.REGION_CODE.eq(DSL.any(DSL.param("7", String[].class))),
						OBSERVATION.BREAKDOWN_ID.eq(DSL.field(DSL.name("part", "breakdown"), Long.class)),
						OBSERVATION.PERIOD_CODE.like(DSL.field(DSL.name("part", "pattern"), String.class)),
						OBSERVATION.PERIOD_CODE.ge(first), OBSERVATION.PERIOD_CODE.le(last)));
		if ((shape & 4) != 0) {
			conditions.add(OBSERVATION.RECORDED_AT.lt(DSL.param("8", OBSERVATION.RECORDED_AT.getType())));
		}
		// a cell of a part: the same cell read by two parts is two cells here
		List<Field<?>> cell = List.of(partNumber, OBSERVATION.REGION_CODE, OBSERVATION.BREAKDOWN_ID,
				OBSERVATION.PERIOD_CODE);
		List<SelectField<?>> fields = new ArrayList<>(List.of(partNumber));
		fields.addAll(COLUMNS);
		fields.add(OBSERVATION.BREAKDOWN_ID);
		if ((shape & 8) != 0) {
			fields.add(revised(cell));
		}
		List<org.jooq.OrderField<?>> order = new ArrayList<>(cell);
		order.addAll(List.of(OBSERVATION.RECORDED_AT.desc(), OBSERVATION.ID.desc()));
		return DSL.using(SQLDialect.POSTGRES, NUMBERED)
			.renderNamedParams(DSL.selectDistinct(fields)
				.on(cell)
				.from(part)
				.join(OBSERVATION)
				.on(DSL.and(conditions))
				.orderBy(order));
	}

	/**
	 * @param shape bits: 1 from, 2 to, 4 asOf, 8 revisions, 16 several breakdowns
	 * @return the statement with numbered parameters: indicator, regions (a text array),
	 * breakdown id (an array of them with several), period pattern, then from, to and
	 * asOf where given; with several breakdowns each row ends with its breakdown id,
	 * before whether it was revised
	 */
	static String render(int shape) {
		int[] next = { 0 };
		java.util.function.Function<Class<?>, Param<?>> param = (type) -> DSL.param(String.valueOf(++next[0]), type);
		@SuppressWarnings("unchecked")
		Param<String> indicator = (Param<String>) param.apply(String.class);
		@SuppressWarnings("unchecked")
		Param<String[]> regions = (Param<String[]>) param.apply(String[].class);
		boolean several = (shape & 16) != 0;
		Condition breakdown = several
				? OBSERVATION.BREAKDOWN_ID.eq(DSL.any(DSL.param(String.valueOf(++next[0]), Long[].class)))
				: OBSERVATION.BREAKDOWN_ID.eq(DSL.param(String.valueOf(++next[0]), Long.class));
		@SuppressWarnings("unchecked")
		Param<String> pattern = (Param<String>) param.apply(String.class);
		List<Condition> conditions = new ArrayList<>(List.of(OBSERVATION.INDICATOR_CODE.eq(indicator),
				OBSERVATION.REGION_CODE.eq(DSL.any(regions)), breakdown, OBSERVATION.PERIOD_CODE.like(pattern)));
		if ((shape & 1) != 0) {
			conditions.add(OBSERVATION.PERIOD_CODE.ge(DSL.param(String.valueOf(++next[0]), String.class)));
		}
		if ((shape & 2) != 0) {
			conditions.add(OBSERVATION.PERIOD_CODE.le(DSL.param(String.valueOf(++next[0]), String.class)));
		}
		if ((shape & 4) != 0) {
			conditions.add(OBSERVATION.RECORDED_AT
				.lt(DSL.param(String.valueOf(++next[0]), OBSERVATION.RECORDED_AT.getType())));
		}
		List<SelectField<?>> fields = new ArrayList<>(COLUMNS);
		// a cell in the order of observation_cell_idx: region, breakdown, period
		List<Field<?>> cell = new ArrayList<>(List.of(OBSERVATION.REGION_CODE, OBSERVATION.PERIOD_CODE));
		if (several) {
			fields.add(OBSERVATION.BREAKDOWN_ID);
			cell.add(1, OBSERVATION.BREAKDOWN_ID);
		}
		if ((shape & 8) != 0) {
			fields.add(revised(cell));
		}
		List<org.jooq.OrderField<?>> order = new ArrayList<>(cell);
		order.addAll(List.of(OBSERVATION.RECORDED_AT.desc(), OBSERVATION.ID.desc()));
		return DSL.using(SQLDialect.POSTGRES, NUMBERED)
			.renderNamedParams(
					DSL.selectDistinct(fields).on(cell).from(OBSERVATION).where(DSL.and(conditions)).orderBy(order));
	}

}
