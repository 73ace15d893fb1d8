package nl.llomonitor.importer.store;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.llomonitor.cube.ImportRunState;
import nl.llomonitor.cube.ImportWarning;
import nl.llomonitor.cube.Status;
import nl.llomonitor.importer.ImportException;
import nl.llomonitor.importer.ImportFormat;
import nl.llomonitor.importer.ImportJob;
import nl.llomonitor.importer.catalog.Catalog;
import nl.llomonitor.importer.format.Breakdowns;
import nl.llomonitor.importer.format.Periods;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import static nl.llomonitor.db.Tables.BREAKDOWN;
import static nl.llomonitor.db.Tables.BREAKDOWN_MEMBER;
import static nl.llomonitor.db.Tables.PERIOD;

/**
 * Moves the staged cells of one import into {@code observation}, set-based, inside the
 * import's transaction: upserts the periods and breakdowns, merges value and margin parts
 * per cell, checks the keys of the cells once (observation has no per-row foreign keys),
 * rejects a cell given twice, and appends a new vintage only for cells whose value,
 * margins, status, flags or footnote differ from their current vintage, in the order of
 * the cell index.
 * <p>
 * A first import of its indicators with at least {@code segmentCells} cells writes them
 * into a segment of its own (migration V13): a table without indexes, created for the run
 * and filled in the order of the cell index, whose indexes are then built from its rows
 * in one sort each, the cell index unique so that it finds a cell given twice (migration
 * V19), instead of updating the indexes of the whole store row by row, and which then
 * becomes an inheritance child of {@code observation}, read with it. Other imports write
 * into {@code observation}, and so do the rows of a segment that ends up smaller than
 * that. Everything happens in the import's transaction.
 */
public final class ObservationStore {

	private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(ObservationStore.class);

	/** The name of a run's own segment is this and the run id (migration V13). */
	static final String SEGMENT_PREFIX = "observation_segment_";

	/**
	 * The default of {@code llo.import.segment-cells}: no segments. A segment makes its
	 * import faster (10 million cells: 100-105 s instead of 166-175 s) but every read of
	 * the store slower for as long as it is there (one segment: 10-35 % fewer uncached
	 * requests per second), and reads are this product's hot path; a bulk load may switch
	 * segments on (e.g. 1,000,000).
	 */
	public static final long NO_SEGMENTS = Long.MAX_VALUE;

	private ObservationStore() {
	}

	/**
	 * The cells in the order of the cell index, each with its breakdown id and whether it
	 * repeats the cell before it ({@code dup}). A repeated cell is always written,
	 * without an import run, so that the insert fails on {@code import_run_id not null}
	 * (see {@link #insert}): cells given twice are found in the sort that orders the
	 * cells anyway, not in a pass of their own.
	 */
	private static final String SORTED_CELLS = """
			select c.*, b.id as breakdown_id, coalesce(c.period_code = lag(c.period_code) over w, false) as dup
			from import_cell c
			-- left: a staged key without its breakdown row gets no id, and the insert fails
			-- on breakdown_id not null instead of dropping the cell (see #insert)
			left join breakdown b on b.key = c.breakdown_key
			-- a window per series keeps only one series in memory, not all cells
			window w as (partition by c.indicator_code, c.region_code, b.id order by c.period_code)""";

	/**
	 * The head of both inserts: every sorted cell as an observation of this run (bound:
	 * run id, recorded at); a repeated cell without a run id.
	 */
	private static final String INSERT_COLUMNS = """
			insert into {target} (indicator_code, region_code, period_code, breakdown_id, import_run_id,
			       recorded_at, value, missing_reason, margin_low, margin_high, status, flags, footnote,
			       source_table)
			select c.indicator_code, c.region_code, c.period_code, c.breakdown_id,
			       case when c.dup then null else ?::bigint end, ?::timestamptz, c.value,
			       c.missing_reason, {margin_low}, {margin_high}, {status},
			       coalesce(c.flags, ''), c.footnote, c.source_table
			""";

	/** The status a staged cell is written with: the one its source states. */
	private static final String STATED_STATUS = "coalesce(c.status, '{not_stated}')";

	private static final String INSERT_SORTED_CELLS = INSERT_COLUMNS.replace("{status}", STATED_STATUS)
		.replace("{margin_low}", "c.margin_low")
		.replace("{margin_high}", "c.margin_high") + "from (" + SORTED_CELLS + """
				     ) c
				""";

	/**
	 * No other successful run of the cell's table is newer than this vintage (bound: run
	 * id, recorded at): a back-dated vintage adds history, never a new current value, so
	 * where such a later run exists (which then found the cell unchanged, or lacked it)
	 * that run stands.
	 */
	private static final String NO_LATER_RUN_OF_ITS_TABLE = """
			not exists (select 1 from import_run r
			            where lower(r.table_id) = lower(c.source_table) and r.id <> ?::bigint
			              and r.status in ('{succeeded}', '{unchanged}')
			              and case when r.backdated then r.published_at else r.started_at end
			                  > ?::timestamptz)""";

	private static final String IN_CELL_INDEX_ORDER = """

			order by c.indicator_code, c.region_code, c.breakdown_id, c.period_code""";

