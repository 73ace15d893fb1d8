package nl.llomonitor.indicator;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import nl.llomonitor.api.ApiException;
import nl.llomonitor.api.Incompleteness;
import nl.llomonitor.api.Lang;
import nl.llomonitor.cube.ImportRunState;
import nl.llomonitor.cube.ImportWarning;
import nl.llomonitor.cube.PeriodType;
import nl.llomonitor.system.DataChangeListener;
import nl.llomonitor.system.Queries;
import nl.llomonitor.system.VersionedCache;
import org.jooq.DSLContext;
import org.jooq.Record;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The source tables the store holds data of ({@code GET /api/v1/tables}): what each is,
 * its periods and regions, the indicators it feeds (its own, when imported without a
 * mapping, and the canonical ones its mapping names), its breakdown dimensions, its last
 * import and how complete that was. Loaded once per data version.
 */
@Service
public class TableCatalog {

	private final DSLContext dsl;

	private final IndicatorCatalog indicators;

	private final VersionedCache<Map<String, Table>> cache;

	TableCatalog(DSLContext dsl, IndicatorCatalog indicators, DataChangeListener versions) {
		this.dsl = dsl;
		this.indicators = indicators;
		this.cache = new VersionedCache<>(versions, this::load);
	}

	/**
	 * @return every table by id (case-insensitive), in id order
	 */
	public Mono<Map<String, Table>> all() {
		return this.cache.get();
	}

	/**
	 * @param id a table id, any case
	 * @param parameter the request parameter it came from
	 * @return the table, or a 404 {@code unknown-table}
	 */
	public Mono<Table> require(String id, String parameter) {
		return all().map((all) -> {
			Table table = (id != null) ? all.get(id.strip()) : null;
			if (table == null) {
				throw new ApiException(HttpStatus.NOT_FOUND, "unknown-table",
						"Unknown table '" + id + "'. GET /api/v1/tables lists the imported tables.", parameter);
			}
			return table;
		});
	}

	private Mono<Map<String, Table>> load() {
		// from observation_coverage (kept by triggers on observation), not from every
		// observation: the same figures, at a cost that does not grow with the store
		Mono<List<Record>> coverage = Queries.list(this.dsl.resultQuery("""
				with periods as (
				    select source_table, indicator_code, count(distinct period_code) as periods
				    from observation_coverage_period group by source_table, indicator_code)
				select c.source_table, c.indicator_code, count(distinct c.region_code) as regions,
				       p.periods, min(c.first_period) as first, max(c.last_period) as last,
				       array_agg(distinct c.period_type) as types, array_agg(distinct r.level) as levels,
				       sum(c.cells)::bigint as cells
				from observation_coverage c join region r on r.code = c.region_code
				join periods p on p.source_table = c.source_table and p.indicator_code = c.indicator_code
				group by c.source_table, c.indicator_code, p.periods
				-- the order of a table's measures (its own first, see Builder.build): the same
				-- whichever plan the grouping takes
				order by c.source_table, c.indicator_code"""));
		Mono<List<Record>> infos = Queries.list(this.dsl.resultQuery("""
				select coalesce(i.id, k.table_id) as id, coalesce(i.title, k.title) as title, i.description,
				       coalesce(s.publisher, i.publisher) as publisher, coalesce(i.generic, false) as generic
				from source_table_info i
				-- a mapped table's title is its mapping file's, where the import brought none
				full join source_table_kind k on lower(k.table_id) = lower(i.id)
				left join source s on lower(s.table_id) = lower(coalesce(i.id, k.table_id))"""));
		Mono<List<Record>> runs = Queries.list(this.dsl.resultQuery("""
				select distinct on (lower(table_id)) table_id, id, format, file_name, status, finished_at, published_at,
				       coalesce(report -> 'warnings', '[]'::jsonb)::text as warnings,
				       (report -> 'warningDetails')::text as warning_details, complete, incomplete_reason,
				       (report -> 'incompleteReasons')::text as incomplete_reasons
				from import_run where status in (?, ?) and table_id is not null and format <> 'mapping'
				order by lower(table_id), id desc""", ImportRunState.SUCCEEDED.code(),
				ImportRunState.UNCHANGED.code()));
		// the newest cut-off run of each table whose cells are still partly current:
		// a later complete import of part of the table leaves the rest as they were;
		// an import marks the cut-off runs it leaves without current cells as
		// superseded (ObservationStore.supersedeCutOffRuns, migration V14)
		Mono<List<Record>> cutOff = Queries.list(this.dsl.resultQuery("""
				select distinct on (lower(r.table_id)) r.table_id, r.id, r.incomplete_reason,
				       (r.report -> 'incompleteReasons')::text as incomplete_reasons
				from import_run r
				where r.status in (?, ?) and r.table_id is not null and r.format <> 'mapping' and not r.complete
				  and r.superseded_by is null
				order by lower(r.table_id), r.id desc""", ImportRunState.SUCCEEDED.code(),
				ImportRunState.UNCHANGED.code()));
		return Mono.zip(coverage, infos, runs, cutOff, this.indicators.all())
			.map((t) -> build(t.getT1(), t.getT2(), t.getT3(), t.getT4(), t.getT5()));
	}

