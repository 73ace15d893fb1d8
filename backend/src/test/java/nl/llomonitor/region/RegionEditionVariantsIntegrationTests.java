package nl.llomonitor.region;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import nl.llomonitor.SharedData;
import nl.llomonitor.importer.ImportReport;
import nl.llomonitor.importer.ImportService;
import nl.llomonitor.system.DataChangeListener;
import nl.llomonitor.system.DatabaseConfiguration;
import nl.llomonitor.system.DatabaseEndpoint;
import nl.llomonitor.system.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.web.reactive.server.WebTestClient;

import static nl.llomonitor.db.Tables.OBSERVATION_CURRENT;
import static nl.llomonitor.db.Tables.REGION_PARENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Variants of the region edition kinds (cases 10, 16 and A5 of 2026-11-30): the direct
 * members of every provincie, arbeidsmarktregio and COROP area; an edition in which a
 * gemeente moves to another provincie, one is renamed and an arbeidsmarktregio is
 * renumbered, with data for the renamed and renumbered regions right after it; and an
 * older edition imported after a later one, which states its own span only. Runs on a
 * database of its own; the steps build on each other.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@Import(RegionEditionVariantsIntegrationTests.OwnDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegionEditionVariantsIntegrationTests {

	private static final Path GEBIEDEN = SharedData.file("cbs/85755NED.csv");

	// columns of 85755NED: RegioS, Code_1, Naam_2, SorteringNaam_3, Code_4/Naam_5 (AM),
	// Code_10/Naam_11 (COROP), Code_26/Naam_27 (landsdeel), Code_28/Naam_29 (provincie)
	private static final int LABEL = 1, CODE = 2, NAME = 3, SORT = 4, AM = 5, CR = 11, LD = 27, LD_NAME = 28, PV = 29,
			PV_NAME = 30;

	@Autowired
	private WebTestClient client;

	@Autowired
	private ImportService importer;

	@Autowired
	@Qualifier(DatabaseConfiguration.JDBC_DSL)
	private DSLContext jdbc;

	@Autowired
	private DataChangeListener versions;

	@TempDir
	static Path temp;

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnDatabase {

		private static final Supplier<DatabaseEndpoint> DATABASE = TestDatabase.ownDatabase("llo_region_variants");

		@Bean
		DynamicPropertyRegistrar ownDatabaseProperties() {
			return TestDatabase.properties(DATABASE);
		}

	}

	static Stream<Arguments> parents() throws IOException {
		List<Arguments> all = new ArrayList<>();
		for (int column : new int[] { PV, AM, CR, LD }) {
			Set<String> seen = new TreeSet<>();
			for (String[] row : rows(GEBIEDEN)) {
				seen.add(row[column].strip());
			}
			for (String parent : seen) {
				all.add(Arguments.of(parent, column));
			}
		}
		return all.stream();
	}

	/** Case A5 for every region a gemeente lies in directly. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("parents")
	@Order(1)
	void everyParentListsExactlyItsOwnGemeenten(String parent, int column) throws IOException {
		assertThat(codes("/api/v1/regions?level=gemeente&parent=" + parent))
			.isEqualTo(members(GEBIEDEN, parent, column));
	}

	/**
	 * A COROP area and a provincie lie wholly in one provincie and one landsdeel: they
	 * are listed under it; an arbeidsmarktregio crosses province borders and is listed
	 * under none.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("provinces")
	@Order(1)
	void coropAreasAndProvincesAreListedUnderTheRegionTheyLieIn(String province) throws IOException {
		Set<String> corop = new TreeSet<>();
		String landsdeel = null;
		for (String[] row : rows(GEBIEDEN)) {
			if (row[PV].strip().equals(province)) {
				corop.add(row[CR].strip());
				landsdeel = row[LD].strip();
			}
		}
		assertThat(codes("/api/v1/regions?level=corop&parent=" + province)).isEqualTo(corop);
		assertThat(codes("/api/v1/regions?level=provincie&parent=" + landsdeel)).contains(province);
		assertThat(codes("/api/v1/regions?level=arbeidsmarktregio&parent=" + province)).isEmpty();
	}

	static Stream<String> provinces() throws IOException {
		return rows(GEBIEDEN).stream().map((row) -> row[PV].strip()).distinct().sorted();
	}

	/**
	 * The edition of 2025-01-01: Ede moves to Utrecht, Nuenen, Gerwen en Nederwetten is
	 * renamed Nuenen, and Midden-Utrecht is renumbered AM13 → AM41.
	 */
	@Test
	@Order(2)
	void anEditionMovesRenamesAndRenumbers() throws IOException {
		Path edition = edition("85755NED-2025.csv", (row) -> {
			if (row[CODE].startsWith("GM0228")) {
				row[LD] = pad("LD03", 10);
				row[LD_NAME] = pad("West-Nederland", 50);
				row[PV] = pad("PV26", 10);
				row[PV_NAME] = pad("Utrecht", 50);
			}
			if (row[CODE].startsWith("GM0820")) {
				row[LABEL] = "Nuenen";
				row[NAME] = pad("Nuenen", 50);
				row[SORT] = pad("Nuenen", 50);
			}
			if (row[AM].startsWith("AM13")) {
				row[AM] = pad("AM41", 10);
			}
			return row;
		});
		Set<String> utrecht = codes("/api/v1/regions?level=gemeente&parent=PV26");
		Set<String> middenUtrecht = codes("/api/v1/regions?level=gemeente&parent=AM13");
		assertThat(middenUtrecht).isEqualTo(members(GEBIEDEN, "AM13", AM));
		ImportReport report = importEdition(edition, "2025-01-01");
		assertThat(report.status()).isEqualTo("succeeded");

		assertThat(codes("/api/v1/regions?level=gemeente&parent=PV26")).contains("GM0228").hasSize(utrecht.size() + 1);
		assertThat(codes("/api/v1/regions?level=gemeente&parent=PV25")).doesNotContain("GM0228");
		assertThat(codes("/api/v1/regions?level=gemeente&parent=PV25&date=2024-12-31")).contains("GM0228");
		assertThat(parentsOf("GM0228", null)).contains("PV26", "LD03").doesNotContain("PV25", "LD02");
		assertThat(codes("/api/v1/regions?level=gemeente&parent=AM41")).isEqualTo(middenUtrecht);
		assertThat(codes("/api/v1/regions?level=gemeente&parent=AM13")).isEmpty();
		assertThat(codes("/api/v1/regions?level=gemeente&parent=AM13&date=2024-12-31")).isEqualTo(middenUtrecht);
		assertThat(codes("/api/v1/regions?level=arbeidsmarktregio")).contains("AM41").doesNotContain("AM13");
		assertThat(codes("/api/v1/regions?level=arbeidsmarktregio&date=2024-12-31")).contains("AM13")
			.doesNotContain("AM41");
		assertThat(name("GM0820")).isEqualTo("Nuenen");
		// the name of each edition answers for its dates, and the region lists them all
		assertThat(region("GM0820", "2024-12-31").get("name")).isEqualTo("Nuenen, Gerwen en Nederwetten");
		assertThat(nameOnList("GM0820", "2024-12-31")).isEqualTo("Nuenen, Gerwen en Nederwetten");
		assertThat(nameOnList("GM0820", null)).isEqualTo("Nuenen");
		assertThat(names("GM0820")).containsExactly("Nuenen, Gerwen en Nederwetten [–2025-01-01)",
				"Nuenen [2025-01-01–)");
		assertThat(names("GM0344")).as("a gemeente never renamed has one name").containsExactly("Utrecht [–)");

		// data right after the edition: the new name, the old name and the renumbered
		// region's label resolve at once
		ImportReport data = this.importer
			.importFile(data("86088NED.csv", List.of("Nuenen", "Nuenen, Gerwen en Nederwetten", "Midden-Utrecht (AM)"),
					List.of("2024", "2023", "2024")), null, "86088NED");
		assertThat(data.status()).isEqualTo("succeeded");
		awaitVersion(data.dataVersion());
		assertThat(this.jdbc.fetchCount(nl.llomonitor.db.Tables.OBSERVATION_CURRENT,
				nl.llomonitor.db.Tables.OBSERVATION_CURRENT.REGION_CODE.in("GM0820", "AM41")
					.and(nl.llomonitor.db.Tables.OBSERVATION_CURRENT.PERIOD_CODE.in("2023JJ00", "2024JJ00"))
					.and(nl.llomonitor.db.Tables.OBSERVATION_CURRENT.INDICATOR_CODE.eq("netto_arbeidsparticipatie"))))
			.as("Nuenen 2024 and 2023 (its former name), AM41 2024")
			.isEqualTo(3);

		// an older file still names a gemeente this complete edition ended: it resolves
		var ended = this.jdbc.select(nl.llomonitor.db.Tables.REGION.CODE, nl.llomonitor.db.Tables.REGION.NAME_NL)
			.from(nl.llomonitor.db.Tables.REGION)
			.where(nl.llomonitor.db.Tables.REGION.LEVEL.eq("gemeente"),
					nl.llomonitor.db.Tables.REGION.VALID_TO.eq(LocalDate.of(2025, 1, 1)))
			.orderBy(nl.llomonitor.db.Tables.REGION.CODE)
			.limit(1)
			.fetchOne();
		assertThat(ended).as("the built-in list has gemeenten the 2024 list no longer has").isNotNull();
		ImportReport old = this.importer.importFile(data("86088NED.csv", List.of(ended.value2()), List.of("2016")),
				null, "86088NED");
		assertThat(old.status()).isEqualTo("succeeded");
		assertThat(
				this.jdbc
					.fetchCount(nl.llomonitor.db.Tables.OBSERVATION_CURRENT,
							nl.llomonitor.db.Tables.OBSERVATION_CURRENT.REGION_CODE.eq(ended.value1())
								.and(nl.llomonitor.db.Tables.OBSERVATION_CURRENT.PERIOD_CODE.eq("2016JJ00"))))
			.isPositive();
	}

	/**
	 * An older edition (2024-06-01) imported after the one of 2025: Waalwijk lies in AM27
	 * from 2024-06-01 until the 2025 edition puts it back in AM26, and a gemeente that
	 * only the older edition lists exists in its span only; today's answers do not move.
	 */
	@Test
	@Order(3)
	void anOlderEditionImportedLaterStatesItsOwnSpanOnly() throws IOException {
		Set<String> today = codes("/api/v1/regions?level=gemeente");
		Set<String> am41 = codes("/api/v1/regions?level=gemeente&parent=AM41");
		long linksOfWaalwijk = this.jdbc.fetchCount(REGION_PARENT, REGION_PARENT.CHILD_CODE.eq("GM0867"));
		List<String[]> extra = new ArrayList<>();
		Path edition = edition("85755NED-2024-06.csv", (row) -> {
			if (row[CODE].startsWith("GM0820")) {
				// a name of the older edition's span only
				row[LABEL] = "Nuenen c.a.";
				row[NAME] = pad("Nuenen c.a.", 50);
			}
			if (row[CODE].startsWith("GM0867")) {
				row[AM] = pad("AM27", 10);
				String[] copy = row.clone();
				copy[0] = "999";
				copy[LABEL] = "Oud-Waalwijk";
				copy[CODE] = pad("GM1998", 10);
				copy[NAME] = pad("Oud-Waalwijk", 50);
				copy[SORT] = pad("Oud-Waalwijk", 50);
				extra.add(copy);
			}
			return row;
		}, extra);
		ImportReport report = importEdition(edition, "2024-06-01");
		assertThat(report.status()).isEqualTo("succeeded");

		assertThat(parentsOf("GM0867", "2024-01-01")).contains("AM26").doesNotContain("AM27");
		assertThat(parentsOf("GM0867", "2024-07-01")).contains("AM27").doesNotContain("AM26");
		assertThat(parentsOf("GM0867", null)).contains("AM26").doesNotContain("AM27");
		assertThat(this.jdbc.fetchCount(REGION_PARENT, REGION_PARENT.CHILD_CODE.eq("GM0867")))
			.as("AM26 split around the older edition's span, AM27 added for it")
			.isEqualTo(linksOfWaalwijk + 2);
		assertThat(codes("/api/v1/regions?level=gemeente&date=2024-07-01")).contains("GM1998");
		assertThat(codes("/api/v1/regions?level=gemeente")).isEqualTo(today);
		assertThat(codes("/api/v1/regions?level=gemeente&parent=AM41")).isEqualTo(am41);
		// the 2024 edition has Ede in Gelderland and Midden-Utrecht as AM13, in its span
		assertThat(parentsOf("GM0228", "2024-07-01")).contains("PV25").doesNotContain("PV26");
		assertThat(codes("/api/v1/regions?level=gemeente&parent=AM13&date=2024-07-01"))
			.isEqualTo(members(GEBIEDEN, "AM13", AM));
		// names stay those of the newest edition
		assertThat(name("GM0820")).isEqualTo("Nuenen");
		// its names hold for its span only
		assertThat(names("GM0820")).containsExactly("Nuenen, Gerwen en Nederwetten [–2024-06-01)",
				"Nuenen c.a. [2024-06-01–2025-01-01)", "Nuenen [2025-01-01–)");
		assertThat(region("GM0820", "2024-07-01").get("name")).isEqualTo("Nuenen c.a.");
		assertThat(region("GM0820", "2024-05-31").get("name")).isEqualTo("Nuenen, Gerwen en Nederwetten");
		assertThat(region("GM1998", "2030-01-01").get("name")).as("an ended region keeps its last name")
			.isEqualTo("Oud-Waalwijk");
		assertThat(names("GM1998")).as("a name does not outlast its region")
			.containsExactly("Oud-Waalwijk [2024-06-01–2025-01-01)");
		// again: nothing changes
		long links = this.jdbc.fetchCount(REGION_PARENT);
		importEdition(edition, "2024-06-01");
		assertThat(this.jdbc.fetchCount(REGION_PARENT)).isEqualTo(links);
		assertThat(parentsOf("GM0867", "2024-07-01")).contains("AM27").doesNotContain("AM26");
	}

	/**
	 * A partial edition of 2027 (case 10: Waalwijk only), then a complete one of 2026 in
	 * which Heusden and Loon op Zand merge into a new Heusden (GM1999): the partial
	 * edition says nothing of the regions it does not list. Before, any later edition
	 * bounded the older one's span: both Heusdens stayed in AM26, the merged gemeenten
	 * were "kept" as gaps, GM1999 lost its links from 2027 on, and the figures of
	 * "Heusden" for 2026 went to the ended GM0797.
	 */
	@Test
	@Order(4)
	void aPartialLaterEditionSaysNothingOfTheRegionsItDoesNotList() throws IOException {
		assertThat(importEdition(SharedData.caseFile("10-gebieden-am-reassigned.csv"), "2027-01-01").status())
			.isEqualTo("succeeded");
		List<String[]> extra = new ArrayList<>();
		Path merged = edition("85755NED-2026-merger.csv", (row) -> {
			if (row[CODE].startsWith("GM0797")) {
				String[] copy = row.clone();
				copy[0] = "998";
				copy[CODE] = pad("GM1999", 10);
				extra.add(copy);
			}
			return (row[CODE].startsWith("GM0797") || row[CODE].startsWith("GM0809")) ? null : row;
		}, extra);
		ImportReport report = importEdition(merged, "2026-01-01");
		assertThat(report.status()).isEqualTo("succeeded");
		assertThat(report.warnings()).noneMatch((w) -> w.contains("GM0797"));
		for (String date : List.of("2026-06-01", "2027-06-01")) {
			assertThat(codes("/api/v1/regions?level=gemeente&parent=AM26&date=" + date)).as(date)
				.contains("GM1999")
				.doesNotContain("GM0797", "GM0809");
		}
		assertThat(codes("/api/v1/regions?level=gemeente&parent=AM26")).contains("GM1999")
			.doesNotContain("GM0797", "GM0809");
		assertThat(codes("/api/v1/regions?level=gemeente&parent=AM26&date=2025-06-01")).contains("GM0797", "GM0809")
			.doesNotContain("GM1999");
		assertThat(parentsOf("GM1999", "2027-06-01")).contains("PV30", "AM26");
		// Waalwijk moves to AM27 in 2027 as the partial edition says
		assertThat(parentsOf("GM0867", "2027-06-01")).contains("AM27").doesNotContain("AM26");

		ImportReport figures = this.importer.importFile(
				data("86088NED.csv", List.of("Heusden", "Heusden"), List.of("2025", "2026")), null, null, null, null,
				null);
		assertThat(figures.status()).isEqualTo("succeeded");
		awaitVersion(figures.dataVersion());
		assertThat(this.jdbc.fetchCount(OBSERVATION_CURRENT, OBSERVATION_CURRENT.REGION_CODE.eq("GM1999"),
				OBSERVATION_CURRENT.PERIOD_CODE.eq("2026JJ00")))
			.isPositive();
		assertThat(this.jdbc.fetchCount(OBSERVATION_CURRENT, OBSERVATION_CURRENT.REGION_CODE.eq("GM0797"),
				OBSERVATION_CURRENT.PERIOD_CODE.eq("2026JJ00")))
			.isZero();
		assertThat(this.jdbc.fetchCount(OBSERVATION_CURRENT, OBSERVATION_CURRENT.REGION_CODE.eq("GM0797"),
				OBSERVATION_CURRENT.PERIOD_CODE.eq("2025JJ00")))
			.isPositive();
	}

	/**
	 * Two partial files of one date (one gemeente each) together list both gemeenten: the
	 * second replaced the first's listing, so an edition dated before them imported later
	 * took the first's gemeente as not stated by them.
	 */
	@Test
	@Order(6)
	void twoPartialFilesOfOneDateListTheRegionsOfBoth() throws IOException {
		String header = Files.readAllLines(GEBIEDEN, StandardCharsets.UTF_8).get(0);
		String utrecht = Files.readAllLines(GEBIEDEN, StandardCharsets.UTF_8)
			.stream()
			.filter((l) -> l.contains(";GM0344 "))
			.findFirst()
			.orElseThrow();
		Path second = Files.writeString(temp.resolve("85755NED-2027-utrecht.csv"), header + "\n" + utrecht + "\n",
				StandardCharsets.UTF_8);
		assertThat(importEdition(second, "2027-01-01").status()).isIn("succeeded", "unchanged");
		assertThat(this.jdbc.fetch("select region_code from region_edition_region where valid_from = date '2027-01-01'")
			.getValues(0, String.class)).contains("GM0867", "GM0344");
	}

	/**
	 * An edition dated before 1900 or more than ten years ahead is refused with the date
	 * and the range, writing nothing: a typo (2205 for 2025) made it the newest edition,
	 * which every question without a date answers with.
	 */
	@Test
	@Order(5)
	void anEditionDateOutOfRangeIsRefused() {
		int editions = this.jdbc.fetchCount(DSL.table("region_edition"));
		for (String date : List.of("2205-01-01", "0001-01-01")) {
			org.assertj.core.api.Assertions
				.assertThatThrownBy(() -> importEdition(SharedData.caseFile("10-gebieden-am-reassigned.csv"), date))
				.isInstanceOf(nl.llomonitor.importer.ImportException.class)
				.hasMessageContaining("10-gebieden-am-reassigned.csv")
				.hasMessageContaining("column validFrom")
				.hasMessageContaining("'" + date + "'")
				.hasMessageContaining("edition date out of range")
				.hasMessageContaining("expected a date from 1900-01-01 to ");
		}
		assertThat(this.jdbc.fetchCount(DSL.table("region_edition"))).isEqualTo(editions);
	}

	/**
	 * An edition cut off at a line break (its first 300 gemeenten: every provincie is in
	 * them) is refused, writing nothing: taken as complete it ended the 42 gemeenten
	 * after the cut, and Utrecht lost five of its 26.
	 */
	@Test
	@Order(7)
	void anEditionCutOffAtALineBreakIsRefused() throws IOException {
		Path cut = cutAfter300Gemeenten("85755NED-cut.csv");
		int editions = this.jdbc.fetchCount(DSL.table("region_edition"));
		int links = this.jdbc.fetchCount(DSL.table("region_parent"));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> importEdition(cut, "2027-06-01"))
			.isInstanceOf(nl.llomonitor.importer.ImportException.class)
			// (about 42 of 342: an earlier step of this class may have ended or added
			// one)
			.hasMessageMatching("85755NED-cut\\.csv: the edition would end 4[0-9] of the 34[0-9] gemeenten valid on"
					+ " 2027-06-01: probably cut off \\(value '4[0-9] of 34[0-9] \\(first: GM[0-9]{4}\\)'\\).*")
			.hasMessageContaining("expected an edition that ends at most a tenth of the gemeenten")
			.hasMessageContaining("allowIncomplete=true), which applies it as a partial edition that ends no region");
		assertThat(this.jdbc.fetchCount(DSL.table("region_edition"))).isEqualTo(editions);
		assertThat(this.jdbc.fetchCount(DSL.table("region_parent"))).isEqualTo(links);
	}

	/**
	 * An edition cut off at a line break (as in the test before) is, with
	 * allowIncomplete, applied as a partial edition: it states the regions and links it
	 * lists and ends no gemeente; the run is marked incomplete saying why (kept as a key,
	 * given in the reader's language).
	 */
	@Test
	@Order(8)
	void anEditionCutOffIsWithAllowIncompleteAppliedAsAPartialEditionThatEndsNothing() throws IOException {
		ImportReport allowed = appliedAsPartial(cutAfter300Gemeenten("85755NED-cut-allowed.csv"), "2027-07-01",
				"edition-cut-off");
		assertThat(allowed.incompleteReason()).matches("the edition would end 4[0-9] of the 34[0-9] gemeenten valid on"
				+ " 2027-07-01 \\(first: GM[0-9]{4}\\): probably cut off; applied as a partial edition, which ends"
				+ " no region");
	}

	/**
	 * An edition cut off after most of its rows passes the tenth rule (it would end about
	 * 22 of 342 gemeenten), but the gemeenten it would end come after the last one it
	 * lists by name (the shared file is sorted by CBS's sort name). It is refused,
	 * writing nothing; with allowIncomplete it is applied as a partial edition that ends
	 * no gemeente, its run marked incomplete. (It would also end GM1999, the renumbered
	 * Heusden of an earlier step, which does not hide the cut.) The same rows sorted by
	 * code and cut are not caught: by code, a corrected edition rightly ends the newest
	 * gemeenten (RegionEditionsIntegrationTests).
	 */
	@Test
	@Order(9)
	void anEditionCutOffAfterMostOfItsRowsIsRefused() throws IOException {
		List<String> lines = Files.readAllLines(GEBIEDEN, StandardCharsets.UTF_8);
		Path cut = Files.write(temp.resolve("85755NED-cut-late.csv"), lines.subList(0, 321), StandardCharsets.UTF_8);
		int editions = this.jdbc.fetchCount(DSL.table("region_edition"));
		int links = this.jdbc.fetchCount(DSL.table("region_parent"));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> importEdition(cut, "2027-08-01"))
			.isInstanceOf(nl.llomonitor.importer.ImportException.class)
			.hasMessageMatching("85755NED-cut-late\\.csv: the edition would end 2[0-9] gemeenten valid on 2027-08-01,"
					+ " 2[0-9] of them after its last gemeente by name, GM[0-9]{4} "
					+ lines.get(320).split(";", -1)[NAME].strip() + ": probably cut off at the end.*")
			.hasMessageContaining("expected an edition that ends at most two gemeenten whose names come after")
			.hasMessageContaining("allowIncomplete=true");
		assertThat(this.jdbc.fetchCount(DSL.table("region_edition"))).isEqualTo(editions);
		assertThat(this.jdbc.fetchCount(DSL.table("region_parent"))).isEqualTo(links);
		assertThat(appliedAsPartial(cut, "2027-08-01", "edition-cut-off-at-the-end").incompleteReason())
			.startsWith("the edition would end 2")
			.contains("of them after the file's last gemeente by name");
	}

	/**
	 * The whole edition without two gemeenten (ended, as if merged into others): one near
	 * the start of the alphabet and one near the end, or the last two (Zwijndrecht and
	 * Zwolle), which both come after the last one it lists. Neither is taken for a cut:
	 * the two are ended.
	 */
	@Test
	@Order(10)
	void anEditionThatEndsTwoGemeentenIsNotCutOff() throws IOException {
		List<String> lines = Files.readAllLines(GEBIEDEN, StandardCharsets.UTF_8);
		endsTwo(lines, lines.get(2), lines.get(lines.size() - 3), "2027-09-01");
		endsTwo(lines, lines.get(lines.size() - 2), lines.get(lines.size() - 1), "2027-10-01");
	}

	private void endsTwo(List<String> lines, String one, String other, String date) throws IOException {
		String a = one.split(";", -1)[CODE].strip();
		String b = other.split(";", -1)[CODE].strip();
		List<String> kept = new ArrayList<>(lines);
		kept.removeAll(List.of(one, other));
		Path merged = Files.write(temp.resolve("85755NED-without-" + a + "-" + b + ".csv"), kept,
				StandardCharsets.UTF_8);
		Set<String> before = validGemeenten(date);
		assertThat(before).contains(a, b);
		ImportReport report = importEdition(merged, date);
		assertThat(report.status()).isEqualTo("succeeded");
		assertThat(report.complete()).isTrue();
		assertThat(validGemeenten(date)).doesNotContain(a, b);
	}

	/**
	 * Imports an edition with allowIncomplete and checks that it was applied as a partial
	 * edition: succeeded, marked incomplete for the reason given (a key, kept with the
	 * run), no gemeente ended (one it lists that an earlier step of this class ended
	 * exists again), its edition recorded as not complete.
	 * @return the import's report
	 */
	private ImportReport appliedAsPartial(Path file, String date, String reason) {
		Set<String> valid = validGemeenten(date);
		ImportReport allowed = this.importer.importFile(file, null, null,
				new nl.llomonitor.importer.ImportOptions(null, false, false).withValidFrom(LocalDate.parse(date))
					.allowingIncomplete(true),
				null);
		assertThat(allowed.status()).isEqualTo("succeeded");
		assertThat(allowed.complete()).isFalse();
		assertThat(validGemeenten(date)).as("no gemeente ended").containsAll(valid);
		assertThat(this.jdbc.fetchValue("select complete from region_edition where valid_from = ?::date", date))
			.isEqualTo(false);
		assertThat(this.jdbc.fetchValue(
				"select report -> 'incompleteReasons' -> 0 ->> 'key' from import_run where id = ?", allowed.id()))
			.isEqualTo(reason);
		return allowed;
	}

	/**
	 * The shared edition cut off at a line break: its header and first 300 gemeenten
	 * (every provincie is in them).
	 */
	private static Path cutAfter300Gemeenten(String name) throws IOException {
		List<String> lines = Files.readAllLines(GEBIEDEN, StandardCharsets.UTF_8);
		return Files.write(temp.resolve(name), lines.subList(0, 301), StandardCharsets.UTF_8);
	}

	private Set<String> validGemeenten(String date) {
		return new TreeSet<>(this.jdbc
			.fetch("select code from region where level = 'gemeente' and valid_from <= ?::date"
					+ " and (valid_to is null or valid_to > ?::date)", date, date)
			.getValues(0, String.class));
	}

	private ImportReport importEdition(Path file, String validFrom) {
		ImportReport report = this.importer.importFile(file, null, null, null, LocalDate.parse(validFrom), null);
		if (report.dataVersion() != null) {
			awaitVersion(report.dataVersion());
		}
		return report;
	}

	private static Path edition(String name, UnaryOperator<String[]> change) throws IOException {
		return edition(name, change, List.of());
	}

	private static Path edition(String name, UnaryOperator<String[]> change, List<String[]> extra) throws IOException {
		List<String> lines = Files.readAllLines(GEBIEDEN, StandardCharsets.UTF_8);
		List<String> out = new ArrayList<>();
		out.add(lines.get(0));
		for (String line : lines.subList(1, lines.size())) {
			// null: the row is left out
			String[] row = change.apply(line.split(";", -1));
			if (row != null) {
				out.add(String.join(";", row));
			}
		}
		extra.forEach((row) -> out.add(String.join(";", row)));
		return Files.write(temp.resolve(name), out, StandardCharsets.UTF_8);
	}

	/** Lines of the case 16 data file for the given region labels and periods. */
	private static Path data(String name, List<String> labels, List<String> periods) throws IOException {
		List<String> lines = Files.readAllLines(SharedData.caseFile("16-new-gemeente-86088NED.csv"),
				StandardCharsets.UTF_8);
		List<String> out = new ArrayList<>();
		out.add(lines.get(0));
		String row = lines.get(1);
		int id = 99100;
		for (int i = 0; i < labels.size(); i++) {
			String[] fields = row.split(";", -1);
			fields[0] = String.valueOf(id++);
			fields[2] = labels.get(i);
			fields[3] = periods.get(i);
			out.add(String.join(";", fields));
		}
		return Files.write(Files.createDirectories(temp.resolve("data-" + labels.size())).resolve(name), out,
				StandardCharsets.UTF_8);
	}

	private static String pad(String text, int width) {
		return text + " ".repeat(Math.max(0, width - text.length()));
	}

	private static List<String[]> rows(Path gebieden) throws IOException {
		List<String> lines = Files.readAllLines(gebieden, StandardCharsets.UTF_8);
		return lines.subList(1, lines.size()).stream().map((l) -> l.split(";", -1)).toList();
	}

	private static Set<String> members(Path gebieden, String parent, int column) throws IOException {
		Set<String> codes = new TreeSet<>();
		for (String[] row : rows(gebieden)) {
			if (row[column].strip().equals(parent)) {
				codes.add(row[CODE].strip());
			}
		}
		return codes;
	}

	private void awaitVersion(Long version) {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (version != null && this.versions.currentVersion() < version && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private Set<String> codes(String uri) {
		Set<String> codes = new TreeSet<>();
		regions(uri).forEach((r) -> codes.add((String) r.get("code")));
		return codes;
	}

	/** The regions a list request answers. */
	private List<Map<String, Object>> regions(String uri) {
		return this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private Map<String, Object> region(String code, String date) {
		return this.client.get()
			.uri("/api/v1/regions/" + code + ((date != null) ? "?date=" + date : ""))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private List<String> parentsOf(String code, String date) {
		return (List<String>) region(code, date).get("parents");
	}

	/** The name a region has in the list of regions of a date (default today). */
	private String nameOnList(String code, String date) {
		return regions("/api/v1/regions?level=gemeente" + ((date != null) ? "&date=" + date : "")).stream()
			.filter((r) -> code.equals(r.get("code")))
			.map((r) -> (String) r.get("name"))
			.findFirst()
			.orElseThrow();
	}

	/** A region's names by edition, as "name [from–to)". */
	@SuppressWarnings("unchecked")
	private List<String> names(String code) {
		return ((List<Map<String, Object>>) region(code, null).get("names")).stream()
			.map((n) -> n.get("nameNl") + " [" + Objects.toString(n.get("validFrom"), "") + "–"
					+ Objects.toString(n.get("validTo"), "") + ")")
			.toList();
	}

	private String name(String code) {
		return (String) region(code, null).get("name");
	}

}