	/**
	 * The staged cell {@code c} differs from its current vintage {@code cur}. A source
	 * that states no status ({@code niet_vermeld}: a bare OData v4 {@code Observations}
	 * without its period codes, say) does not revise the status the current vintage has:
	 * the same value is then unchanged. Likewise a file that gives a cell no margin rows
	 * (only the {@code Waarde} rows of a table with margins) does not revise its margins;
	 * a cell without a value has none.
	 */
	private static final String DIFFERS = """
			(cur.value, cur.missing_reason, cur.margin_low, cur.margin_high, cur.status, cur.flags, cur.footnote)
			      is distinct from
			      (c.value, c.missing_reason,
			       case when c.margins_stated or c.value is null then c.margin_low else cur.margin_low end,
			       case when c.margins_stated or c.value is null then c.margin_high else cur.margin_high end,
			       coalesce(nullif(c.status, '{not_stated}'), cur.status, '{not_stated}'),
			       coalesce(c.flags, ''), c.footnote)""";

	/**
	 * The vintage {@code cur} of the cell {@code c} (with its {@code breakdown_id}) that
	 * was current at a moment (bound: the moment): the newest recorded at or before it,
	 * none when the cell had none then.
	 */
	private static final String CURRENT_AT = """
			left join lateral (
			    select o.value, o.missing_reason, o.margin_low, o.margin_high, o.status, o.flags, o.footnote,
			           o.import_run_id
			    from observation o
			    where o.indicator_code = c.indicator_code and o.region_code = c.region_code
			      and o.breakdown_id = c.breakdown_id and o.period_code = c.period_code
			      and o.recorded_at <= ?::timestamptz
			    order by o.recorded_at desc, o.id desc
			    limit 1) cur on true
			""";

	/**
	 * The status a cell of {@link #INSERT_CHANGED} is written with: a confirming vintage,
	 * or one whose value is unchanged (its margins or note changed), keeps the one its
	 * source states, else the one it had, unless that is the demo's (which gives way to
	 * it); any other the one its source states (a source that states none does not revise
	 * a status, as {@link #DIFFERS} judges).
	 */
	private static final String WRITTEN_STATUS = """
			case when (c.confirms or c.cur_status is not null and c.value is not distinct from c.cur_value)
			      and not exists (select 1 from import_run s where s.id = c.cur_run and s.stand_in)
			     then coalesce(nullif(c.status, '{not_stated}'), c.cur_status)
			     else\s""" + STATED_STATUS + " end";

	/**
	 * @param bound {@code low} or {@code high}
	 * @return the margin a cell of {@link #INSERT_CHANGED} is written with: none without
	 * a value; one its file does not state stays that of the unchanged value
	 */
	private static String writtenMargin(String bound) {
		return """
				case when c.value is null then null
				     when c.margins_stated or c.value is distinct from c.cur_value then c.margin_%1$s
				     else c.cur_margin_%1$s end""".formatted(bound);
	}

	/**
	 * Writes a new vintage of every cell that differs from the vintage current at the
	 * recording moment, and a confirming vintage of every unchanged cell whose current
	 * vintage a run of the given list wrote (bound: a {@code bigint[]}, see
	 * {@link #confirmableRuns}); rows are written in the order of the cell index, so its
	 * maintenance is sequential. Answers the rows written and how many of them confirm.
	 */
	private static final String INSERT_CHANGED = vocabulary("""
			with changed as materialized (
			select c.*, cur.status is not null and not\s""" + DIFFERS + """
			as confirms,
			      cur.import_run_id as cur_run, cur.value as cur_value, cur.status as cur_status,
			      cur.margin_low as cur_margin_low, cur.margin_high as cur_margin_high
			from (""" + SORTED_CELLS + """
			     ) c
			""" + CURRENT_AT + """
			-- a cell without its breakdown is always written, to fail on breakdown_id (see #insert)
			where c.dup or c.breakdown_id is null
			   or ((cur.status is null or cur.import_run_id = any(?::bigint[])
			   or\s""" + DIFFERS + """
			)
			  -- a back-dated vintage: kept where the cell has a later row, or no later run of its table
			  and (not ?::boolean
			       or exists (select 1 from observation l
			                  where l.indicator_code = c.indicator_code and l.region_code = c.region_code
			                    and l.breakdown_id = c.breakdown_id and l.period_code = c.period_code
			                    and l.recorded_at > ?::timestamptz)
			       or\s""" + NO_LATER_RUN_OF_ITS_TABLE + """
			))),
			written as (
			"""
			+ INSERT_COLUMNS.replace("{status}", WRITTEN_STATUS)
				.replace("{margin_low}", writtenMargin("low"))
				.replace("{margin_high}", writtenMargin("high"))
			+ "from changed c" + IN_CELL_INDEX_ORDER
			+ """

					returning 1)
					select (select count(*) from written) as written, (select count(*) from changed where confirms) as confirmed,
					       (select coalesce(array_agg(distinct cur_run), '{}') from changed where cur_run is not null)
					       as written_over""");

	/**
	 * Writes the cells of a first import of their indicators: no current vintage to
	 * compare with (the same as {@link #INSERT_CHANGED} where none exists).
	 */
	private static final String INSERT_FRESH = vocabulary(INSERT_SORTED_CELLS + """
			where c.dup or c.breakdown_id is null
			   or not ?::boolean
			   or\s""" + NO_LATER_RUN_OF_ITS_TABLE + IN_CELL_INDEX_ORDER);

