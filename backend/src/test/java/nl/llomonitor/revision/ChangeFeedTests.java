package nl.llomonitor.revision;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import nl.llomonitor.api.Lang;
import nl.llomonitor.indicator.IndicatorInfo;
import nl.llomonitor.region.RegionCatalog;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Atom document of changes, without a database: one entry per import run, changes
 * sorted into revised, other and new, markup in names escaped, long lists cut with a
 * count.
 */
class ChangeFeedTests {

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	private static final RegionCatalog.Region REGION = new RegionCatalog.Region("PV26", "provincie", 3,
			"Utrecht <&> \"x\"", "Utrecht", true, List.of(), null, null);

	private static final IndicatorInfo INDICATOR = new IndicatorInfo("ww", "WW <b>uitkeringen</b>", "WW benefits",
			"persons", 0, "", "", null, null, "85554NED", false, false, null, null, null, Map.of(), List.of("quarter"),
			Map.of(), List.of("provincie"),
			new IndicatorInfo.Roles(null, false, List.of(), null, java.util.Set.of(), false));

	private static final OffsetDateTime FIRST = OffsetDateTime.parse("2024-01-05T10:00:00+01:00");

	private static final OffsetDateTime SECOND = OffsetDateTime.parse("2024-04-05T09:00:00Z");

	@Test
	void oneEntryPerRunWithRevisionsOtherChangesAndNewFigures() throws Exception {
		List<RevisionService.Change> changes = new ArrayList<>();
		// newest run first: one revision, one status change, one withdrawal
		changes.add(change(2, SECOND, "2023KW04", "12000", "definitief", true, "11500", "voorlopig"));
		changes.add(change(2, SECOND, "2024KW01", "9000", "definitief", true, "9000", "voorlopig"));
		changes.add(change(2, SECOND, "2023KW03", null, "definitief", true, "8000", "definitief"));
		changes.add(change(1, FIRST, "2023KW04", "11500", "voorlopig", false, null, null));
		Document feed = parse(ChangeFeed.atom("http://localhost/api/v1/feeds/changes.atom?region=PV26", REGION,
				INDICATOR, Map.of("ww", INDICATOR), changes, Lang.NL));
		Element root = feed.getDocumentElement();
		assertThat(text(root, "id")).isEqualTo("urn:llo-monitor:changes:region:PV26:indicator:ww");
		assertThat(text(root, "title")).endsWith("Utrecht <&> \"x\" – WW <b>uitkeringen</b>");
		assertThat(text(root, "updated")).isEqualTo("2024-04-05T09:00:00Z");
		List<Element> entries = children(root, "entry");
		assertThat(entries).hasSize(2);
		Element newest = entries.get(0);
		assertThat(text(newest, "id")).isEqualTo("urn:llo-monitor:changes:run:2:region:PV26:indicator:ww");
		assertThat(text(newest, "title"))
			.isEqualTo("85554NED: 2 herzien, 0 nieuw, 1 met andere status of noot voor Utrecht <&> \"x\"");
		assertThat(text(newest, "content"))
			.contains("- WW <b>uitkeringen</b> (ww), 2023 4e kwartaal: 11.500 personen (voorlopig) → 12.000 personen")
			.contains("2023 3e kwartaal: 8.000 personen → –")
			.contains(
					"Andere status of noot:\n- WW <b>uitkeringen</b> (ww), 2024 1e kwartaal: 9.000 personen (voorlopig)"
							+ " → 9.000 personen");
		assertThat(children(newest, "category").get(0).getAttribute("term")).isEqualTo("revision");
		Element first = entries.get(1);
		assertThat(text(first, "updated")).isEqualTo("2024-01-05T09:00:00Z");
		assertThat(text(first, "title")).startsWith("85554NED: 0 herzien, 1 nieuw");
		assertThat(children(first, "category").get(0).getAttribute("term")).isEqualTo("release");
	}

