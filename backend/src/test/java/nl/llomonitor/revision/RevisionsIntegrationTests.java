package nl.llomonitor.revision;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import nl.llomonitor.TwoVintages;
import nl.llomonitor.api.WebAnswers;
import nl.llomonitor.importer.ImportReport;
import nl.llomonitor.importer.ImportService;
import nl.llomonitor.system.DataChangeListener;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vintages of a cell and the Atom feed of changes, on two imports of the real table
 * 85268NED (see {@link TwoVintages}): the published file back-dated to 2015, then a copy
 * with Zeeland's 2024 Q4 unemployment revised from 2.8 to 3.0.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "20s")
@Import(TestDatabaseConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevisionsIntegrationTests {

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	@Autowired
	private WebTestClient client;

	@Autowired
	private ImportService importer;

	@Autowired
	private DataChangeListener versions;

	private ImportReport revision;

	@BeforeAll
	void importTwoVintages(@TempDir Path temp) {
		this.revision = TwoVintages.importBoth(this.importer, this.versions, temp);
	}

	@AfterAll
	void restore() {
		TwoVintages.restore(this.importer, this.versions);
	}

	@Test
	void everyVintageOfACellWithItsImportAndPublicationDate() {
		String uri = "/api/v1/revisions?indicator=werkloosheidspercentage&region=PV29&period=2024KW04";
		this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.revised")
			.isEqualTo(true)
			.jsonPath("$.region.code")
			.isEqualTo("PV29")
			.jsonPath("$.period.code")
			.isEqualTo("2024KW04")
			// the back-dated vintage first, at its publication date
			.jsonPath("$.vintages[0].value")
			.isEqualTo(2.8)
			.jsonPath("$.vintages[0].recordedAt")
			.isEqualTo("2015-06-01T00:00:00Z")
			.jsonPath("$.vintages[0].publishedAt")
			.isEqualTo("2015-06-01T00:00:00Z")
			.jsonPath("$.vintages[0].sourceTable")
			.isEqualTo("85268NED")
			.jsonPath("$.vintages[-1].value")
			.isEqualTo(3.0)
			.jsonPath("$.vintages[-1].importRun")
			.isEqualTo((int) this.revision.id())
			.jsonPath("$.vintages[-1].publishedAt")
			.isEmpty()
			.jsonPath("$.vintages[-1].status")
			.isNotEmpty();
		// as known before the revision: one vintage, not revised
		this.client.get()
			.uri(uri + "&asOf=" + TwoVintages.BETWEEN)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.revised")
			.isEqualTo(false)
			.jsonPath("$.vintages.length()")
			.isEqualTo(1)
			.jsonPath("$.asOf")
			.isEqualTo(TwoVintages.BETWEEN);
	}

	@Test
	void vintagesAsCsv() {
		String csv = WebAnswers.csv(this.client.get()
			.uri("/api/v1/revisions?indicator=werkloosheidspercentage&region=PV29&period=2024KW04")
			.accept(MediaType.parseMediaType("text/csv"))
			.exchange());
		List<String> lines = csv.lines().filter((l) -> !l.startsWith("#")).toList();
		assertThat(lines.get(0)).isEqualTo("indicator,region,region_name,period,breakdown,import_run,recorded_at,value,"
				+ "margin_low,margin_high,unit,status,flags,footnote,missing_reason,published_at,source_table");
		assertThat(lines.get(1)).startsWith("werkloosheidspercentage,PV29,Zeeland,2024KW04,,")
			.contains(",2015-06-01T00:00Z,2.8,")
			.endsWith(",2015-06-01T00:00Z,85268NED");
		assertThat(lines.get(lines.size() - 1))
			.startsWith("werkloosheidspercentage,PV29,Zeeland,2024KW04,," + this.revision.id() + ",")
			.contains(",3.0,")
			.endsWith(",,85268NED");
	}

	@Test
	void vintagesAsJsonStat() {
		this.client.get()
			.uri("/api/v1/revisions?indicator=werkloosheidspercentage&region=PV29&period=2024KW04&format=jsonstat")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/json+stat")
			.expectBody()
			.jsonPath("$.class")
			.isEqualTo("dataset")
			.jsonPath("$.id")
			.isEqualTo(List.of("indicator", "region", "period", "breakdown", "import_run"))
			.jsonPath("$.value[0]")
			.isEqualTo(2.8)
			.jsonPath("$.value[-1]")
			.isEqualTo(3.0)
			.jsonPath("$.dimension.import_run.category.label['" + this.revision.id() + "']")
			.exists();
	}

	@Test
	void aDerivedIndicatorOrAMissingPeriodIs400() {
		this.client.get()
			.uri("/api/v1/revisions?indicator=werkloosheidspercentage&region=PV29")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo("period");
		this.client.get()
			.uri("/api/v1/revisions?indicator=spanningsindicator&region=PV29&period=2024KW04")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo("indicator");
		this.client.get()
			.uri("/api/v1/revisions?indicator=werkloosheidspercentage&region=PV29&period=2024KW04&format=xml")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo("format");
	}

	@Test
	void theAtomFeedAnnouncesTheRevisionWithOldAndNewValue() throws Exception {
		byte[] body = this.client.get()
			.uri("/api/v1/feeds/changes.atom?region=PV29&indicator=werkloosheidspercentage")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("application/atom+xml"))
			.expectBody()
			.returnResult()
			.getResponseBody();
		Document feed = parse(body);
		Element root = feed.getDocumentElement();
		assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
		assertThat(root.getLocalName()).isEqualTo("feed");
		// RFC 4287 4.1.1: a feed has exactly one id, title and updated, and an author
		for (String required : List.of("id", "title", "updated", "author")) {
			assertThat(children(root, required)).as(required).hasSize(1);
		}
		List<Element> entries = children(root, "entry");
		assertThat(entries).isNotEmpty();
		Element newest = entries.get(0);
		String id = text(newest, "id");
		assertThat(id).isEqualTo(
				"urn:llo-monitor:changes:run:" + this.revision.id() + ":region:PV29:indicator:werkloosheidspercentage");
		OffsetDateTime updated = OffsetDateTime.parse(text(newest, "updated"));
		assertThat(updated).isAfter(TwoVintages.PUBLISHED);
		assertThat(OffsetDateTime.parse(text(root, "updated"))).isAfterOrEqualTo(updated);
		assertThat(text(newest, "title")).startsWith("85268NED: 1 herzien, 0 nieuw");
		assertThat(text(newest, "content")).contains("2024 4e kwartaal: 2,8 % → 3,0 %");
		assertThat(children(newest, "content").get(0).getAttribute("type")).isEqualTo("text");
		assertThat(children(newest, "category").get(0).getAttribute("term")).isEqualTo("revision");
		// the same feed again: the same entry ids (readers recognise what they saw)
		Document again = parse(this.client.get()
			.uri("/api/v1/feeds/changes.atom?region=PV29&indicator=werkloosheidspercentage")
			.header("Cache-Control", "no-cache")
			.exchange()
			.expectBody()
			.returnResult()
			.getResponseBody());
		assertThat(text(children(again.getDocumentElement(), "entry").get(0), "id")).isEqualTo(id);
		// the back-dated release is an entry of its own, published in 2015
		List<Element> published = entries.stream()
			.filter((e) -> !children(e, "published").isEmpty() && text(e, "published").startsWith("2015-06-01"))
			.toList();
		assertThat(published).isNotEmpty();
	}

	@Test
	void theFeedNeedsOneKnownRegion() {
		this.client.get()
			.uri("/api/v1/feeds/changes.atom")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo("region");
		this.client.get().uri("/api/v1/feeds/changes.atom?region=PV99").exchange().expectStatus().isNotFound();
	}

	@Test
	void openApiDescribesTheNewEndpointsAndTheAnswersNotTheDataset() {
		this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/v1/revisions'].get")
			.exists()
			.jsonPath("$.paths['/api/v1/feeds/changes.atom'].get")
			.exists()
			.jsonPath("$.paths['/api/v1/revisions'].get.responses['200'].content['application/json'].schema.$ref")
			.value((String ref) -> assertThat(ref).endsWith("RevisionsResponse"))
			.jsonPath("$.paths['/api/v1/series'].get.responses['200'].content['application/json'].schema.$ref")
			.value((String ref) -> assertThat(ref).endsWith("SeriesResponse"))
			.jsonPath("$.paths['/api/v1/compare'].get.responses['200'].content['application/json'].schema.$ref")
			.value((String ref) -> assertThat(ref).endsWith("CompareResponse"));
	}

	private static Document parse(byte[] body) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder()
			.parse(new ByteArrayInputStream(new String(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)));
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