	/**
	 * Writes every staged cell of a first import of their indicators into its segment
	 * (bound: run id, recorded at), in the order of the cell index (whose build on the
	 * segment then finds its rows in order: at 10 million cells 12 s instead of 47 s
	 * unsorted), without the window over each series that marks a cell given twice
	 * ({@link #SORTED_CELLS}): the segment's cell index is unique and finds it when it is
	 * built (migration V19, {@link #attach}). Only for a run that is not back-dated: a
	 * back-dated run leaves out cells a later run of its table covers, and a cell given
	 * twice among those would not reach the index ({@link #INSERT_FRESH} marks it).
	 */
	private static final String INSERT_FRESH_SEGMENT = vocabulary(INSERT_COLUMNS.replace("{status}", STATED_STATUS)
		.replace("{margin_low}", "c.margin_low")
		.replace("{margin_high}", "c.margin_high")
		.replace("case when c.dup then null else ?::bigint end", "?::bigint") + """
				from (select c.*, b.id as breakdown_id
				      from import_cell c
				      -- left: a staged key without its breakdown row fails on breakdown_id (see #insert)
				      left join breakdown b on b.key = c.breakdown_key) c""" + IN_CELL_INDEX_ORDER);

	/**
	 * @param sql a statement spelling the codes it compares with as {@code {not_stated}},
	 * {@code {succeeded}} and {@code {unchanged}}
	 * @return the statement with the codes of the shared vocabulary
	 */
	private static String vocabulary(String sql) {
		return sql.replace("{not_stated}", Status.NOT_STATED.code())
			.replace("{succeeded}", ImportRunState.SUCCEEDED.code())
			.replace("{unchanged}", ImportRunState.UNCHANGED.code());
	}

	/**
	 * @param cells cells read
	 * @param inserted new cells and new vintages written whose content differs from the
	 * vintage before
	 * @param confirmed vintages written that repeat the content of the vintage before, to
	 * credit it to this run: its run was the demo data set or a probably cut-off import,
	 * and this one is neither (see {@link #confirmableRuns})
	 * @param withdrawn cells whose current value was a number and is now none (a new
	 * vintage "not available, with reason")
	 * @param warnings warnings for the report
	 */
	public record Result(long cells, long inserted, long confirmed, long withdrawn, List<ImportWarning> warnings,
			java.util.Set<Long> writtenOver) {

		public Result {
			warnings = List.copyOf(warnings);
			writtenOver = java.util.Set.copyOf(writtenOver);
		}

		/** A result without runs written over. */
		public Result(long cells, long inserted, long confirmed, long withdrawn, List<ImportWarning> warnings) {
			this(cells, inserted, confirmed, withdrawn, warnings, java.util.Set.of());
		}

		/** Nothing read. */
		static final Result NONE = new Result(0, 0, 0, 0, List.of());

		long unchanged() {
			return this.cells - this.inserted;
		}

	}

