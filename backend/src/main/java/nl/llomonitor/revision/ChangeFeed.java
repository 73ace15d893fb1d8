package nl.llomonitor.revision;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import nl.llomonitor.api.Lang;
import nl.llomonitor.api.Messages;
import nl.llomonitor.cube.Status;
import nl.llomonitor.indicator.IndicatorInfo;
import nl.llomonitor.observation.PeriodCode;
import nl.llomonitor.region.RegionCatalog;
import nl.llomonitor.observation.ValueText;

/**
 * Writes the Atom feed (RFC 4287) of changes: one entry per import run, listing its
 * revisions (old → new), figures with another status or note, and new figures.
 */
final class ChangeFeed {

	/** The zone of publication dates: CBS publishes in Dutch time. */

	/** Lines listed per kind of change in one entry; the rest are counted. */
	static final int MAX_LINES = 100;

	private static final String NS = "http://www.w3.org/2005/Atom";

	private ChangeFeed() {
	}

	/**
	 * @param self the feed's own URL
	 * @param region the region
	 * @param only the one indicator of the feed, or null for all
	 * @param all every indicator, for names
	 * @param changes the changes, newest run first
	 * @param lang language of titles and text
	 * @return the feed document
	 */
	static String atom(String self, RegionCatalog.Region region, IndicatorInfo only, Map<String, IndicatorInfo> all,
			List<RevisionService.Change> changes, Lang lang) {
		Map<Long, List<RevisionService.Change>> byRun = new LinkedHashMap<>();
		changes.forEach((c) -> byRun.computeIfAbsent(c.runId(), (k) -> new ArrayList<>()).add(c));
		String scope = ":region:" + region.code() + ((only != null) ? ":indicator:" + only.code() : "");
		String subject = region.name(lang) + ((only != null) ? " – " + only.name(lang) : "");
		OffsetDateTime updated = changes.isEmpty() ? OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
				: changes.stream().map(RevisionService.Change::at).max(OffsetDateTime::compareTo).orElseThrow();
		try {
			StringWriter out = new StringWriter();
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("feed");
			xml.writeDefaultNamespace(NS);
			element(xml, "id", "urn:llo-monitor:changes" + scope);
			element(xml, "title", Messages.get(lang, "feed.title", subject));
			element(xml, "updated", time(updated));
			xml.writeStartElement("author");
			element(xml, "name", "LLO Monitor");
			xml.writeEndElement();
			xml.writeEmptyElement("link");
			xml.writeAttribute("rel", "self");
			xml.writeAttribute("href", self);
			for (List<RevisionService.Change> run : byRun.values()) {
				entry(xml, run, scope, region, all, lang);
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
			return out.toString();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Atom feed not written", ex);
		}
	}

	private static void entry(XMLStreamWriter xml, List<RevisionService.Change> run, String scope,
			RegionCatalog.Region region, Map<String, IndicatorInfo> all, Lang lang) throws XMLStreamException {
		RevisionService.Change first = run.get(0);
		List<String> revised = new ArrayList<>();
		List<String> added = new ArrayList<>();
		List<String> other = new ArrayList<>();
		Set<String> sources = new TreeSet<>();
		for (RevisionService.Change c : run) {
			String cell = cell(c, all, lang);
			IndicatorInfo info = all.get(c.indicator());
			if (c.sourceTable() != null) {
				sources.add(c.sourceTable());
			}
			if (c.revision()) {
				revised.add(cell + ": " + number(c.oldValue(), info, lang) + status(c.oldStatus(), lang) + " → "
						+ number(c.value(), info, lang) + status(c.status(), lang));
			}
			else if (c.previous()) {
				other.add(cell + ": " + number(c.value(), info, lang) + status(c.oldStatus(), lang) + " → "
						+ number(c.value(), info, lang) + status(c.status(), lang));
			}
			else {
				added.add(cell + ": " + number(c.value(), info, lang) + status(c.status(), lang));
			}
		}
		// a run without a table id of its own (the demo data, a file of several tables)
		// is
		// named by the source tables of the cells it wrote
		String table = (first.tableId() != null) ? first.tableId() : String.join(", ", sources);
		xml.writeStartElement("entry");
		element(xml, "id", "urn:llo-monitor:changes:run:" + first.runId() + scope);
		element(xml, "title",
				Messages.get(lang, first.backdated() ? "feed.entry.title.backdated" : "feed.entry.title", table,
						String.valueOf(revised.size()), String.valueOf(added.size()),
						other.isEmpty() ? ""
								: Messages.get(lang, "feed.entry.title.other", String.valueOf(other.size())),
						region.name(lang)));
		element(xml, "updated", time(first.at()));
		if (first.publishedAt() != null) {
			element(xml, "published", time(first.publishedAt()));
		}
		xml.writeStartElement("category");
		// a back-dated run adds an earlier publication as history: no figure of it became
		// current, so it is neither a release nor a revision of today's figures
		xml.writeAttribute("term", first.backdated() ? "history" : revised.isEmpty() ? "release" : "revision");
		xml.writeEndElement();
		StringBuilder text = new StringBuilder();
		text.append(Messages.get(lang, "feed.entry.run", String.valueOf(first.runId()), table));
		if (first.publishedAt() != null) {
			// the day in Dutch time, as CBS publishes: 2025-02-01 is stored
			// as its midnight in Amsterdam, 2025-01-31T23:00Z
			text.append(Messages.get(lang, "feed.entry.published",
					nl.llomonitor.cube.DutchTime.dayOf(first.publishedAt()).toString()));
		}
		text.append(".\n");
		if (first.backdated()) {
			text.append(Messages.get(lang, "feed.entry.backdated")).append('\n');
		}
		section(text, Messages.get(lang, "feed.section.revised"), revised, lang);
		section(text, Messages.get(lang, "feed.section.other"), other, lang);
		section(text, Messages.get(lang, "feed.section.new"), added, lang);
		xml.writeStartElement("content");
		xml.writeAttribute("type", "text");
		xml.writeCharacters(text.toString());
		xml.writeEndElement();
		xml.writeEndElement();
	}

	private static void section(StringBuilder text, String heading, List<String> lines, Lang lang) {
		if (lines.isEmpty()) {
			return;
		}
		text.append('\n').append(heading).append('\n');
		lines.stream().limit(MAX_LINES).forEach((line) -> text.append("- ").append(line).append('\n'));
		if (lines.size() > MAX_LINES) {
			text.append(Messages.get(lang, "feed.more", String.valueOf(lines.size() - MAX_LINES))).append('\n');
		}
	}

	private static String cell(RevisionService.Change c, Map<String, IndicatorInfo> all, Lang lang) {
		IndicatorInfo info = all.get(c.indicator());
		String name = (info != null) ? info.name(lang) + " (" + c.indicator() + ")" : c.indicator();
		return name + ", " + PeriodCode.of(c.period()).label(lang)
				+ (c.breakdown().isEmpty() ? "" : " [" + c.breakdown() + "]");
	}

	/**
	 * A value in the indicator's unit ({@code 723 duizend}, {@code 75,5 %}), with every
	 * decimal it was stored with so that a revision never rounds away.
	 */
	private static String number(BigDecimal value, IndicatorInfo info, Lang lang) {
		if (value == null) {
			return "–";
		}
		if (info == null) {
			return value.toPlainString();
		}
		int decimals = Math.max(info.decimals(), Math.max(value.stripTrailingZeros().scale(), 0));
		return ValueText.value(value.doubleValue(), info.unit(), decimals, lang);
	}

	private static String status(String status, Lang lang) {
		return (status == null || Status.DEFINITIEF.code().equals(status)) ? "" : " (" + status + ")";
	}

	private static String time(OffsetDateTime at) {
		return at.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

}
