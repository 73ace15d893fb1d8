package nl.llomonitor.region;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import nl.llomonitor.SharedData;
import nl.llomonitor.importer.ImportException;
import nl.llomonitor.importer.ImportReport;
import nl.llomonitor.importer.ImportService;
import nl.llomonitor.system.DataChangeListener;
import nl.llomonitor.system.DatabaseConfiguration;
import nl.llomonitor.system.DatabaseEndpoint;
import nl.llomonitor.system.TestDatabase;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

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

import static nl.llomonitor.db.Tables.REGION;
import static nl.llomonitor.db.Tables.REGION_ALIAS;
import static nl.llomonitor.db.Tables.REGION_PARENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Regions by edition (issue 9; cases 10, 16 and A5 of shared/cases/2026-11-30): every
 * containment is a direct link of its edition, a link a later edition changes is ended
 * and not duplicated, a new gemeente is usable for data at once, a merger ends regions,
 * and {@code GET /api/v1/regions?date=} answers for the edition of that date. Runs on a
 * database of its own, since editions change the region list every other test reads; the
 * steps build on each other in date order.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@Import(RegionEditionsIntegrationTests.OwnDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegionEditionsIntegrationTests {

	private static final Path CASES = SharedData.root().getParent().resolve("cases/2026-11-30");

	@Autowired
	private WebTestClient client;

	@Autowired
	private ImportService importer;

	@Autowired
	@Qualifier(DatabaseConfiguration.JDBC_DSL)
	private DSLContext jdbc;

	@Autowired
	private DataChangeListener versions;

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnDatabase {

		private static final Supplier<DatabaseEndpoint> DATABASE = TestDatabase.ownDatabase("llo_region_editions");

		@Bean
		DynamicPropertyRegistrar ownDatabaseProperties() {
			return TestDatabase.properties(DATABASE);
		}

	}

	/**
	 * Issue 11: a fresh store with the demo set also holds the shipped boundaries
	 * ({@code data/geo/}), so the map has real shapes without shared/data.
	 */
	@Test
	@Order(0)
	void freshStoreHasTheShippedBoundaries() {
		for (String[] level : new String[][] { { "provincie", "12", "PV26" }, { "arbeidsmarktregio", "35", "AM13" } }) {
			this.client.get()
				.uri("/api/v1/geo/" + level[0])
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.features.length()")
				.isEqualTo(Integer.parseInt(level[1]))
				.jsonPath("$.features[?(@.properties.code == '" + level[2] + "')]")
				.exists();
		}
	}

	/** Case A5: Utrecht's gemeenten are those whose own provincie is PV26 (Code_28). */
	@Test
	@Order(1)
	void builtInListGivesExactlyTheGemeentenOfUtrecht() throws IOException {
		Set<String> expected = gemeentenOf(SharedData.file("cbs/85755NED.csv"), "PV26");
		assertThat(expected).hasSize(26);
		assertThat(codes("/api/v1/regions?level=gemeente&parent=PV26")).isEqualTo(expected)
			.contains("GM0344", "GM1961")
			.doesNotContain("GM0363", "GM0228", "GM0512");
		// an arbeidsmarktregio is linked to NL01 only: it crosses province borders
		assertThat(parents("AM35", null)).containsExactly("NL01");
		assertThat(parents("GM0344", null)).containsExactly("NL01", "LD03", "PV26", "CR17", "AM13");
	}

	/** The shared edition as 2024-01-01: it states the links the store already has. */
	@Test
	@Order(2)
	void firstEditionChangesNoLinkAndEndsGemeentenItNoLongerLists() throws IOException {
		long linksBefore = this.jdbc.fetchCount(REGION_PARENT);
		ImportReport report = importEdition(SharedData.file("cbs/85755NED.csv"), "2024-01-01");
		assertThat(report.status()).isEqualTo("succeeded");
		assertThat(report.rowsRead()).isEqualTo(342);
		assertThat(this.jdbc.fetchCount(REGION_PARENT)).isEqualTo(linksBefore);
		assertThat(this.jdbc.fetchCount(REGION_PARENT, REGION_PARENT.VALID_FROM.eq(LocalDate.of(2024, 1, 1)))).isZero();
		// a complete edition: the former gemeenten of the built-in list (from 84916NED's
		// labels, 2022) end at its date
		int listedGemeenten = this.jdbc.fetchCount(REGION, REGION.LEVEL.eq("gemeente").and(REGION.VALID_TO.isNull()));
		assertThat(listedGemeenten).isEqualTo(342);
		assertThat(codes("/api/v1/regions?level=gemeente&date=2023-12-31")).hasSizeGreaterThan(342);
		assertThat(codes("/api/v1/regions?level=gemeente")).hasSize(342);
		assertThat(codes("/api/v1/regions?level=gemeente&parent=PV26"))
			.isEqualTo(gemeentenOf(SharedData.file("cbs/85755NED.csv"), "PV26"));
		// the same edition again changes nothing
		assertThat(importEdition(SharedData.file("cbs/85755NED.csv"), "2024-01-01").status()).isEqualTo("unchanged");
	}

	/** Case 10: Waalwijk moves from AM26 to AM27 in the edition of 2025-01-01. */
	@Test
	@Order(3)
	void laterEditionEndsTheOldLinkInsteadOfDuplicatingIt() {
		ImportReport report = importEdition(CASES.resolve("10-gebieden-am-reassigned.csv"), "2025-01-01");
		assertThat(report.status()).isEqualTo("succeeded");
		assertThat(report.warnings()).anyMatch((w) -> w.contains("partial edition"));
		assertThat(codes("/api/v1/regions?level=gemeente&parent=AM27")).contains("GM0867");
		assertThat(codes("/api/v1/regions?level=gemeente&parent=AM26")).doesNotContain("GM0867");
		assertThat(codes("/api/v1/regions?level=gemeente&parent=AM26&date=2024-12-31")).contains("GM0867");
		assertThat(codes("/api/v1/regions?level=gemeente&parent=AM27&date=2024-12-31")).doesNotContain("GM0867");
		assertThat(parents("GM0867", "2024-06-01")).containsExactly("NL01", "LD04", "PV30", "CR34", "AM26");
		assertThat(parents("GM0867", null)).containsExactly("NL01", "LD04", "PV30", "CR34", "AM27");
		var links = this.jdbc.selectFrom(REGION_PARENT)
			.where(REGION_PARENT.CHILD_CODE.eq("GM0867"), REGION_PARENT.PARENT_CODE.in("AM26", "AM27"))
			.orderBy(REGION_PARENT.VALID_FROM)
			.fetch();
		assertThat(links).hasSize(2);
		assertThat(links.get(0).getParentCode()).isEqualTo("AM26");
		assertThat(links.get(0).getValidTo()).isEqualTo(LocalDate.of(2025, 1, 1));
		assertThat(links.get(1).getParentCode()).isEqualTo("AM27");
		assertThat(links.get(1).getValidFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
		assertThat(links.get(1).getValidTo()).isNull();
		// the other gemeenten of the partial edition's regions keep their links
		assertThat(codes("/api/v1/regions?level=gemeente&parent=AM26"))
			.hasSize(codes("/api/v1/regions?level=gemeente&parent=AM26&date=2024-12-31").size() - 1);
		assertThat(importEdition(CASES.resolve("10-gebieden-am-reassigned.csv"), "2025-01-01").status())
			.isEqualTo("unchanged");
	}

	/** Case 16: a new gemeente, then data for it, without a restart. */
	@Test
	@Order(4)
	void newGemeenteIsUsableForDataAtOnce() throws InterruptedException {
		ImportReport edition = importEdition(CASES.resolve("16-gebieden-new-gemeente.csv"), "2025-07-01");
		assertThat(edition.status()).isEqualTo("succeeded");
		ImportReport data = this.importer.importFile(CASES.resolve("16-new-gemeente-86088NED.csv"));
		assertThat(data.status()).isEqualTo("succeeded");
		assertThat(data.rowsInserted()).isEqualTo(7);
		awaitVersion(data.dataVersion());
		assertThat(codes("/api/v1/regions?level=gemeente&parent=PV26")).contains("GM1999").hasSize(27);
		assertThat(codes("/api/v1/regions?level=gemeente&parent=PV26&date=2025-06-30")).doesNotContain("GM1999")
			.hasSize(26);
		assertThat(parents("GM1999", null)).containsExactly("NL01", "LD03", "PV26", "CR17", "AM35");
		// the partial edition names AM35 'Gorinchem', as the gemeente GM0512 is named: no
		// bare-name alias for either
		assertThat(this.jdbc.fetchCount(REGION_ALIAS,
				REGION_ALIAS.SCHEME.eq("name").and(REGION_ALIAS.ALIAS.eq("Gorinchem"))))
			.isZero();
		this.client.get()
			.uri("/api/v1/series?indicator=netto_arbeidsparticipatie&regions=GM1999&periodType=year")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.series[0].region.name")
			.isEqualTo("Nieuw-Vijfheerenlanden")
			.jsonPath("$.series[0].points[0].period")
			.isEqualTo("2024JJ00")
			.jsonPath("$.series[0].points[0].value")
			.isEqualTo(75.5);
	}

	/**
	 * A complete edition of 2026-01-01 in which two gemeenten merge into a new one and a
	 * gemeente moves to another provincie (as Vijfheerenlanden did in 2019).
	 */
	@Test
	@Order(5)
	void mergerEndsRegionsAndAProvinceLinkMoves(@TempDir Path dir) throws IOException {
		// Oudewater (GM0589) and Montfoort (GM0335) merge into GM1997; Lopik (GM0331)
		// moves to Zuid-Holland, Waalwijk stays with AM27; GM1999 (case 16) is not
		// listed:
		// three gemeenten end
		Path edition = dir.resolve("85755NED-2026.csv");
		List<String> lines = Files.readAllLines(SharedData.file("cbs/85755NED.csv"), StandardCharsets.UTF_8);
		List<String> out = new ArrayList<>();
		String montfoort = null;
		for (String line : lines) {
			if (line.contains(";GM0589 ") || line.contains(";GM0335 ")) {
				montfoort = line.contains(";GM0335 ") ? line : montfoort;
				continue;
			}
			if (line.contains(";GM0331 ")) {
				line = line.replace("PV26      ;Utrecht   ", "PV28      ;Zuid-Holland")
					.replaceFirst(";PV26 +;Utrecht +;",
							";PV28      ;Zuid-Holland                                      ;");
			}
			if (line.contains(";GM0867 ")) {
				line = line.replaceFirst(";AM26 +;Midden-Brabant +;",
						";AM27      ;Noordoost-Brabant                                 ;");
			}
			out.add(line);
		}
		out.add(gemeenteAs(montfoort, "GM1997", "Lopikerwaard-Oost"));
		Files.write(edition, out, StandardCharsets.UTF_8);
		ImportReport report = importEdition(edition, "2026-01-01");
		assertThat(report.status()).isEqualTo("succeeded");
		assertThat(report.warnings()).noneMatch((w) -> w.contains("partial edition"))
			.anyMatch((w) -> w.contains("3 regions ended"));
		assertThat(codes("/api/v1/regions?level=gemeente&date=2025-12-31")).contains("GM0589", "GM0335")
			.doesNotContain("GM1997");
		assertThat(codes("/api/v1/regions?level=gemeente")).doesNotContain("GM0589", "GM0335").contains("GM1997");
		assertThat(this.jdbc.fetchSingle(REGION, REGION.CODE.eq("GM0589")).getValidTo())
			.isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(codes("/api/v1/regions?level=gemeente&parent=PV28")).contains("GM0331");
		assertThat(codes("/api/v1/regions?level=gemeente&parent=PV26")).doesNotContain("GM0331", "GM0589", "GM0335")
			.contains("GM1997");
		assertThat(codes("/api/v1/regions?level=gemeente&parent=PV26&date=2025-12-31")).contains("GM0331", "GM0589",
				"GM0335");
		assertThat(parents("GM0331", "2025-12-31")).contains("PV26").doesNotContain("PV28");
		// an ended gemeente keeps its links until the edition that ended it
		assertThat(parents("GM0589", "2025-12-31")).contains("PV26");
		assertThat(parents("GM0589", null)).isEmpty();
		// GM1999 (case 16, only in the partial edition) is not in this complete one
		assertThat(codes("/api/v1/regions?level=gemeente")).doesNotContain("GM1999");
	}

	/**
	 * An edition older than the newest (history loaded later) states its own span only:
	 * case 10 again as of 2025-03-01 repeats what the store has then, so no link moves
	 * and nothing is duplicated; today's answers stay those of 2026 (see
	 * RegionEditionVariantsIntegrationTests for one that changes its span).
	 */
	@Test
	@Order(6)
	void anEditionOlderThanTheNewestStatesItsOwnSpanOnly() {
		long links = this.jdbc.fetchCount(REGION_PARENT);
		Set<String> today = codes("/api/v1/regions?level=gemeente");
		ImportReport report = importEdition(CASES.resolve("10-gebieden-am-reassigned.csv"), "2025-03-01");
		assertThat(report.status()).isIn("succeeded", "unchanged");
		assertThat(this.jdbc.fetchCount(REGION_PARENT)).isEqualTo(links);
		assertThat(parents("GM0867", "2025-03-01")).containsExactly("NL01", "LD04", "PV30", "CR34", "AM27");
		assertThat(parents("GM0867", null)).containsExactly("NL01", "LD04", "PV30", "CR34", "AM27");
		assertThat(codes("/api/v1/regions?level=gemeente")).isEqualTo(today);
		this.client.get()
			.uri("/api/v1/regions?date=2025-13-01")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo("date");
	}

	/**
	 * A new gemeente takes the name of one that ended (Weesp GM0457, ended by the 2024
	 * edition): a CSV's label resolves to the region that existed in the row's period,
	 * instead of always to the ended one.
	 */
	@Test
	@Order(7)
	void aLabelTwoGemeentenHaveHadResolvesToTheOneOfThePeriod(@TempDir Path dir) throws IOException {
		assertThat(this.jdbc.fetchSingle(REGION, REGION.CODE.eq("GM0457")).getValidTo())
			.isEqualTo(LocalDate.of(2024, 1, 1));
		Path edition = dir.resolve("gebieden-weesp.csv");
		Files.writeString(edition,
				Files.readString(CASES.resolve("16-gebieden-new-gemeente.csv"), StandardCharsets.UTF_8)
					.replace("GM1999    ", "GM1996    ")
					.replace("Nieuw-Vijfheerenlanden", "Weesp"),
				StandardCharsets.UTF_8);
		assertThat(importEdition(edition, "2026-07-01").status()).isEqualTo("succeeded");
		ImportReport report = importFigures(dir, "Weesp", "2027", "71.1", "Weesp", "2021", "72.2");
		assertThat(report.status()).isEqualTo("succeeded");
		assertThat(value("GM1996", "2027JJ00")).isEqualTo(71.1);
		assertThat(value("GM0457", "2021JJ00")).isEqualTo(72.2);
		assertThat(value("GM0457", "2027JJ00")).isNull();
		assertThat(value("GM1996", "2021JJ00")).isNull();
		assertThat(report.warnings()).noneMatch((w) -> w.contains("does not have in that period"));

		// 2024: neither Weesp existed (the old one ended at the 2024 edition, the new one
		// begins in 2026): the nearest, the old one, is taken, and the run says so
		ImportReport guessed = importFigures(Files.createDirectories(dir.resolve("between")), "Weesp", "2024", "73.3");
		assertThat(guessed.warnings())
			.anyMatch((w) -> w.startsWith("region labels given to a region the store does not have in that period")
					&& w.contains("1 label and period pairs: Weesp 2024JJ00 → GM0457"));
		assertThat(value("GM0457", "2024JJ00")).isEqualTo(73.3);
	}

	/**
	 * An older complete edition that does not list a gemeente an earlier and a later
	 * edition have (Wijk bij Duurstede, GM0352) keeps it for its span and says so: a
	 * region cannot have a gap, and moving its start to the next edition used to erase
	 * its existence in every year before.
	 */
	@Test
	@Order(8)
	void anOlderEditionWithoutAGemeenteOthersHaveKeepsItsEarlierExistence(@TempDir Path dir) throws IOException {
		assertThat(codes("/api/v1/regions?level=gemeente&parent=PV26&date=2020-01-01")).contains("GM0352");
		Path edition = dir.resolve("85755NED-2025-06.csv");
		Files.write(edition,
				Files.readAllLines(SharedData.file("cbs/85755NED.csv"), StandardCharsets.UTF_8)
					.stream()
					.filter((line) -> !line.contains(";GM0352 "))
					.toList(),
				StandardCharsets.UTF_8);
		ImportReport report = importEdition(edition, "2025-06-01");
		assertThat(report.status()).isEqualTo("succeeded");
		assertThat(report.warnings()).noneMatch((w) -> w.contains("partial edition"))
			.anyMatch((w) -> w.contains("cannot have a gap") && w.contains("GM0352"));
		assertThat(codes("/api/v1/regions?level=gemeente&parent=PV26&date=2020-01-01")).contains("GM0352");
		assertThat(codes("/api/v1/regions?level=gemeente&parent=PV26")).contains("GM0352");
		assertThat(this.jdbc.fetchSingle(REGION, REGION.CODE.eq("GM0352")).getValidTo()).isNull();
	}

	/**
	 * The same edition again, corrected: a gemeente its first import added (GM1995) that
	 * the corrected file no longer lists was never there, and goes; before, it stayed
	 * listed from the edition's date on.
	 */
	@Test
	@Order(9)
	void aCorrectedEditionOfTheSameDateRemovesAGemeenteItNoLongerLists(@TempDir Path dir) throws IOException {
		List<String> lines = Files.readAllLines(SharedData.file("cbs/85755NED.csv"), StandardCharsets.UTF_8);
		List<String> withExtra = new ArrayList<>(lines);
		withExtra.add(gemeenteAs(gemeente(lines, "GM0335"), "GM1995", "Testdorp"));
		Path first = Files.write(dir.resolve("85755NED-2027.csv"), withExtra, StandardCharsets.UTF_8);
		assertThat(importEdition(first, "2027-01-01").status()).isEqualTo("succeeded");
		assertThat(codes("/api/v1/regions?level=gemeente&parent=PV26&date=2027-06-01")).contains("GM1995");
		// an edition published ahead of its date answers by default (case 10: the
		// newest); a date before it gives the edition of that date
		assertThat(codes("/api/v1/regions?level=gemeente&parent=PV26")).contains("GM1995");
		assertThat(parents("GM1995", null)).contains("PV26");
		assertThat(codes("/api/v1/regions?level=gemeente&parent=PV26&date=" + LocalDate.now()))
			.doesNotContain("GM1995");

		Path corrected = Files.write(dir.resolve("85755NED-2027-corrected.csv"), lines, StandardCharsets.UTF_8);
		ImportReport report = importEdition(corrected, "2027-01-01");
		assertThat(report.status()).isEqualTo("succeeded");
		assertThat(codes("/api/v1/regions?level=gemeente&parent=PV26&date=2027-06-01")).doesNotContain("GM1995")
			.isEqualTo(gemeentenOf(SharedData.file("cbs/85755NED.csv"), "PV26"));
		assertThat(codes("/api/v1/regions?level=gemeente&parent=PV26")).doesNotContain("GM1995");
		assertThat(this.jdbc.fetchCount(REGION, REGION.CODE.eq("GM1995"))).isZero();
	}

	/**
	 * An edition that gives a gemeente the name another gemeente has on its date
	 * (Zeewolde GM0050 as "Almere", beside GM0034) says so: a label of that name resolves
	 * to one of them only.
	 */
	@Test
	@Order(10)
	void anEditionThatGivesTwoGemeentenOneNameSaysSo(@TempDir Path dir) throws IOException {
		ImportReport report = importEdition(renamed(dir, "GM0050", "Almere"), "2028-01-01");
		assertThat(report.status()).isEqualTo("succeeded");
		assertThat(report.warnings()).anyMatch((w) -> w.startsWith("1 names that several regions of one level have")
				&& w.contains("Almere (GM0034, GM0050)"));
	}

	/**
	 * A later edition renames a gemeente after another's former name (Lopik GM0331 as
	 * "Brielle", whose own GM0501 ended with the 2024 edition): its names hold for their
	 * editions' dates, and a CSV label of that name resolves to the gemeente that had it
	 * in the row's period. Before, the renamed gemeente captured the older rows.
	 */
	@Test
	@Order(11)
	void aGemeenteRenamedAfterAnothersFormerNameDoesNotTakeItsEarlierRows(@TempDir Path dir) throws IOException {
		assertThat(importEdition(renamed(dir, "GM0331", "Brielle"), "2029-01-01").status()).isEqualTo("succeeded");
		assertThat(regionName("GM0331", "2028-12-31")).isEqualTo("Lopik");
		assertThat(regionName("GM0331", "2029-01-01")).isEqualTo("Brielle");
		assertThat(regionName("GM0501", "2020-01-01")).isEqualTo("Brielle");

		ImportReport report = importFigures(dir, "Brielle", "2020", "60.5", "Brielle", "2027", "67.5", "Brielle",
				"2029", "69.5");
		assertThat(report.status()).isEqualTo("succeeded");
		// 2020: Brielle was GM0501; Lopik was called Lopik
		assertThat(value("GM0501", "2020JJ00")).isEqualTo(60.5);
		assertThat(value("GM0331", "2020JJ00")).isNull();
		// 2029: the name is Lopik's
		assertThat(value("GM0331", "2029JJ00")).isEqualTo(69.5);
		// 2027: GM0501 had ended and no gemeente was called Brielle: the label's region
		// now, on today's boundaries, as CBS gives earlier years
		assertThat(value("GM0331", "2027JJ00")).isEqualTo(67.5);
		assertThat(report.warnings()).noneMatch((w) -> w.contains("does not have in that period"));
	}

	/**
	 * A merger gives a new code the name of a gemeente it ends, whose name an
	 * arbeidsmarktregio shares (Gorinchem GM0512 and AM35): a CSV label of that name
	 * resolves by the row's period, to the old gemeente before the edition and the new
	 * one after it. Before, the old one had no alias of its bare name (another level has
	 * it), so every year went to the new code.
	 */
	@Test
	@Order(12)
	void aNewCodeWithTheNameOfAGemeenteThatSharesItWithAnotherLevelTakesOnlyItsOwnYears(@TempDir Path dir)
			throws IOException {
		List<String> lines = Files.readAllLines(SharedData.file("cbs/85755NED.csv"), StandardCharsets.UTF_8);
		List<String> edition = new ArrayList<>();
		for (String line : lines) {
			if (line.contains(";GM0512 ")) {
				line = line.replace(";GM0512    ;", ";GM1994    ;");
			}
			edition.add(line);
		}
		ImportReport applied = importEdition(
				Files.write(dir.resolve("85755NED-2030.csv"), edition, StandardCharsets.UTF_8), "2030-01-01");
		assertThat(applied.status()).isEqualTo("succeeded");
		assertThat(this.jdbc.fetchSingle(REGION, REGION.CODE.eq("GM0512")).getValidTo())
			.isEqualTo(LocalDate.of(2030, 1, 1));

		ImportReport report = importFigures(dir, "Gorinchem", "2023", "51.5", "Gorinchem", "2030", "52.5");
		assertThat(report.status()).isEqualTo("succeeded");
		assertThat(value("GM0512", "2023JJ00")).isEqualTo(51.5);
		assertThat(value("GM1994", "2030JJ00")).isEqualTo(52.5);
		assertThat(value("GM1994", "2023JJ00")).isNull();
	}

	/**
	 * The warning about names that several regions have is judged by the names of the
	 * edition's date: an older edition is not warned about a name one of its gemeenten
	 * took only later (Lopik as "Brielle" from 2031, beside Brielle GM0501 until 2024).
	 */
	@Test
	@Order(13)
	void anOlderEditionIsNotWarnedAboutANameTakenLater(@TempDir Path dir) throws IOException {
		assertThat(importEdition(renamed(dir, "GM0331", "Brielle"), "2031-01-01").status()).isEqualTo("succeeded");
		assertThat(regionName("GM0331", "2031-06-01")).isEqualTo("Brielle");
		List<String> lines = Files.readAllLines(SharedData.file("cbs/85755NED.csv"), StandardCharsets.UTF_8);
		Path older = Files.write(dir.resolve("lopik-2020.csv"), List.of(lines.get(0), gemeente(lines, "GM0331")),
				StandardCharsets.UTF_8);
		ImportReport report = importEdition(older, "2020-06-01");
		assertThat(report.status()).isIn("succeeded", "unchanged");
		assertThat(report.warnings()).noneMatch((w) -> w.contains("Brielle (GM0331, GM0501)"));
		assertThat(regionName("GM0331", "2020-06-01")).isEqualTo("Lopik");
	}

	/**
	 * A corrected edition of the same date that no longer lists a gemeente its first
	 * import added, for which figures were imported since: the gemeente is kept for its
	 * figures (and named in a warning), but lies in no provincie or arbeidsmarktregio of
	 * that edition any more. Before, it stayed a member of both.
	 */
	@Test
	@Order(14)
	void aGemeenteACorrectedEditionDropsKeepsItsFiguresButNotItsLinks(@TempDir Path dir) throws IOException {
		List<String> lines = Files.readAllLines(SharedData.file("cbs/85755NED.csv"), StandardCharsets.UTF_8);
		List<String> withExtra = new ArrayList<>(lines);
		withExtra.add(gemeenteAs(gemeente(lines, "GM0335"), "GM1993", "Testdorp"));
		assertThat(importEdition(Files.write(dir.resolve("85755NED-2032.csv"), withExtra, StandardCharsets.UTF_8),
				"2032-01-01")
			.status()).isEqualTo("succeeded");
		assertThat(codes("/api/v1/regions?level=gemeente&parent=PV26&date=2032-06-01")).contains("GM1993");
		assertThat(importFigures(dir, "Testdorp", "2032", "53.5").status()).isEqualTo("succeeded");

		ImportReport corrected = importEdition(
				Files.write(dir.resolve("85755NED-2032-corrected.csv"), lines, StandardCharsets.UTF_8), "2032-01-01");
		assertThat(corrected.warnings()).anyMatch((w) -> w.contains("GM1993"));
		assertThat(codes("/api/v1/regions?level=gemeente&parent=PV26&date=2032-06-01")).doesNotContain("GM1993");
		assertThat(codes("/api/v1/regions?level=gemeente&parent=AM13&date=2032-06-01")).doesNotContain("GM1993");
		assertThat(value("GM1993", "2032JJ00")).isEqualTo(53.5);
	}

	/**
	 * Imports figures in the layout of case 16's 86088NED file: one row of
	 * NettoArbeidsparticipatie_16 per region label, year and value given.
	 * @param dir where the file is written (as 86088NED.csv)
	 * @param labelYearValue label, year and value of each row, one after the other
	 * @return the report, after the app has taken its data version
	 */
	private ImportReport importFigures(Path dir, String... labelYearValue) throws IOException {
		String data = Files.readString(CASES.resolve("16-new-gemeente-86088NED.csv"), StandardCharsets.UTF_8);
		String header = data.substring(0, data.indexOf('\n') + 1);
		String row = data.substring(data.indexOf('\n') + 1).strip();
		StringBuilder rows = new StringBuilder(header);
		for (int i = 0; i < labelYearValue.length; i += 3) {
			rows.append(row.replace("99001;", (99001 + i / 3) + ";")
				.replace("Nieuw-Vijfheerenlanden;2024", labelYearValue[i] + ";" + labelYearValue[i + 1])
				.replace(";75.5", ";" + labelYearValue[i + 2])).append('\n');
		}
		ImportReport report = this.importer
			.importFile(Files.writeString(dir.resolve("86088NED.csv"), rows, StandardCharsets.UTF_8), null, "86088NED");
		awaitVersion(report.dataVersion());
		return report;
	}

	/**
	 * @return a partial edition of one gemeente of the shared 85755NED under another name
	 * (its label and name columns), written into {@code dir}
	 */
	private static Path renamed(Path dir, String code, String name) throws IOException {
		List<String> lines = Files.readAllLines(SharedData.file("cbs/85755NED.csv"), StandardCharsets.UTF_8);
		return Files.write(dir.resolve("rename-" + code + ".csv"),
				List.of(lines.get(0), gemeenteAs(gemeente(lines, code), code, name)), StandardCharsets.UTF_8);
	}

	/**
	 * @return a gemeente's line of a "Gebieden in Nederland" file with another code,
	 * label and name (padded as CBS pads them), its links as they are
	 */
	private static String gemeenteAs(String line, String code, String name) {
		String[] fields = line.split(";", -1);
		fields[1] = name;
		fields[2] = code + " ".repeat(Math.max(0, 10 - code.length()));
		fields[3] = name + " ".repeat(Math.max(0, 50 - name.length()));
		return String.join(";", fields);
	}

	/**
	 * @return the line of a gemeente in a "Gebieden in Nederland" file
	 */
	private static String gemeente(List<String> lines, String code) {
		return lines.stream().filter((l) -> l.contains(";" + code + " ")).findFirst().orElseThrow();
	}

	private String regionName(String code, String date) {
		String body = new String(this.client.get()
			.uri("/api/v1/regions/" + code + "?date=" + date)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBodyContent(), StandardCharsets.UTF_8);
		return com.jayway.jsonpath.JsonPath.read(body, "$.nameNl");
	}

	/**
	 * The current netto_arbeidsparticipatie of a region in a year, or null when the
	 * region's series has no value then.
	 */
	private Double value(String region, String period) {
		String body = new String(this.client.get()
			.uri("/api/v1/series?indicator=netto_arbeidsparticipatie&regions=" + region + "&from=" + period + "&to="
					+ period)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBodyContent(), StandardCharsets.UTF_8);
		assertThat(com.jayway.jsonpath.JsonPath.<String>read(body, "$.series[0].region.code")).isEqualTo(region);
		List<Object> values = com.jayway.jsonpath.JsonPath.read(body,
				"$.series[0].points[?(@.period == '" + period + "')].value");
		return (values.isEmpty() || values.get(0) == null) ? null : ((Number) values.get(0)).doubleValue();
	}

	private ImportReport importEdition(Path file, String validFrom) {
		ImportReport report = this.importer.importFile(file, null, null, null, LocalDate.parse(validFrom), null);
		if (report.dataVersion() != null) {
			awaitVersion(report.dataVersion());
		}
		return report;
	}

	private void awaitVersion(Long version) {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (this.versions.currentVersion() < version && System.nanoTime() < deadline) {
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
		List<Map<String, Object>> regions = this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		Set<String> codes = new TreeSet<>();
		regions.forEach((r) -> codes.add((String) r.get("code")));
		return codes;
	}

	@SuppressWarnings("unchecked")
	private List<String> parents(String code, String date) {
		Map<String, Object> region = this.client.get()
			.uri("/api/v1/regions/" + code + ((date != null) ? "?date=" + date : ""))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		return (List<String>) region.get("parents");
	}

	private static Set<String> gemeentenOf(Path gebieden, String province) throws IOException {
		Set<String> codes = new TreeSet<>();
		try (InputStream in = Files.newInputStream(gebieden)) {
			byte[] bytes = in.readAllBytes();
			String text = new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "");
			for (CSVRecord row : CSVFormat.DEFAULT.builder()
				.setDelimiter(';')
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(new java.io.StringReader(text))) {
				if (row.get("Code_28").strip().equals(province)) {
					codes.add(row.get("Code_1").strip());
				}
			}
		}
		return codes;
	}

}