	private static Map<String, Table> build(List<Record> coverage, List<Record> infos, List<Record> runs,
			List<Record> cutOff, Map<String, IndicatorInfo> indicators) {
		Map<String, Builder> tables = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (Record r : coverage) {
			String id = r.get("source_table", String.class);
			Builder b = tables.computeIfAbsent(id, Builder::new);
			b.indicators.add(r.get("indicator_code", String.class));
			b.regions = Math.max(b.regions, r.get("regions", Long.class));
			b.periods = Math.max(b.periods, r.get("periods", Long.class));
			String first = r.get("first", String.class);
			String last = r.get("last", String.class);
			b.first = (b.first == null || first.compareTo(b.first) < 0) ? first : b.first;
			b.last = (b.last == null || last.compareTo(b.last) > 0) ? last : b.last;
			b.types.addAll(List.of(r.get("types", String[].class)));
			b.levels.addAll(List.of(r.get("levels", String[].class)));
			b.cells += r.get("cells", Long.class);
		}
		for (Record r : infos) {
			Builder b = tables.get(r.get("id", String.class));
			if (b != null) {
				b.title = r.get("title", String.class);
				b.description = r.get("description", String.class);
				b.publisher = r.get("publisher", String.class);
				b.generic = Boolean.TRUE.equals(r.get("generic", Boolean.class));
			}
		}
		for (Record r : runs) {
			Builder b = tables.get(r.get("table_id", String.class));
			if (b != null) {
				b.lastImport = new LastImport(r.get("id", Long.class), r.get("format", String.class),
						r.get("file_name", String.class), r.get("status", String.class),
						r.get("finished_at", OffsetDateTime.class), r.get("published_at", OffsetDateTime.class));
				b.warnings = parseWarnings(r.get("warnings", String.class));
				b.details = parseDetails(r.get("warning_details", String.class));
				b.cutOff = Boolean.FALSE.equals(r.get("complete", Boolean.class));
				b.incomplete = Incompleteness.of(r.get("table_id", String.class),
						r.get("incomplete_reason", String.class), r.get("incomplete_reasons", String.class));
				b.incompleteRun = b.cutOff ? b.lastImport.run() : null;
			}
		}
		for (Record r : cutOff) {
			Builder b = tables.get(r.get("table_id", String.class));
			if (b != null && !b.cutOff) {
				b.cutOff = true;
				b.incomplete = Incompleteness.of(r.get("table_id", String.class),
						r.get("incomplete_reason", String.class), r.get("incomplete_reasons", String.class));
				b.incompleteRun = r.get("id", Long.class);
			}
		}
		Map<String, Table> result = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		tables.forEach((id, b) -> result.put(id, b.build(indicators)));
		return result;
	}

	/**
	 * @param json {@code import_run.report -> 'warningDetails'} as text, or null
	 * @return the warnings as keys and arguments, or null for a run before they were kept
	 */
	private static List<ImportWarning> parseDetails(String json) {
		if (json == null) {
			return null;
		}
		// as the import wrote them: records of key and arguments (numbers, text, null)
		return List.of(tools.jackson.databind.json.JsonMapper.shared().readValue(json, ImportWarning[].class));
	}

	private static List<String> parseWarnings(String json) {
		try {
			return List.of(tools.jackson.databind.json.JsonMapper.builder().build().readValue(json, String[].class));
		}
		catch (RuntimeException ex) {
			return List.of();
		}
	}

	/**
	 * A source table as the API shows it.
	 *
	 * @param id table id (85624NED)
	 * @param title title from the table's metadata or mapping file, null when unknown
	 * @param description short description, may be null
	 * @param source publisher (CBS, Eurostat)
	 * @param generic whether its own measures are stored as indicators of the table
	 * @param periods period types, first and last period code, number of periods
	 * @param regions number of regions and their levels
	 * @param measures the indicators the table feeds: its own first, then canonical ones
	 * @param dimensions breakdown dimensions of those indicators, with their members
	 * @param lastImport the last import that succeeded (or found nothing new)
	 * @param completeness cells stored, and whether the last import warned of rows cut
	 * off or skipped
	 */
	public record Table(String id, String title, String description, String source, boolean generic, Periods periods,
			Regions regions, List<Measure> measures, List<IndicatorInfo.Dimension> dimensions, LastImport lastImport,
			Completeness completeness) {

		/**
		 * @param lang the reader's language
		 * @return this table with the reason its last import was incomplete, and its
		 * warnings where the run kept them as keys, in that language
		 */
		public Table in(Lang lang) {
			Completeness c = this.completeness;
			if (c.why() == null && c.details() == null) {
				return this;
			}
			List<String> warnings = (c.details() == null) ? c.warnings()
					: c.details().stream().map((w) -> nl.llomonitor.api.Messages.warning(lang, w)).toList();
			return new Table(this.id, this.title, this.description, this.source, this.generic, this.periods,
					this.regions, this.measures, this.dimensions, this.lastImport,
					new Completeness(c.cells(), c.complete(), (c.why() != null) ? c.why().text(lang) : null,
							c.incompleteRun(), warnings,
							(c.details() == null) ? "en" : lang.name().toLowerCase(Locale.ROOT), c.why(), c.details()));
		}

	}