	/**
	 * Writes the staged cells as a new vintage: a cell is written only where it differs
	 * from the vintage that was current at {@code recordedAt} (so importing the same file
	 * again, or an older one again, writes nothing).
	 * @param recordedAt the moment of this vintage: the publication date given with an
	 * older download (back-dated), else the import time
	 * @param segmentCells the number of staged cells from which they are written into a
	 * segment of their own ({@code llo.import.segment-cells})
	 */
	public static Result merge(DSLContext tx, StagingSink stage, ImportJob job, OffsetDateTime recordedAt,
			long segmentCells) {
		long t0 = System.nanoTime();
		List<ImportWarning> warnings = new ArrayList<>();
		for (String code : stage.periods) {
			upsertPeriod(tx, code);
		}
		for (String key : stage.breakdowns) {
			upsertBreakdown(tx, key);
		}
		long cells;
		if (stage.margins) {
			cells = groupParts(tx, job, warnings);
		}
		else {
			cells = viewCells(tx);
		}
		checkKeys(tx, stage, job);
		checkRanges(tx, stage, job);
		// a cell of an indicator without any observation yet has no current vintage:
		// when that holds for every staged indicator, the per-cell lookup of the
		// current vintage is left out (a first import of a table)
		boolean fresh = !tx
			.fetchSingle("select exists (select 1 from observation o where o.indicator_code = any(?::text[]))",
					(Object) stage.indicators.toArray(String[]::new))
			.get(0, Boolean.class);
		// only a first import of its indicators, which writes every cell it stages: a new
		// vintage writes only the cells that changed, which it would write twice if they
		// were fewer than a segment's size, and it would add a segment per vintage; a run
		// writes one segment at most (a mapping on top of the table merges its derived
		// cells after the table's own, into observation)
		boolean segment = fresh && cells >= segmentCells
				&& tx.fetchSingle("select to_regclass(?) is null", SEGMENT_PREFIX + job.runId()).get(0, Boolean.class);
		String target = segment
				? tx.render(DSL
					.name(tx.fetchSingle("select observation_segment_create(?)", job.runId()).get(0, String.class)))
				: "observation";
		long t1 = System.nanoTime();
		Written written = (segment && !job.backdated())
				? insert(tx, job, false, INSERT_FRESH_SEGMENT.replace("{target}", target), job.runId(), recordedAt)
				: fresh ? insert(tx, job, false, INSERT_FRESH.replace("{target}", target), job.runId(), recordedAt,
						job.backdated(), job.runId(), recordedAt)
						: insert(tx, job, true, INSERT_CHANGED.replace("{target}", target), recordedAt,
								confirmableRuns(tx, job.runId()), job.backdated(), recordedAt, job.runId(), recordedAt,
								job.runId(), recordedAt);
		long confirmed = written.confirmed();
		long inserted = written.rows() - confirmed;
		long tWritten = System.nanoTime();
		if (segment) {
			// kept: its indexes are built, and its coverage added (the insert trigger of
			// observation does not see rows written into the segment's own table); or,
			// when it wrote fewer rows than a segment's size (a back-dated first import
			// whose cells later runs cover), moved into observation
			segment = attach(tx, job, segmentCells);
		}
		// the demo data set stands in until real data arrive: a real vintage of a cell
		// replaces the demo's (migration V16), which would otherwise stay in the cell's
		// history and, under a back-dated vintage, stay current (a first import of its
		// indicators finds no demo vintage of them)
		long replaced = fresh ? 0 : replaceStandIns(tx, job.runId());
		long t2 = System.nanoTime();
		// withdrawn: a cell this run wrote without a value whose vintage before it had a
		// number (only this run's value-less rows are looked at)
		long withdrawn = fresh ? 0 : tx.fetchSingle("""
				select count(*) from observation o
				where o.import_run_id = ?::bigint and o.value is null
				  and (select p.value from observation p
				       where p.indicator_code = o.indicator_code and p.region_code = o.region_code
				         and p.breakdown_id = o.breakdown_id and p.period_code = o.period_code
				         and (p.recorded_at, p.id) < (o.recorded_at, o.id)
				       order by p.recorded_at desc, p.id desc
				       limit 1) is not null""", job.runId()).get(0, Long.class);
		long t3 = System.nanoTime();
		logger.debug(
				"run {}: {} cells grouped in {} ms, {} written ({} confirming, {} demo vintages replaced) in {} ms{}, withdrawals counted in {} ms",
				job.runId(), cells, (t1 - t0) / 1_000_000, inserted + confirmed, confirmed, replaced,
				(tWritten - t1) / 1_000_000,
				segment ? ", own segment indexed and attached in " + (t2 - tWritten) / 1_000_000 + " ms" : "",
				(t3 - t2) / 1_000_000);
		if (withdrawn > 0) {
			warnings.add(ImportWarning.of(ImportWarning.WITHDRAWN, withdrawn));
		}
		if (job.backdated()) {
			backdatedNotWritten(tx, job.runId(), recordedAt, warnings);
		}
		return new Result(cells, inserted, confirmed, withdrawn, warnings, written.over());
	}

	/**
	 * The cells of a back-dated run (bound: its moment, its id, its moment again) that
	 * are new or differ from the vintage current at its moment ({@link #DIFFERS}, as
	 * {@link #INSERT_CHANGED} judges them) and that neither this run nor a later one
	 * wrote: how many, the first one's table and the first cell.
	 */
	private static final String BACKDATED_NOT_WRITTEN = vocabulary("""
			select count(*) as cells, min(c.source_table) as source_table,
			       min(c.indicator_code || ' ' || c.region_code || ' ' || c.period_code
			           || case when c.breakdown_key = '' then '' else ' [' || c.breakdown_key || ']' end) as first
			from (select c.*, b.id as breakdown_id from import_cell c join breakdown b on b.key = c.breakdown_key) c
			""" + CURRENT_AT + """
			where not exists (select 1 from observation o
			                  where o.indicator_code = c.indicator_code and o.region_code = c.region_code
			                    and o.breakdown_id = c.breakdown_id and o.period_code = c.period_code
			                    and (o.import_run_id = ?::bigint or o.recorded_at > ?::timestamptz))
			  and (cur.status is null or\s""" + DIFFERS + ")");

	/**
	 * Counts and names the cells of a back-dated run that are new or have another value
	 * than the vintage current at its moment, yet were not written, because a later run
	 * of their table does not have them ({@link #NO_LATER_RUN_OF_ITS_TABLE}): without the
	 * warning the run would report them as unchanged.
	 * @param tx the import's transaction, after the run's cells are written
	 * @param runId the run
	 * @param recordedAt its (back-dated) moment
	 * @param warnings where the warning goes
	 */
	private static void backdatedNotWritten(DSLContext tx, long runId, OffsetDateTime recordedAt,
			List<ImportWarning> warnings) {
		Record dropped = tx.fetchSingle(BACKDATED_NOT_WRITTEN, recordedAt, runId, recordedAt);
		long cells = dropped.get("cells", Long.class);
		if (cells > 0) {
			warnings.add(ImportWarning.of(ImportWarning.BACKDATED_NOT_WRITTEN, cells,
					dropped.get("source_table", String.class), dropped.get("first", String.class)));
		}
	}

