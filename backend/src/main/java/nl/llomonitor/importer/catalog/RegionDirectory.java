package nl.llomonitor.importer.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.llomonitor.cube.Period;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import org.springframework.core.io.ClassPathResource;

import static nl.llomonitor.db.Tables.REGION;
import static nl.llomonitor.db.Tables.REGION_ALIAS;
import static nl.llomonitor.db.Tables.REGION_NAME;
import static nl.llomonitor.db.Tables.REGION_PARENT;

/**
 * A region list: codes, levels, names, parents and aliases, and the resolution of the
 * labels CBS writes ({@code Utrecht (PV)}, {@code Nederland}) and NUTS codes to CBS
 * codes. Imports read it from the store ({@link #fromStore}); the project's built-in list
 * ({@code data/regions/regions.csv}, generated from CBS "Gebieden in Nederland" and
 * checked against it by a test) only seeds an empty store.
 */
public final class RegionDirectory {

	static final String RESOURCE = "data/regions/regions.csv";

	static final String[] HEADER = { "code", "level", "name_nl", "name_en", "parents", "aliases" };

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setDelimiter(';')
		.setHeader(HEADER)
		.setSkipHeaderRecord(true)
		.setRecordSeparator('\n')
		.get();

	private final Map<String, RegionEntry> byCode = new LinkedHashMap<>();

	/** Every region that has had the alias, in the order of the entries. */
	private final Map<String, List<String>> byAlias = new HashMap<>();

	/** First day and day after the last of each region the store dates; null: open. */
	private final Map<String, LocalDate[]> validity;

	/**
	 * The Dutch names of each edition: region code → spans of {name, first day, day after
	 * the last (null: open)}.
	 */
	private final Map<String, List<NameSpan>> names;

	/** The regions that have had each Dutch name in some edition. */
	private final Map<String, List<String>> byName = new HashMap<>();

	/**
	 * A region's Dutch name in a span of editions.
	 *
	 * @param name the name
	 * @param from first day
	 * @param to the day after the last, or null while it holds
	 */
	private record NameSpan(String name, LocalDate from, LocalDate to) {

	}

	RegionDirectory(Collection<RegionEntry> entries) {
		this(entries, Map.of(), Map.of());
	}

	private RegionDirectory(Collection<RegionEntry> entries, Map<String, LocalDate[]> validity,
			Map<String, List<NameSpan>> names) {
		this.validity = validity;
		this.names = names;
		names.forEach((code, spans) -> spans.forEach((span) -> {
			List<String> codes = this.byName.computeIfAbsent(span.name(), (n) -> new ArrayList<>(1));
			if (!codes.contains(code)) {
				codes.add(code);
			}
		}));
		for (RegionEntry entry : entries) {
			this.byCode.put(entry.code(), entry);
		}
		for (RegionEntry entry : entries) {
			for (RegionEntry.Alias alias : entry.aliases()) {
				List<String> codes = this.byAlias.computeIfAbsent(alias.scheme() + ":" + alias.alias(),
						(a) -> new ArrayList<>(1));
				if (!codes.contains(entry.code())) {
					codes.add(entry.code());
				}
			}
		}
	}