	@Test
	void longListsAreCutWithACount() throws Exception {
		List<RevisionService.Change> changes = new ArrayList<>();
		for (int i = 0; i < ChangeFeed.MAX_LINES + 5; i++) {
			changes.add(change(3, SECOND, (2000 + i) + "JJ00", String.valueOf(i), "definitief", false, null, null));
		}
		Document feed = parse(
				ChangeFeed.atom("http://localhost/x", REGION, null, Map.of("ww", INDICATOR), changes, Lang.EN));
		String content = text(children(feed.getDocumentElement(), "entry").get(0), "content");
		assertThat(content.lines().filter((l) -> l.startsWith("- "))).hasSize(ChangeFeed.MAX_LINES);
		assertThat(content).contains("… and 5 more");
	}

	@Test
	void anEntryInEnglishWithItsPublicationDate() throws Exception {
		OffsetDateTime published = OffsetDateTime.parse("2024-04-02T08:00:00Z");
		List<RevisionService.Change> changes = List.of(
				new RevisionService.Change(4, "85554NED", "85554NED", SECOND, published, "ww", "2024MM03", "",
						new BigDecimal("12000"), "definitief", true, new BigDecimal("11500"), "voorlopig"),
				new RevisionService.Change(4, "85554NED", "85554NED", SECOND, published, "ww", "2024KW01", "",
						new BigDecimal("9000"), "voorlopig", false, null, null));
		Element root = parse(
				ChangeFeed.atom("http://localhost/x", REGION, INDICATOR, Map.of("ww", INDICATOR), changes, Lang.EN))
			.getDocumentElement();
		assertThat(text(root, "title")).isEqualTo("LLO Monitor: new and revised figures, Utrecht – WW benefits");
		Element entry = children(root, "entry").get(0);
		assertThat(text(entry, "title")).isEqualTo("85554NED: 1 revised, 1 new for Utrecht");
		assertThat(text(entry, "content")).isEqualTo("""
				Import run 4, table 85554NED, published 2024-04-02.

				Revised (old → new):
				- WW benefits (ww), March 2024: 11,500 persons (voorlopig) → 12,000 persons

				New:
				- WW benefits (ww), 2024 Q1: 9,000 persons (voorlopig)
				""");
	}

	/**
	 * A back-dated run (an older download imported with its publication date) adds
	 * history: its entry says so in its title, text and category, instead of announcing
	 * its figures as new releases (none of them became current).
	 */
	@Test
	void aBackdatedRunIsAnnouncedAsHistoryNotAsNewFigures() throws Exception {
		OffsetDateTime published = OffsetDateTime.parse("2020-08-13T22:00:00Z");
		List<RevisionService.Change> changes = List.of(new RevisionService.Change(5, "85554NED", "85554NED", SECOND,
				published, "ww", "2020KW02", "", new BigDecimal("9000"), "definitief", false, null, null, true));
		Element entry = children(parse(
				ChangeFeed.atom("http://localhost/x", REGION, INDICATOR, Map.of("ww", INDICATOR), changes, Lang.EN))
			.getDocumentElement(), "entry").get(0);
		assertThat(text(entry, "title"))
			.isEqualTo("85554NED, earlier publication added as history: 0 revised, 1 new for Utrecht");
		assertThat(text(entry, "content")).contains("published 2020-08-14")
			.contains("adds an earlier publication as history (back-dated): the current figures do not change");
		assertThat(children(entry, "category").get(0).getAttribute("term")).isEqualTo("history");
		Element dutch = children(parse(
				ChangeFeed.atom("http://localhost/x", REGION, INDICATOR, Map.of("ww", INDICATOR), changes, Lang.NL))
			.getDocumentElement(), "entry").get(0);
		assertThat(text(dutch, "title")).startsWith("85554NED, eerdere publicatie toegevoegd als geschiedenis:");
	}