	/**
	 * Deletes the demo's vintages ({@code import_run.stand_in}) of the cells a real run
	 * wrote. Looks up the stand-in runs that still hold rows first (by the run index), so
	 * that a store without them costs one index probe, and names them as constants, so
	 * that the delete is planned from the demo's rows, not from the whole store.
	 * @param tx the import's transaction, after the run's cells are written
	 * @param runId the run
	 * @return the vintages deleted
	 */
	private static long replaceStandIns(DSLContext tx, long runId) {
		Long[] standIns = tx.fetchSingle("""
				select coalesce(array_agg(r.id), '{}') from import_run r, import_run me
				where me.id = ? and not me.stand_in and r.stand_in
				  and exists (select 1 from observation o where o.import_run_id = r.id)""", runId).get(0, Long[].class);
		if (standIns.length == 0) {
			return 0;
		}
		String ids = java.util.Arrays.stream(standIns)
			.map(String::valueOf)
			.collect(java.util.stream.Collectors.joining(","));
		return tx.execute("""
				delete from observation d
				where d.import_run_id in (%s)
				  and exists (select 1 from observation n
				              where n.import_run_id = ? and n.indicator_code = d.indicator_code
				                and n.region_code = d.region_code and n.breakdown_id = d.breakdown_id
				                and n.period_code = d.period_code)""".formatted(ids), runId);
	}

	/**
	 * What an insert wrote.
	 *
	 * @param rows the rows written
	 * @param confirmed how many of them confirm an unchanged cell
	 * @param over the runs whose current vintages they wrote over
	 */
	private record Written(long rows, long confirmed, java.util.Set<Long> over) {
	}

	/**
	 * The runs whose current vintages this run confirms where it finds them unchanged, so
	 * that each value is credited to the source it now stands on: the demo data set
	 * ({@code stand_in}), for any other run (the demo copies published figures, but it is
	 * not their import; its vintage is then removed, see {@link #merge}), and a probably
	 * cut-off run, for a complete run other than a mapping applied on top of a stored
	 * table (whose cells derive from that table, cut off or not), a file in the project's
	 * own format or the demo. Reads the run's {@code format}, {@code complete} and
	 * {@code stand_in}, which must be set before the merge.
	 * @param tx the import's transaction
	 * @param runId this run
	 * @return the ids of those runs (empty when none)
	 */
	static Long[] confirmableRuns(DSLContext tx, long runId) {
		return tx
			.fetchSingle("""
					select coalesce(array_agg(r.id order by r.id), '{}')
					from import_run me join import_run r on r.id <> me.id
					where me.id = ?
					  and ((r.stand_in and not me.stand_in)
					       or (not r.complete and me.complete and me.format not in (?, ?) and not me.stand_in))""",
					runId, ImportFormat.MAPPING.code(), ImportFormat.DEMO.code())
			.get(0, Long[].class);
	}

	/**
	 * Marks the probably cut-off runs that have no current vintage any more as superseded
	 * by this run, so the table list reads whether a table still stands partly on a
	 * cut-off download from {@code import_run} alone (migration V14). Looks at the runs
	 * this run wrote over (this run or an earlier one revised or confirmed every cell
	 * they wrote, whatever table it imported): only they can have lost their last current
	 * vintage with it; and at this run itself, which, cut off and without a vintage of
	 * its own, gives no value (marked as superseded by itself).
	 * @param tx the import's transaction, after the merges, with this run's
	 * {@code complete} and {@code table_id} set
	 * @param runId this run
	 * @param writtenOver the runs whose current vintages this run wrote over
	 * ({@link Result#writtenOver()})
	 * @return the runs marked
	 */
	public static int supersedeCutOffRuns(DSLContext tx, long runId, java.util.Set<Long> writtenOver) {
		java.util.Set<Long> candidates = new java.util.HashSet<>(writtenOver);
		candidates.add(runId);
		return tx.execute("""
				update import_run r set superseded_by = ?
				where r.id = any(?::bigint[]) and not r.complete and r.superseded_by is null
				  and r.table_id is not null
				  and not exists (
				      select 1 from observation o
				      where o.import_run_id = r.id
				        and not exists (
				            select 1 from observation l
				            where l.indicator_code = o.indicator_code and l.region_code = o.region_code
				              and l.breakdown_id = o.breakdown_id and l.period_code = o.period_code
				              and (l.recorded_at, l.id) > (o.recorded_at, o.id)))""", runId,
				candidates.toArray(Long[]::new));
	}