	public static RegionDirectory load() {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			return new RegionDirectory(read(new InputStreamReader(in, StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
	}

	/**
	 * The regions the store holds now, with every alias they ever had (an older file
	 * still writes an earlier name) and their direct parents valid on {@code date}. Data
	 * imports resolve labels and codes against this, so an imported edition is usable at
	 * once, without a rebuild or restart.
	 * @param tx the transaction of the import (after its lock, so it sees every committed
	 * edition)
	 * @param date the date whose links are given as parents
	 * @return the directory
	 */
	public static RegionDirectory fromStore(org.jooq.DSLContext tx, java.time.LocalDate date) {
		Map<String, List<RegionEntry.Alias>> aliases = new HashMap<>();
		tx.select(REGION_ALIAS.REGION_CODE, REGION_ALIAS.SCHEME, REGION_ALIAS.ALIAS)
			.from(REGION_ALIAS)
			.orderBy(REGION_ALIAS.VALID_FROM.desc(), REGION_ALIAS.SCHEME, REGION_ALIAS.ALIAS)
			.forEach((r) -> aliases.computeIfAbsent(r.value1(), (c) -> new ArrayList<>())
				.add(new RegionEntry.Alias(r.value2(), r.value3())));
		Map<String, List<String>> parents = new HashMap<>();
		tx.select(REGION_PARENT.CHILD_CODE, REGION_PARENT.PARENT_CODE)
			.from(REGION_PARENT)
			.where(REGION_PARENT.VALID_FROM.le(date),
					REGION_PARENT.VALID_TO.isNull().or(REGION_PARENT.VALID_TO.gt(date)))
			.orderBy(REGION_PARENT.CHILD_CODE, REGION_PARENT.PARENT_CODE)
			.forEach((r) -> parents.computeIfAbsent(r.value1(), (c) -> new ArrayList<>()).add(r.value2()));
		Map<String, List<NameSpan>> names = new HashMap<>();
		tx.select(REGION_NAME.REGION_CODE, REGION_NAME.NAME_NL, REGION_NAME.VALID_FROM, REGION_NAME.VALID_TO)
			.from(REGION_NAME)
			.orderBy(REGION_NAME.REGION_CODE, REGION_NAME.VALID_FROM)
			.forEach((r) -> names.computeIfAbsent(r.value1(), (c) -> new ArrayList<>())
				.add(new NameSpan(r.value2(), r.value3(), r.value4())));
		List<RegionEntry> entries = new ArrayList<>();
		Map<String, LocalDate[]> validity = new HashMap<>();
		tx.select(REGION.CODE, REGION.LEVEL, REGION.NAME_NL, REGION.NAME_EN, REGION.VALID_FROM, REGION.VALID_TO)
			.from(REGION)
			.orderBy(REGION.CODE)
			.forEach((r) -> {
				entries.add(new RegionEntry(r.value1(), r.value2(), r.value3(), r.value4(),
						parents.getOrDefault(r.value1(), List.of()), aliases.getOrDefault(r.value1(), List.of())));
				validity.put(r.value1(), new LocalDate[] { r.value5(), r.value6() });
			});
		return new RegionDirectory(entries, validity, names);
	}

	static List<RegionEntry> read(Reader reader) throws IOException {
		List<RegionEntry> entries = new ArrayList<>();
		for (CSVRecord record : FORMAT.parse(reader)) {
			List<RegionEntry.Alias> aliases = new ArrayList<>();
			for (String alias : split(record.get("aliases"))) {
				int eq = alias.indexOf('=');
				aliases.add(new RegionEntry.Alias(alias.substring(0, eq), alias.substring(eq + 1)));
			}
			entries.add(new RegionEntry(record.get("code"), record.get("level"), record.get("name_nl"),
					record.get("name_en"), split(record.get("parents")), aliases));
		}
		return entries;
	}

	static void write(Collection<RegionEntry> entries, Writer writer) throws IOException {
		try (CSVPrinter printer = FORMAT.builder().setSkipHeaderRecord(false).get().print(writer)) {
			for (RegionEntry entry : entries) {
				printer.printRecord(entry.code(), entry.level(), entry.nameNl(), entry.nameEn(),
						String.join("|", entry.parents()),
						String.join("|", entry.aliases().stream().map(RegionEntry.Alias::toString).toList()));
			}
		}
	}

	private static List<String> split(String value) {
		return value.isEmpty() ? List.of() : Arrays.asList(value.split("\\|"));
	}

	public Collection<RegionEntry> entries() {
		return this.byCode.values();
	}

	RegionEntry get(String code) {
		return this.byCode.get(code);
	}

	/**
	 * @param code a CBS code, possibly padded ({@code PV26  })
	 * @return the trimmed code if it is known, else null
	 */
	public String byCode(String code) {
		String trimmed = code.strip();
		return this.byCode.containsKey(trimmed) ? trimmed : null;
	}

	/**
	 * Resolves a CBS label ({@code Utrecht (PV)}, {@code Nederland}, {@code Amsterdam}),
	 * a code or a unique name.
	 * @param label the label
	 * @return the code, or null when unknown
	 */
	public String resolveLabel(String label) {
		return resolveLabel(label, null);
	}

	/**
	 * Resolves a CBS label ({@code Utrecht (PV)}, {@code Nederland}, {@code Amsterdam}),
	 * a code or a unique name, given for a period. A label that several regions have had
	 * (a new gemeente that takes the name of one that ended, say) resolves to the region
	 * that existed in the period: the one that existed last in it when several did; when
	 * none did, the one of its level with that label or name nearest in time (the caller
	 * can tell by {@link #existed}).
	 * @param label the label
	 * @param period the period the label is given for, or null for today
	 * @return the code, or null when unknown
	 */
	public String resolveLabel(String label, Period period) {
		String text = label.strip();
		String code = pick(this.byAlias.get("cbs-label:" + text), period);
		if (code != null && !existed(code, period)) {
			// the region with that label did not exist then: of the regions of its level
			// that have had the label or the name (an edition labels only its own
			// regions), the one of the period, else the nearest to it
			code = pick(sharing(text, level(code)), period);
		}
		if (code == null) {
			code = byCode(text);
		}
		if (code == null) {
			code = pick(this.byAlias.get("name:" + text), period);
		}
		if (code != null && period != null && existed(code, period) && !namedIn(code, text, period)) {
			// the label's region had another name then, and a region of its level that
			// existed then had this one (a gemeente renamed after another's former
			// name): the label is the one that had it
			List<String> holders = new ArrayList<>();
			for (String c : this.byName.getOrDefault(text, List.of())) {
				if (!c.equals(code) && java.util.Objects.equals(level(c), level(code)) && existed(c, period)
						&& namedIn(c, text, period)) {
					holders.add(c);
				}
			}
			String holder = pick(holders, period);
			if (holder != null) {
				code = holder;
			}
		}
		return code;
	}

	/**
	 * @return whether the region had the name at some day of the period, by the names of
	 * its editions (true when the store dates no name for it, and for a label that is
	 * none of its names, such as {@code Utrecht (PV)})
	 */
	private boolean namedIn(String code, String name, Period period) {
		List<NameSpan> spans = this.names.getOrDefault(code, List.of());
		if (spans.stream().noneMatch((s) -> s.name().equals(name))) {
			return !this.byName.containsKey(name) || spans.isEmpty();
		}
		return spans.stream()
			.anyMatch((s) -> s.name().equals(name) && overlaps(s.from(), s.to(), period.start(), period.end()));
	}

	/**
	 * @param label a CBS label or name
	 * @return whether several regions have had it (a name a new gemeente took over)
	 */
	public boolean shared(String label) {
		String text = label.strip();
		String code = pick(this.byAlias.get("cbs-label:" + text), null);
		if (code == null) {
			code = pick(this.byAlias.get("name:" + text), null);
		}
		return code != null && sharing(text, level(code)).size() > 1;
	}

	/**
	 * @return the regions of a level that have had a label or name (by alias, or by the
	 * names of the editions: a gemeente whose name a region of another level shares has
	 * no bare-name alias), labels first
	 */
	private List<String> sharing(String text, String level) {
		List<String> codes = new ArrayList<>();
		for (String scheme : List.of("cbs-label:", "name:")) {
			for (String c : this.byAlias.getOrDefault(scheme + text, List.of())) {
				if (!codes.contains(c) && java.util.Objects.equals(level, level(c))) {
					codes.add(c);
				}
			}
		}
		for (String c : this.byName.getOrDefault(text, List.of())) {
			if (!codes.contains(c) && java.util.Objects.equals(level, level(c))) {
				codes.add(c);
			}
		}
		return codes;
	}

	/**
	 * @param code a region code
	 * @param period a period, or null for today
	 * @return whether the store has the region at some day of the period (a region it
	 * does not date counts as always there)
	 */
	public boolean existed(String code, Period period) {
		LocalDate first = (period != null) ? period.start() : LocalDate.now();
		LocalDate last = (period != null) ? period.end() : first;
		LocalDate[] valid = validity(code);
		return overlaps(valid[0], valid[1], first, last);
	}

	/**
	 * @param from a span's first day, or null when open
	 * @param to the day after its last, or null when open
	 * @return whether the span has a day from {@code first} to {@code last}
	 */
	private static boolean overlaps(LocalDate from, LocalDate to, LocalDate first, LocalDate last) {
		return (from == null || !from.isAfter(last)) && (to == null || to.isAfter(first));
	}

	/**
	 * @return the region's first day and the day after its last, each null when open
	 */
	private LocalDate[] validity(String code) {
		return this.validity.getOrDefault(code, new LocalDate[2]);
	}

	/**
	 * @param codes the regions that have had a label, or null
	 * @param period the period it is given for, or null for today
	 * @return the one meant, or null when there are none
	 */
	private String pick(List<String> codes, Period period) {
		if (codes == null || codes.isEmpty()) {
			return null;
		}
		if (codes.size() == 1) {
			return codes.get(0);
		}
		LocalDate first = (period != null) ? period.start() : LocalDate.now();
		LocalDate last = (period != null) ? period.end() : first;
		String best = null;
		LocalDate bestLast = null;
		LocalDate bestFrom = null;
		for (String code : codes) {
			if (!existed(code, period)) {
				continue;
			}
			LocalDate[] valid = validity(code);
			LocalDate from = (valid[0] != null) ? valid[0] : LocalDate.MIN;
			LocalDate lastDay = (valid[1] != null) ? valid[1].minusDays(1) : LocalDate.MAX;
			LocalDate lastInPeriod = lastDay.isBefore(last) ? lastDay : last;
			if (best == null || lastInPeriod.isAfter(bestLast)
					|| (lastInPeriod.equals(bestLast) && from.isAfter(bestFrom))) {
				best = code;
				bestLast = lastInPeriod;
				bestFrom = from;
			}
		}
		if (best != null) {
			return best;
		}
		// none existed in the period: the one that existed nearest to it (the gemeente
		// that ended just before rather than one that begins years after); the caller
		// says so (existed)
		long bestDistance = Long.MAX_VALUE;
		for (String code : codes) {
			LocalDate[] valid = validity(code);
			long distance = (valid[0] != null && valid[0].isAfter(last))
					? java.time.temporal.ChronoUnit.DAYS.between(last, valid[0])
					: (valid[1] != null) ? java.time.temporal.ChronoUnit.DAYS.between(valid[1], first) + 1 : 0;
			if (best == null || distance < bestDistance) {
				best = code;
				bestDistance = distance;
			}
		}
		return best;
	}

	/**
	 * @param nuts a NUTS 2016 code (NL, NL3, NL31)
	 * @return the CBS code, or null
	 */
	public String resolveNuts(String nuts) {
		List<String> codes = this.byAlias.get("nuts2016:" + nuts.strip());
		return (codes != null) ? codes.get(0) : null;
	}

	public String level(String code) {
		RegionEntry entry = this.byCode.get(code);
		return (entry != null) ? entry.level() : null;
	}

}
