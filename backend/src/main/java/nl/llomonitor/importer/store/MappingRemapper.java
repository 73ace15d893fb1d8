package nl.llomonitor.importer.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import nl.llomonitor.importer.ImportException;
import nl.llomonitor.importer.ImportJob;
import nl.llomonitor.importer.catalog.Catalog;
import nl.llomonitor.importer.catalog.GenericTable;
import nl.llomonitor.importer.catalog.TableMapping;
import nl.llomonitor.importer.format.Breakdowns;
import nl.llomonitor.importer.format.CbsCsvReader;
import nl.llomonitor.importer.format.CellSink;
import nl.llomonitor.importer.format.SumAccumulator;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Applies a mapping file to what the store already holds of its table: the table's own
 * indicators and dimensions (imported by {@link GenericTable}) are read as they stand at
 * the vintage's moment and translated, cell by cell, into the canonical indicators and
 * breakdowns the mapping names, then merged as a new vintage like any import (so a
 * mapping that changed nothing writes nothing). A mapping adds meaning: the table's own
 * series stay as they are.
 * <p>
 * Every measure of the table must be mapped or ignored, and every dimension named, with
 * each member met; otherwise the remap fails naming the mapping, the key and the value,
 * and nothing is written. Streams: the translated cells go to a temporary file, then
 * through {@code COPY} into the staging table.
 */
public final class MappingRemapper {

	private MappingRemapper() {
	}

