package nl.llomonitor.importer.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import nl.llomonitor.importer.format.Breakdowns;
import nl.llomonitor.importer.format.CellSink;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams cells into a temporary staging table with PostgreSQL {@code COPY} (inside the
 * import's transaction), remembering the few distinct periods and breakdowns. Memory
 * stays flat: one 256 KB buffer.
 */
public final class StagingSink implements CellSink, AutoCloseable {

	public static final String TABLE = "import_stage";

	private static final int BUFFER = 256 * 1024;

	private final CopyIn copy;

	private final byte[] buffer = new byte[BUFFER];

	private int position;

	private final StringBuilder line = new StringBuilder(256);

	final Set<String> periods = new TreeSet<>();

	final Set<String> breakdowns = new TreeSet<>();

	/** Distinct indicators and regions staged: their keys are checked once per import. */
	final Set<String> indicators = new TreeSet<>();

	final Set<String> regions = new TreeSet<>();

	private String lastIndicator = "";

	private String lastRegion = "";

	long parts;

	boolean margins;

	private String lastPeriod = "";

	private String lastBreakdown = "";

	private StagingSink(CopyIn copy) {
		this.copy = copy;
	}

	/**
	 * Re-keys staged cells after reading (the COPY finished): each breakdown pair named
	 * in {@code replace} becomes its replacement ('' drops it: the member is the total),
	 * and a key without a pair of a dimension in {@code add} gets that pair (the member
	 * read as the total is not). Keys stay canonical ({@link Breakdowns}).
	 * @param tx the import's transaction
	 * @param replace {@code dimension=member} pairs to their replacement, or ''
	 * @param add dimension code to the {@code dimension=member} pair a key without one of
	 * that dimension gets
	 */
	public void rekey(DSLContext tx, Map<String, String> replace, Map<String, String> add) {
		String[] olds = replace.keySet().toArray(String[]::new);
		String[] news = replace.values().toArray(String[]::new);
		String[] dims = add.keySet().toArray(String[]::new);
		String[] pairs = add.values().toArray(String[]::new);
		tx.execute("update " + TABLE + " s set breakdown_key = coalesce((select string_agg(x.pair, ';'"
				+ " order by split_part(x.pair, '=', 1) collate \"C\") from ("
				+ " select coalesce(m.new_pair, p.pair) as pair from unnest(string_to_array(s.breakdown_key, ';')) p(pair)"
				+ " left join unnest(?::text[], ?::text[]) m(old_pair, new_pair) on m.old_pair = p.pair"
				+ " union all select a.pair from unnest(?::text[], ?::text[]) a(dim, pair)"
				+ " where not exists (select 1 from unnest(string_to_array(s.breakdown_key, ';')) q(pair)"
				+ " where split_part(q.pair, '=', 1) = a.dim)) x where x.pair <> ''), '')"
				+ " where cardinality(?::text[]) > 0 or string_to_array(s.breakdown_key, ';') && ?::text[]", olds, news,
				dims, pairs, dims, olds);
		Set<String> rekeyed = new TreeSet<>();
		// the total ('') is not remembered (it needs no breakdown row) but may get a pair
		Set<String> keys = new TreeSet<>(this.breakdowns);
		keys.add("");
		for (String key : keys) {
			Map<String, String> members = Breakdowns.parse(key);
			Map<String, String> now = new TreeMap<>();
			members.forEach((dimension, member) -> {
				String pair = replace.getOrDefault(dimension + "=" + member, dimension + "=" + member);
				if (!pair.isEmpty()) {
					int eq = pair.indexOf('=');
					now.put(pair.substring(0, eq), pair.substring(eq + 1));
				}
			});
			add.forEach((dimension, pair) -> {
				if (!members.containsKey(dimension)) {
					now.put(dimension, pair.substring(pair.indexOf('=') + 1));
				}
			});
			rekeyed.add(Breakdowns.key(now));
		}
		this.breakdowns.clear();
		this.breakdowns.addAll(rekeyed);
	}

	public static StagingSink open(DSLContext tx) {
		tx.execute("create temporary table " + TABLE + " (line bigint, indicator_code text, region_code text,"
				+ " period_code text, breakdown_key text, part char(1), value numeric, missing_reason text, status text, flags text,"
				+ " footnote text, source_table text) on commit drop");
		Connection connection = tx.configuration().connectionProvider().acquire();
		try {
			PGConnection pg = connection.unwrap(PGConnection.class);
			return new StagingSink(pg.getCopyAPI().copyIn("copy " + TABLE + " from stdin (format text)"));
		}
		catch (SQLException ex) {
			throw new org.jooq.exception.DataAccessException("Cannot start COPY into the staging table", ex);
		}
	}

	@Override
	public void add(long lineNumber, String indicator, String region, String period, String breakdownKey, char part,
			String value, String reason, String status, String flags, String footnote, String sourceTable) {
		if (period != this.lastPeriod && !period.equals(this.lastPeriod)) {
			this.periods.add(period);
			this.lastPeriod = period;
		}
		if (indicator != this.lastIndicator && indicator != null && !indicator.equals(this.lastIndicator)) {
			this.indicators.add(indicator);
			this.lastIndicator = indicator;
		}
		if (region != this.lastRegion && region != null && !region.equals(this.lastRegion)) {
			this.regions.add(region);
			this.lastRegion = region;
		}
		if (breakdownKey != this.lastBreakdown && !breakdownKey.equals(this.lastBreakdown)) {
			this.breakdowns.add(breakdownKey);
			this.lastBreakdown = breakdownKey;
		}
		if (part != VALUE) {
			this.margins = true;
		}
		StringBuilder l = this.line;
		l.setLength(0);
		l.append(lineNumber).append('\t');
		field(l, indicator).append('\t');
		field(l, region).append('\t');
		field(l, period).append('\t');
		field(l, breakdownKey).append('\t');
		l.append(part).append('\t');
		field(l, value).append('\t');
		field(l, reason).append('\t');
		field(l, status).append('\t');
		field(l, flags).append('\t');
		field(l, footnote).append('\t');
		field(l, sourceTable).append('\n');
		write(l);
		this.parts++;
	}

	private static StringBuilder field(StringBuilder l, String value) {
		if (value == null) {
			return l.append("\\N");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> l.append("\\\\");
				case '\t' -> l.append("\\t");
				case '\n' -> l.append("\\n");
				case '\r' -> l.append("\\r");
				default -> l.append(c);
			}
		}
		return l;
	}

	private void write(CharSequence text) {
		int n = text.length();
		for (int i = 0; i < n; i++) {
			char c = text.charAt(i);
			if (this.position + 4 > BUFFER) {
				flush();
			}
			if (c < 0x80) {
				this.buffer[this.position++] = (byte) c;
			}
			else {
				String s = (Character.isHighSurrogate(c) && i + 1 < n) ? "" + c + text.charAt(++i) : String.valueOf(c);
				for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
					this.buffer[this.position++] = b;
				}
			}
		}
	}

	private void flush() {
		try {
			this.copy.writeToCopy(this.buffer, 0, this.position);
			this.position = 0;
		}
		catch (SQLException ex) {
			throw new org.jooq.exception.DataAccessException("COPY into the staging table failed: " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * @return cell parts (values and margins) staged so far
	 */
	public long parts() {
		return this.parts;
	}

	/**
	 * Ends the COPY.
	 */
	public void finish() {
		flush();
		try {
			this.copy.endCopy();
		}
		catch (SQLException ex) {
			throw new org.jooq.exception.DataAccessException("COPY into the staging table failed: " + ex.getMessage(),
					ex);
		}
	}

	@Override
	public void close() {
		if (this.copy.isActive()) {
			try {
				this.copy.cancelCopy();
			}
			catch (SQLException ex) {
				// the transaction is rolled back anyway
			}
		}
	}

}