	/**
	 * A publication date given as a day is stored as its midnight in Amsterdam (the day
	 * before, in UTC): the feed names the day given, not the day before.
	 */
	@Test
	void thePublicationDayIsTheDutchDay() throws Exception {
		OffsetDateTime published = OffsetDateTime.parse("2025-01-31T23:00:00Z");
		List<RevisionService.Change> changes = List.of(new RevisionService.Change(4, "85554NED", "85554NED", SECOND,
				published, "ww", "2024KW01", "", new BigDecimal("9000"), "voorlopig", false, null, null));
		Element entry = children(parse(
				ChangeFeed.atom("http://localhost/x", REGION, INDICATOR, Map.of("ww", INDICATOR), changes, Lang.NL))
			.getDocumentElement(), "entry").get(0);
		assertThat(text(entry, "content")).contains("gepubliceerd 2025-02-01").doesNotContain("2025-01-31");
	}

	@Test
	void aRunWithoutTableIdIsNamedByItsCellsSourceTablesAndValuesCarryTheirUnit() throws Exception {
		IndicatorInfo labourForce = new IndicatorInfo("beroepsbevolking", "Beroepsbevolking", "Labour force", "x1000",
				0, "", "", null, null, "60039fvw", false, false, null, null, null, Map.of(), List.of("year"), Map.of(),
				List.of("provincie"), new IndicatorInfo.Roles(null, false, List.of(), null, java.util.Set.of(), false));
		IndicatorInfo share = new IndicatorInfo("aandeel", "Aandeel", "Share", "percent", 1, "", "", null, null,
				"85268NED", false, false, null, null, null, Map.of(), List.of("year"), Map.of(), List.of("provincie"),
				new IndicatorInfo.Roles(null, false, List.of(), null, java.util.Set.of(), false));
		List<RevisionService.Change> changes = List.of(
				new RevisionService.Change(1, null, "60039fvw", FIRST, null, "beroepsbevolking", "2013JJ00", "",
						new BigDecimal("723"), "definitief", false, null, null),
				new RevisionService.Change(1, null, "85268NED", FIRST, null, "aandeel", "2013JJ00", "",
						new BigDecimal("75.25"), "definitief", false, null, null));
		Element entry = children(parse(ChangeFeed.atom("http://localhost/x", REGION, null,
				Map.of("beroepsbevolking", labourForce, "aandeel", share), changes, Lang.NL))
			.getDocumentElement(), "entry").get(0);
		assertThat(text(entry, "title")).isEqualTo("60039fvw, 85268NED: 0 herzien, 2 nieuw voor Utrecht <&> \"x\"")
			.doesNotContain("?");
		assertThat(text(entry, "content")).startsWith("Import 1, tabel 60039fvw, 85268NED.\n")
			.contains("- Beroepsbevolking (beroepsbevolking), 2013: 723 duizend\n")
			.contains("- Aandeel (aandeel), 2013: 75,25 %\n");
	}

	@Test
	void anEmptyFeedIsStillValid() throws Exception {
		Element root = parse(ChangeFeed.atom("http://localhost/x", REGION, null, Map.of(), List.of(), Lang.EN))
			.getDocumentElement();
		assertThat(children(root, "entry")).isEmpty();
		assertThat(text(root, "updated")).isEqualTo("1970-01-01T00:00:00Z");
		assertThat(children(root, "author")).hasSize(1);
	}

	private static RevisionService.Change change(long run, OffsetDateTime at, String period, String value,
			String status, boolean previous, String oldValue, String oldStatus) {
		return new RevisionService.Change(run, "85554NED", "85554NED", at, null, "ww", period, "",
				(value != null) ? new BigDecimal(value) : null, status, previous,
				(oldValue != null) ? new BigDecimal(oldValue) : null, oldStatus);
	}

	private static Document parse(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> result = new ArrayList<>();
		NodeList nodes = parent.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			if (nodes.item(i) instanceof Element e && ATOM.equals(e.getNamespaceURI())
					&& name.equals(e.getLocalName())) {
				result.add(e);
			}
		}
		return result;
	}

	private static String text(Element parent, String name) {
		return children(parent, name).get(0).getTextContent();
	}

}