	/**
	 * Merges the value and margin parts of each cell into the table {@code import_cell},
	 * rejecting a cell given twice and skipping margins without a value.
	 * @return cells
	 */
	private static long groupParts(DSLContext tx, ImportJob job, List<ImportWarning> warnings) {
		tx.execute("""
				create temporary table import_cell on commit drop as
				select indicator_code, region_code, period_code, breakdown_key,
				       max(value) filter (where part = 'v') as value,
				       max(missing_reason) filter (where part = 'v') as missing_reason,
				       -- no margin without a value (a secret figure's bounds would tell it)
				       case when max(value) filter (where part = 'v') is not null
				            then max(value) filter (where part = 'l') end as margin_low,
				       case when max(value) filter (where part = 'v') is not null
				            then max(value) filter (where part = 'h') end as margin_high,
				       count(*) filter (where part in ('l', 'h')) > 0 as margins_stated,
				       max(status) as status, max(flags) as flags, max(footnote) as footnote,
				       max(source_table) as source_table,
				       count(*) filter (where part = 'v') as n, count(*) as parts,
				       min(line) as first_line, max(line) as last_line
				from import_stage
				group by indicator_code, region_code, period_code, breakdown_key""");
		Record duplicate = tx.fetchOne("""
				select indicator_code, region_code, period_code, breakdown_key, first_line, last_line from import_cell
				where n > 1 or parts - n > 2 limit 1""");
		if (duplicate != null) {
			throw duplicate(job, duplicate);
		}
		// bounds of a 95% interval lie around their value, the lower below the upper: a
		// file that gives them otherwise (columns swapped, a value edited without its
		// bounds) is refused, never stored as a figure with a wrong interval
		Record outside = tx.fetchOne("""
				select indicator_code, region_code, period_code, breakdown_key, first_line, last_line, value,
				       margin_low, margin_high
				from import_cell
				where margin_low > margin_high or margin_low > value or margin_high < value
				order by first_line
				limit 1""");
		if (outside != null) {
			throw marginsOutside(job, outside);
		}
		int marginOnly = tx.execute("delete from import_cell where n = 0");
		if (marginOnly > 0) {
			warnings.add(ImportWarning.of(ImportWarning.MARGIN_ONLY, marginOnly));
		}
		tx.execute("analyze import_cell");
		return tx.fetchSingle("select count(*) from import_cell").get(0, Long.class);
	}

	/**
	 * Without margins every staged row is a whole cell: {@code import_cell} is a view of
	 * the staging table (no second copy of the cells); a cell given twice is found while
	 * the cells are written (see {@link #SORTED_CELLS}).
	 * @return cells
	 */
	private static long viewCells(DSLContext tx) {
		tx.execute("analyze " + StagingSink.TABLE);
		// dropped with the staging table at commit (on commit drop cascades)
		tx.execute("""
				create temporary view import_cell as
				select indicator_code, region_code, period_code, breakdown_key, value, missing_reason,
				       null::numeric as margin_low, null::numeric as margin_high, false as margins_stated, status,
				       flags, footnote,
				       source_table, 1::bigint as n, 1::bigint as parts, line as first_line, line as last_line
				from import_stage""");
		return tx.fetchSingle("select count(*) from " + StagingSink.TABLE).get(0, Long.class);
	}

	/**
	 * Runs one of the inserts; a cell given twice makes it fail on its marker (a row
	 * without import run), which is turned into the error naming both lines.
	 * @param counts whether the statement answers the rows written and those that confirm
	 * ({@link #INSERT_CHANGED}) instead of an update count
	 * @return the rows written, how many of them confirm an unchanged cell, and the runs
	 * whose current vintages they wrote over
	 */
	private static Written insert(DSLContext tx, ImportJob job, boolean counts, String sql, Object... bindings) {
		tx.execute("savepoint import_cells");
		try {
			Written written;
			if (counts) {
				Record answer = tx.fetchSingle(sql, bindings);
				written = new Written(answer.get(0, Long.class), answer.get(1, Long.class),
						java.util.Set.of(answer.get(2, Long[].class)));
			}
			else {
				written = new Written(tx.execute(sql, bindings), 0, java.util.Set.of());
			}
			tx.execute("release savepoint import_cells");
			return written;
		}
		catch (org.jooq.exception.DataAccessException ex) {
			if (notNull(ex, "breakdown_id")) {
				tx.execute("rollback to savepoint import_cells");
				throw unregisteredBreakdown(tx, job, ex);
			}
			if (!notNull(ex, "import_run_id")) {
				throw ex;
			}
			throw firstDuplicate(tx, job, "import_cells", ex);
		}
	}

	/**
	 * Ends the run's segment (migration V19): builds its indexes and attaches it, or
	 * moves its rows into observation when fewer than {@code segmentCells}. Its unique
	 * cell index fails where a cell is given twice; the import then fails naming both
	 * lines.
	 * @return whether it was kept as a segment
	 */
	private static boolean attach(DSLContext tx, ImportJob job, long segmentCells) {
		tx.execute("savepoint segment_attach");
		try {
			boolean kept = tx.fetchSingle("select observation_segment_attach(?, ?)", job.runId(), segmentCells)
				.get(0, Boolean.class);
			tx.execute("release savepoint segment_attach");
			return kept;
		}
		catch (org.jooq.exception.DataAccessException ex) {
			if (!uniqueViolation(ex, SEGMENT_PREFIX + job.runId() + "_cell")) {
				throw ex;
			}
			throw firstDuplicate(tx, job, "segment_attach", ex);
		}
	}

	/**
	 * After a write that failed on a cell given twice: rolls back to the savepoint and
	 * names the first cell staged twice (by its first line), with its first and last
	 * line.
	 * @param savepoint the savepoint taken before the write
	 * @param ex how the write failed: returned when no cell is staged twice after all
	 * @return the error to throw
	 */
	private static RuntimeException firstDuplicate(DSLContext tx, ImportJob job, String savepoint,
			RuntimeException ex) {
		tx.execute("rollback to savepoint " + savepoint);
		Record duplicate = tx.fetchOne("""
				select indicator_code, region_code, period_code, breakdown_key,
				       min(first_line) as first_line, max(last_line) as last_line
				from import_cell
				group by indicator_code, region_code, period_code, breakdown_key
				having count(*) > 1
				order by min(first_line)
				limit 1""");
		return (duplicate == null) ? ex : duplicate(job, duplicate);
	}