	/**
	 * @param types period types, finest first
	 * @param first first period code
	 * @param last last period code
	 * @param count number of periods
	 */
	public record Periods(List<String> types, String first, String last, long count) {
	}

	/**
	 * @param count number of regions
	 * @param levels their levels
	 */
	public record Regions(long count, List<String> levels) {
	}

	/**
	 * @param code indicator code
	 * @param name Dutch name
	 * @param nameEn English name (the same as the Dutch one for a table's own measures,
	 * whose CBS titles are Dutch)
	 * @param unit unit
	 * @param decimals decimals
	 * @param own whether it is the table's own (generated) indicator, not a canonical one
	 */
	public record Measure(String code, String name, String nameEn, String unit, int decimals, boolean own) {
	}

	/**
	 * @param run import run id
	 * @param format format code
	 * @param file file name or URL
	 * @param status succeeded or unchanged
	 * @param at when it finished
	 * @param published when the source published it, if known
	 */
	public record LastImport(long run, String format, String file, String status, OffsetDateTime at,
			OffsetDateTime published) {
	}

	/**
	 * @param cells cells stored (all vintages)
	 * @param complete false when the last import was probably cut off (imported with
	 * {@code allowIncomplete}) or warned that rows were skipped or left out, or when an
	 * earlier import that was probably cut off still gives some of the current values (a
	 * later complete import of part of the table leaves the rest as they were)
	 * @param incompleteReason why that import was probably cut off, in the language asked
	 * for ({@link Table#in}), or null
	 * @param incompleteRun the id of that import run, or null
	 * @param warnings the last import's warnings other than the cut-off, in the language
	 * asked for; for a run imported before warnings were kept as keys, in English as the
	 * import reported them, the cut-off first ({@code INCOMPLETE: ...})
	 * @param warningsLanguage the language of {@code warnings}: {@code nl} or {@code en}
	 * @param why the same reason, stored: for {@link Table#in}
	 * @param details the warnings as keys and arguments, or null for an older run: for
	 * {@link Table#in}
	 */
	public record Completeness(long cells, boolean complete, String incompleteReason, Long incompleteRun,
			List<String> warnings, String warningsLanguage,
			@com.fasterxml.jackson.annotation.JsonIgnore Incompleteness why,
			@com.fasterxml.jackson.annotation.JsonIgnore List<ImportWarning> details) {
	}

	private static final class Builder {

		final String id;

		final Set<String> indicators = new LinkedHashSet<>();

		final Set<String> types = new LinkedHashSet<>();

		final Set<String> levels = new LinkedHashSet<>();

		long regions;

		long periods;

		long cells;

		String first;

		String last;

		String title;

		String description;

		String publisher;

		boolean generic;

		LastImport lastImport;

		List<String> warnings = List.of();

		List<ImportWarning> details;

		boolean cutOff;

		Incompleteness incomplete;

		Long incompleteRun;

		Builder(String id) {
			this.id = id;
		}

		Table build(Map<String, IndicatorInfo> all) {
			String prefix = "cbs_" + this.id.toLowerCase(Locale.ROOT) + "__";
			List<Measure> measures = new ArrayList<>();
			Map<String, IndicatorInfo.Dimension> dimensions = new LinkedHashMap<>();
			this.indicators.stream().sorted(Comparator.comparing((String c) -> !c.startsWith(prefix))).forEach((c) -> {
				IndicatorInfo info = all.get(c);
				if (info != null) {
					measures.add(new Measure(c, info.nameNl(), info.nameEn(), info.unit(), info.decimals(),
							c.startsWith(prefix)));
					info.dimensions().forEach(dimensions::putIfAbsent);
				}
			});
			List<String> types = this.types.stream().sorted(Comparator.comparing(PeriodType.CODES::indexOf)).toList();
			// a run before warnings were kept as keys is judged by their English text
			boolean complete = !this.cutOff && ((this.details != null)
					? this.details.stream().noneMatch(ImportWarning::leavesOut)
					: this.warnings.stream()
						.noneMatch(
								(w) -> w.contains("cut off") || w.contains("skipped") || w.contains("not imported")));
			return new Table(this.id, this.title, this.description,
					(this.publisher != null) ? this.publisher
							: (this.id.matches("[0-9]{5}[A-Za-z]{3}") ? "CBS" : "Eurostat"),
					this.generic, new Periods(types, this.first, this.last, this.periods),
					new Regions(this.regions, List.copyOf(this.levels)), measures, List.copyOf(dimensions.values()),
					this.lastImport,
					new Completeness(this.cells, complete, (this.incomplete != null) ? this.incomplete.stored() : null,
							this.incompleteRun,
							(this.details != null) ? this.details.stream()
								.map((w) -> nl.llomonitor.api.Messages.warning(Lang.EN, w))
								.toList() : this.warnings,
							"en", this.incomplete, this.details));
		}

	}

}