	/**
	 * @param tx the import's transaction (no COPY in progress)
	 * @param job the import job, whose {@link ImportJob#curatedOnTop()} is applied
	 * @param recordedAt the moment of the vintage
	 * @param segmentCells see {@link ObservationStore#merge}
	 * @return cells and cells written
	 */
	public static ObservationStore.Result apply(DSLContext tx, ImportJob job, OffsetDateTime recordedAt,
			long segmentCells) {
		TableMapping mapping = job.curatedOnTop();
		String table = (job.tableId() != null) ? job.tableId() : mapping.table();
		String where = "data/mappings/" + mapping.table() + ".yaml";
		Map<String, String> measureKeys = new HashMap<>();
		tx.fetch(
				"select code, source_key from indicator where lower(source_table) = lower(?) and source_key is not null",
				table)
			.forEach((r) -> measureKeys.put(r.get(0, String.class), r.get(1, String.class)));
		if (measureKeys.isEmpty()) {
			return ObservationStore.Result.NONE;
		}
		Map<String, Dim> dims = new TreeMap<>();
		tx.fetch("select code, source_key from dimension where lower(source_table) = lower(?)", table)
			.forEach((r) -> dims.put(r.get(0, String.class), new Dim(r.get(1, String.class))));
		for (Map.Entry<String, Dim> d : dims.entrySet()) {
			Dim dim = d.getValue();
			dim.members = mapping.dimensions().get(dim.key);
			tx.fetch("select code, source_key, name_nl, is_total from dimension_member where dimension_code = ?",
					d.getKey())
				.forEach((r) -> {
					Member m = new Member(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class));
					dim.byCode.put(m.code, m);
					if (Boolean.TRUE.equals(r.get(3, Boolean.class))) {
						dim.total = m;
					}
				});
		}
		for (String key : measureKeys.values()) {
			if (!mapping.measures().containsKey(key) && !mapping.ignore().contains(key)) {
				throw new ImportException(where, null, "measures", key,
						"every measure of table " + table + " in 'measures' or 'ignore'", "measure not mapped");
			}
		}
		// a mapping never changes a number: a measure whose unit is known must have the
		// unit of the indicator it feeds (x1000 is not persons)
		Map<String, Catalog.Indicator> canonical = job.catalog().indicatorsByCode();
		tx.fetch(
				"select source_key, unit from indicator where lower(source_table) = lower(?) and source_key is not null"
						+ " and unit <> ?",
				table, nl.llomonitor.cube.Unit.UNKNOWN)
			.forEach((r) -> {
				TableMapping.Measure measure = mapping.measures().get(r.get(0, String.class));
				Catalog.Indicator target = (measure != null && measure.indicator() != null)
						? canonical.get(measure.indicator()) : null;
				if (target != null && !target.unit().equals(r.get(1, String.class))) {
					throw new ImportException(where, null, r.get(0, String.class), measure.indicator(),
							"an indicator in the measure's unit (" + r.get(1, String.class) + ")",
							"unit differs: " + measure.indicator() + " is in " + target.unit());
				}
			});
		Path spool;
		try {
			spool = Files.createTempFile("llo-remap", ".bin");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			long written = translate(tx, job, mapping, where, table, measureKeys, dims, recordedAt, spool);
			if (written == 0) {
				return ObservationStore.Result.NONE;
			}
			try (StagingSink stage = StagingSink.open(tx)) {
				replay(spool, stage);
				stage.finish();
				return ObservationStore.merge(tx, stage, job, recordedAt, segmentCells);
			}
		}
		finally {
			try {
				Files.deleteIfExists(spool);
			}
			catch (IOException ex) {
				// a temporary file left behind is harmless
			}
		}
	}

	private static long translate(DSLContext tx, ImportJob job, TableMapping mapping, String where, String table,
			Map<String, String> measureKeys, Map<String, Dim> dims, OffsetDateTime recordedAt, Path spool) {
		long written = 0;
		String sql = """
				select distinct on (o.indicator_code, o.region_code, o.breakdown_id, o.period_code)
				       o.indicator_code, o.region_code, o.period_code, b.key, o.value::text, o.status, o.flags, o.footnote,
				       o.missing_reason
				from observation o join breakdown b on b.id = o.breakdown_id
				where o.indicator_code = any(?::text[]) and o.recorded_at <= ?::timestamptz
				order by o.indicator_code, o.region_code, o.breakdown_id, o.period_code, o.recorded_at desc, o.id desc""";
		try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spool)));
				Cursor<Record> cursor = tx.resultQuery(sql, measureKeys.keySet().toArray(String[]::new), recordedAt)
					.fetchSize(5_000)
					.fetchLazy()) {
			long row = 0;
			// terms of a sum by target cell, and how many terms each target has
			SumAccumulator sums = new SumAccumulator();
			Map<String, Long> terms = new HashMap<>();
			mapping.measures()
				.values()
				.stream()
				.filter((m) -> Boolean.TRUE.equals(m.sum()) && m.indicator() != null)
				.forEach((m) -> terms.merge(m.indicator() + "\u0000" + Breakdowns.key(m.breakdown()), 1L, Long::sum));
			for (Record r : cursor) {
				row++;
				// a cell without a value keeps its reason: a withdrawal in the table is
				// a withdrawal of the canonical figure too
				String value = r.get(4, String.class);
				String reason = (value == null) ? r.get(8, String.class) : null;
				String measureKey = measureKeys.get(r.get(0, String.class));
				TableMapping.Measure measure = mapping.measures().get(measureKey);
				if (measure == null) {
					continue;
				}
				String region = r.get(1, String.class);
				if (!mapping.regionLevels().isEmpty()
						&& !mapping.regionLevels().contains(job.regions().level(region))) {
					continue;
				}
				Map<String, String> stored = Breakdowns.parse(r.get(3, String.class));
				Map<String, String> breakdown = new TreeMap<>(measure.breakdown());
				String indicator = measure.indicator();
				String status = r.get(5, String.class);
				char part = (measure.part() != null) ? CbsCsvReader.part(measure.part()) : CellSink.VALUE;
				boolean skip = false;
				for (Map.Entry<String, Dim> d : dims.entrySet()) {
					Dim dim = d.getValue();
					String code = stored.get(d.getKey());
					Member member = (code != null) ? dim.byCode.get(code) : dim.total;
					if (member == null) {
						throw new ImportException(where, "stored cell " + row, dim.key, "(total)",
								"a mapping of a member of " + dim.key, "the table has no total member here");
					}
					if (dim.members == null) {
						throw new ImportException(where, null, "dimensions", dim.key,
								"every dimension of table " + table + " under 'dimensions'", "dimension not mapped");
					}
					TableMapping.Member meaning = (member.key != null) ? dim.members.get(member.key) : null;
					if (meaning == null) {
						meaning = dim.members.get(member.title);
					}
					if (meaning == null) {
						meaning = dim.members.get(TableMapping.OTHERS);
					}
					if (meaning == null) {
						throw new ImportException(where, null, dim.key, member.title, "one of " + dim.members.keySet(),
								"member not mapped");
					}
					skip |= meaning.skipped();
					breakdown.putAll(meaning.breakdown());
					if (meaning.indicator() != null) {
						indicator = meaning.indicator();
					}
					if (meaning.part() != null && measure.part() == null) {
						part = CbsCsvReader.part(meaning.part());
					}
					if (meaning.status() != null) {
						status = meaning.status();
					}
				}
				if (skip || indicator == null) {
					continue;
				}
				String footnote = r.get(7, String.class);
				if (Boolean.TRUE.equals(measure.sum())) {
					// a term of a sum (60039fvw: 65+ = 65-74 + 75-84 + 85+): added up
					// below, once every term of the cell is read
					sums.add(new SumAccumulator.Target(indicator, region, r.get(2, String.class),
							Breakdowns.key(breakdown), part), value, row, status, r.get(6, String.class));
					continue;
				}
				write(out, row, indicator, region, r.get(2, String.class), Breakdowns.key(breakdown), part, value,
						reason, status, r.get(6, String.class), footnote, table);
				written++;
			}
			for (Map.Entry<SumAccumulator.Target, SumAccumulator.Sum> e : sums.sums().entrySet()) {
				SumAccumulator.Target cell = e.getKey();
				SumAccumulator.Sum sum = e.getValue();
				// a sum with a term without value, or a term not in the store, has no
				// value
				long expected = terms.getOrDefault(cell.indicator() + "\u0000" + cell.breakdown(), 0L);
				write(out, sum.row(), cell.indicator(), cell.region(), cell.period(), cell.breakdown(), cell.part(),
						sum.value(expected), sum.reason(expected), sum.status(), sum.flags(), sum.footnote(expected),
						table);
				written++;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return written;
	}

	private static void write(DataOutputStream out, long row, String indicator, String region, String period,
			String key, char part, String value, String reason, String status, String flags, String footnote,
			String table) throws IOException {
		out.writeLong(row);
		out.writeUTF(indicator);
		out.writeUTF(region);
		out.writeUTF(period);
		out.writeUTF(key);
		out.writeChar(part);
		out.writeBoolean(value != null);
		out.writeUTF((value != null) ? value : ((reason != null) ? reason : ""));
		out.writeUTF(status);
		out.writeUTF(flags);
		out.writeBoolean(footnote != null);
		out.writeUTF((footnote != null) ? footnote : "");
		out.writeUTF(table);
	}

	private static void replay(Path spool, CellSink sink) {
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spool)))) {
			while (true) {
				long line;
				try {
					line = in.readLong();
				}
				catch (EOFException end) {
					return;
				}
				String indicator = in.readUTF();
				String region = in.readUTF();
				String period = in.readUTF();
				String key = in.readUTF();
				char part = in.readChar();
				boolean hasValue = in.readBoolean();
				String valueOrReason = in.readUTF();
				String value = hasValue ? valueOrReason : null;
				String reason = hasValue ? null : (valueOrReason.isEmpty()
						? nl.llomonitor.cube.MissingReason.NIET_BESCHIKBAAR.code() : valueOrReason);
				String status = in.readUTF();
				String flags = in.readUTF();
				boolean hasFootnote = in.readBoolean();
				String footnote = in.readUTF();
				String source = in.readUTF();
				sink.add(line, indicator, region, period, key, part, value, reason, status, flags,
						hasFootnote ? footnote : null, source);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A dimension of the stored table and what the mapping says of its members. */
	private static final class Dim {

		final String key;

		final Map<String, Member> byCode = new HashMap<>();

		Member total;

		Map<String, TableMapping.Member> members;

		Dim(String key) {
			this.key = key;
		}

	}

	private record Member(String code, String key, String title) {

	}

}