	/** Whether the statement failed on a duplicate key of the named unique index. */
	private static boolean uniqueViolation(Throwable ex, String index) {
		org.postgresql.util.PSQLException pg = serverError(ex);
		return pg != null && "23505".equals(pg.getSQLState())
				&& index.equals(pg.getServerErrorMessage().getConstraint());
	}

	/**
	 * Whether the insert failed on a null in the column: {@code import_run_id} is the
	 * marker of a cell given twice, {@code breakdown_id} a staged breakdown key that was
	 * not registered.
	 */
	private static boolean notNull(Throwable ex, String column) {
		org.postgresql.util.PSQLException pg = serverError(ex);
		return pg != null && "23502".equals(pg.getSQLState()) && column.equals(pg.getServerErrorMessage().getColumn());
	}

	/** The driver's exception with PostgreSQL's error message in the causes, or null. */
	private static org.postgresql.util.PSQLException serverError(Throwable ex) {
		for (Throwable t = ex; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (t instanceof org.postgresql.util.PSQLException pg && pg.getServerErrorMessage() != null) {
				return pg;
			}
		}
		return null;
	}

	/**
	 * A staged cell whose breakdown key has no row in {@code breakdown}: every staged key
	 * is registered before the cells are written ({@link StagingSink#breakdowns}), so
	 * this is a fault of the importer; the import fails naming the cell instead of the
	 * cell being left out of the join and counted as unchanged.
	 */
	private static RuntimeException unregisteredBreakdown(DSLContext tx, ImportJob job, RuntimeException ex) {
		Record cell = tx.fetchOne("""
				select indicator_code, region_code, period_code, breakdown_key, first_line from import_cell c
				where not exists (select 1 from breakdown b where b.key = c.breakdown_key)
				order by first_line
				limit 1""");
		if (cell == null) {
			return ex;
		}
		return job.error("line " + cell.get("first_line"), "breakdown", cell.get("breakdown_key", String.class),
				"a breakdown registered before the cells are written (cell " + cellName(cell) + ")",
				"breakdown not registered, a fault of LLO Monitor: nothing was written");
	}

	private static ImportException marginsOutside(ImportJob job, Record cell) {
		java.math.BigDecimal low = cell.get("margin_low", java.math.BigDecimal.class);
		java.math.BigDecimal high = cell.get("margin_high", java.math.BigDecimal.class);
		java.math.BigDecimal value = cell.get("value", java.math.BigDecimal.class);
		long first = cell.get("first_line", Long.class);
		long last = cell.get("last_line", Long.class);
		String problem = (low != null && high != null && low.compareTo(high) > 0) ? "margins reversed"
				: "the value lies outside its margin";
		return job.error((first == last) ? "line " + first : "lines " + first + " to " + last, null,
				"value " + value.toPlainString() + ", lower bound " + ((low != null) ? low.toPlainString() : "none")
						+ ", upper bound " + ((high != null) ? high.toPlainString() : "none") + " of " + cellName(cell),
				"a lower bound at most the value and an upper bound at least the value", problem);
	}

	/**
	 * @param cell a row of {@code import_cell}
	 * @return the cell as errors name it: {@code indicator region period [breakdown]}
	 */
	private static String cellName(Record cell) {
		return cell.get("indicator_code") + " " + cell.get("region_code") + " " + cell.get("period_code") + " ["
				+ cell.get("breakdown_key") + "]";
	}

	private static ImportException duplicate(ImportJob job, Record duplicate) {
		return job.error("lines " + duplicate.get("first_line") + " and " + duplicate.get("last_line"), null,
				cellName(duplicate), "each cell (indicator, region, period, breakdown) once",
				"the same cell is given twice");
	}

	/**
	 * Drops the staging table and the cells made of it (before a second staging in the
	 * same transaction).
	 * @param tx the import's transaction
	 */
	public static void dropStaged(DSLContext tx) {
		tx.execute("drop table " + StagingSink.TABLE + " cascade");
		tx.execute("drop table if exists import_cell");
	}

	/**
	 * Checks that every indicator, region and period a staged cell names exists
	 * (observation has no per-row foreign keys: see migration V9). Set-based and once per
	 * import: the few distinct keys the staging saw are looked up; only when one is
	 * unknown are the staged cells searched, for the line to name (a key seen only in
	 * rows dropped after staging, such as a text measure, is no error). Breakdowns need
	 * no check here: every staged breakdown is upserted before, and a cell whose key is
	 * not fails the insert ({@link #unregisteredBreakdown}).
	 * @throws ImportException naming the first cell with an unknown key
	 */
	static void checkKeys(DSLContext tx, StagingSink stage, ImportJob job) {
		String[] indicators = unknown(tx, "indicator", stage.indicators);
		String[] regions = unknown(tx, "region", stage.regions);
		String[] periods = unknown(tx, "period", stage.periods);
		if (indicators.length + regions.length + periods.length == 0) {
			return;
		}
		Record cell = tx.fetchOne("""
				select indicator_code, region_code, period_code, breakdown_key, first_line,
				       case when indicator_code = any(?::text[]) then 'indicator'
				            when region_code = any(?::text[]) then 'region' else 'period' end as missing
				from import_cell
				where indicator_code = any(?::text[]) or region_code = any(?::text[]) or period_code = any(?::text[])
				order by first_line
				limit 1""", indicators, regions, indicators, regions, periods);
		if (cell != null) {
			String missing = cell.get("missing", String.class);
			String value = cell.get(missing.equals("indicator") ? "indicator_code"
					: missing.equals("region") ? "region_code" : "period_code", String.class);
			throw job.error("line " + cell.get("first_line"), missing, value,
					"a " + missing + " the store knows (cell " + cellName(cell) + ")",
					"unknown " + missing + " " + value);
		}
	}

	/**
	 * Checks that every staged value of an indicator with a {@code valueRange}
	 * ({@code data/indicators.yaml}) lies inside it: set-based, one pass over the staged
	 * cells, and only when a staged indicator has a range. A negative count or a share
	 * above 100 % is a misread unit or sign, never a figure to store.
	 * @throws ImportException naming the first cell outside its range, its line and value
	 */
	static void checkRanges(DSLContext tx, StagingSink stage, ImportJob job) {
		if (job.catalog() == null) {
			return;
		}
		Map<String, Catalog.Indicator> indicators = job.catalog().indicatorsByCode();
		List<String> codes = new ArrayList<>();
		List<java.math.BigDecimal> mins = new ArrayList<>();
		List<java.math.BigDecimal> maxs = new ArrayList<>();
		for (String code : stage.indicators) {
			Catalog.Indicator indicator = indicators.get(code);
			if (indicator != null && indicator.valueRange() != null) {
				codes.add(code);
				mins.add(indicator.valueRange().min());
				maxs.add(indicator.valueRange().max());
			}
		}
		if (codes.isEmpty()) {
			return;
		}
		Record cell = tx.fetchOne("""
				select c.indicator_code, c.region_code, c.period_code, c.breakdown_key, c.first_line, c.value
				from import_cell c
				join unnest(?::text[], ?::numeric[], ?::numeric[]) as r(code, lo, hi) on r.code = c.indicator_code
				where c.value < r.lo or c.value > r.hi
				order by c.first_line
				limit 1""", codes.toArray(String[]::new), mins.toArray(java.math.BigDecimal[]::new),
				maxs.toArray(java.math.BigDecimal[]::new));
		if (cell != null) {
			Catalog.Indicator indicator = indicators.get(cell.get("indicator_code", String.class));
			throw job.error("line " + cell.get("first_line"), null,
					cell.get("value", java.math.BigDecimal.class).toPlainString(),
					"a value " + indicator.valueRange().text() + " for indicator " + indicator.code() + " ("
							+ indicator.unit() + ", valueRange in data/indicators.yaml), cell " + cellName(cell),
					"value outside the indicator's range");
		}
	}

	/** The given codes that the table (indicator, region or period) lacks. */
	private static String[] unknown(DSLContext tx, String table, java.util.Set<String> codes) {
		return tx
			.fetch("select k from unnest(?::text[]) as k where not exists (select 1 from " + table
					+ " t where t.code = k)", (Object) codes.toArray(String[]::new))
			.getValues(0, String.class)
			.toArray(String[]::new);
	}

	static void upsertPeriod(DSLContext tx, String code) {
		tx.insertInto(PERIOD)
			.set(PERIOD.CODE, code)
			.set(PERIOD.TYPE, nl.llomonitor.cube.Period.parse(code).type())
			.set(PERIOD.YEAR, (short) Periods.year(code))
			.set(PERIOD.NUMBER, (short) Periods.number(code))
			.set(PERIOD.START_DATE, Periods.start(code))
			.set(PERIOD.END_DATE, Periods.end(code))
			.onConflict(PERIOD.CODE)
			.doNothing()
			.execute();
	}

	static long upsertBreakdown(DSLContext tx, String key) {
		if (key.isEmpty()) {
			return 0;
		}
		tx.insertInto(BREAKDOWN).set(BREAKDOWN.KEY, key).onConflict(BREAKDOWN.KEY).doNothing().execute();
		long id = tx.select(BREAKDOWN.ID).from(BREAKDOWN).where(BREAKDOWN.KEY.eq(key)).fetchSingle(BREAKDOWN.ID);
		for (Map.Entry<String, String> member : Breakdowns.parse(key).entrySet()) {
			tx.insertInto(BREAKDOWN_MEMBER)
				.set(BREAKDOWN_MEMBER.BREAKDOWN_ID, id)
				.set(BREAKDOWN_MEMBER.DIMENSION_CODE, member.getKey())
				.set(BREAKDOWN_MEMBER.MEMBER_CODE, member.getValue())
				.onConflict(BREAKDOWN_MEMBER.BREAKDOWN_ID, BREAKDOWN_MEMBER.DIMENSION_CODE)
				.doNothing()
				.execute();
		}
		return id;
	}

}
