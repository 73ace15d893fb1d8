package nl.llomonitor.importer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import nl.llomonitor.SharedData;
import nl.llomonitor.system.DatabaseConfiguration;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static nl.llomonitor.importer.CurrentValues.current;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The live fetch of a CBS table against a local HTTP server that replays the real saved
 * OData v3 and v4 responses (with their next links pointing to it): paging, a retry after
 * a 503, a conditional request answered 304, and a table that does not exist.
 */
@SpringBootTest
@Import(TestDatabaseConfiguration.class)
class LiveFetchIntegrationTests {

	private static HttpServer server;

	private static String base;

	private static final List<String> requests = new CopyOnWriteArrayList<>();

	private static final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

	/**
	 * When set, the v4 observations are served in pages of this many, with next links.
	 */
	private static volatile int v4PageSize;

	/**
	 * When set, the v3 data set is answered with the case 08 page: capped, no next link.
	 */
	private static volatile boolean capV3;

	@Autowired
	@Qualifier(DatabaseConfiguration.JDBC_DSL)
	private DSLContext jdbc;

	@Autowired
	private ImportService bean;

	@BeforeAll
	static void replayServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		base = "http://127.0.0.1:" + server.getAddress().getPort();
		Path v3 = SharedData.file("cbs/odata3_83599NED/UntypedDataSet_page1.json").getParent();
		Path v4 = SharedData.file("cbs/odata4_80072ned/Observations.json").getParent();
		server.createContext("/", (exchange) -> {
			String target = exchange.getRequestURI().toString();
			requests.add(target + " " + exchange.getRequestHeaders().getFirst("If-None-Match"));
			AtomicInteger failures = failuresLeft.get(exchange.getRequestURI().getPath());
			if (failures != null && failures.getAndDecrement() > 0) {
				exchange.getResponseHeaders().set("Retry-After", "0");
				send(exchange, 503, new byte[0]);
				return;
			}
			String path = exchange.getRequestURI().getPath();
			String query = String.valueOf(exchange.getRequestURI().getRawQuery());
			Path file = null;
			if (capV3 && path.equals("/ODataFeed/odata/83599NED/TypedDataSet")) {
				file = SharedData.caseFile("08-odataapi-capped-10000.json");
			}
			else if (v4PageSize > 0 && path.equals("/CBS/80072ned/Observations")) {
				send(exchange, 200, page(v4.resolve("Observations.json"), query).getBytes(StandardCharsets.UTF_8));
				return;
			}
			else if (path.equals("/ODataFeed/odata/83599NED/TypedDataSet")) {
				if ("\"83599-v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
					exchange.getResponseHeaders().set("ETag", "\"83599-v1\"");
					send(exchange, 304, null);
					return;
				}
				exchange.getResponseHeaders().set("ETag", "\"83599-v1\"");
				file = v3.resolve("UntypedDataSet_page1.json");
			}
			else if (path.equals("/ODataFeed/OData/83599NED/UntypedDataSet/") && query.contains("skip=10000")) {
				file = v3.resolve("UntypedDataSet_page2_skip10000.json");
			}
			else if (path.startsWith("/CBS/80072ned/")) {
				Path candidate = v4.resolve(path.substring("/CBS/80072ned/".length()) + ".json");
				file = Files.isRegularFile(candidate) ? candidate : null;
			}
			if (file == null) {
				send(exchange, 404, "{}".getBytes(StandardCharsets.UTF_8));
				return;
			}
			String body = Files.readString(file, StandardCharsets.UTF_8)
				.replace("https://opendata.cbs.nl", base)
				.replace("https://beta-odata4.cbs.nl", base);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			send(exchange, 200, body.getBytes(StandardCharsets.UTF_8));
		});
		server.start();
	}

	/**
	 * One page of the saved v4 observations, each with a {@code StringValue}, with an
	 * {@code @odata.nextLink} to the next unless it is the last.
	 */
	private static String page(Path observations, String query) throws IOException {
		tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
		tools.jackson.databind.node.ObjectNode all = (tools.jackson.databind.node.ObjectNode) json
			.readTree(observations.toFile());
		tools.jackson.databind.node.ArrayNode values = (tools.jackson.databind.node.ArrayNode) all.get("value");
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("skip=([0-9]+)").matcher(query);
		int skip = m.find() ? Integer.parseInt(m.group(1)) : 0;
		tools.jackson.databind.node.ObjectNode page = json.createObjectNode();
		page.put("@odata.context", all.get("@odata.context").asString());
		tools.jackson.databind.node.ArrayNode slice = page.putArray("value");
		for (int i = skip; i < Math.min(values.size(), skip + v4PageSize); i++) {
			// as CBS's current v4 API writes it: with StringValue beside Value (case 06)
			((tools.jackson.databind.node.ObjectNode) values.get(i)).putNull("StringValue");
			slice.add(values.get(i));
		}
		if (skip + v4PageSize < values.size()) {
			page.put("@odata.nextLink", base + "/CBS/80072ned/Observations?$skip=" + (skip + v4PageSize));
		}
		return json.writeValueAsString(page);
	}

	private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.sendResponseHeaders(status, (body == null || status == 304) ? -1 : body.length);
		if (body != null && status != 304) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		exchange.close();
	}

	@AfterAll
	static void stopServer() {
		server.stop(0);
	}

	private ImportService importer() {
		return new ImportService(this.jdbc, new ImportProperties("off", false, base + "/ODataFeed/odata", base + "/CBS",
				3, Duration.ofMillis(20), null));
	}

	@Test
	void fetchesBothPagesRetriesAfterA503AndAsksConditionallyTheNextTime() {
		failuresLeft.put("/ODataFeed/odata/83599NED/TypedDataSet", new AtomicInteger(1));
		requests.clear();
		ImportReport report = importer().fetchTable("83599NED", false);
		assertThat(report.format()).isEqualTo("cbs-odata3");
		assertThat(report.tableId()).isEqualTo("83599NED");
		assertThat(report.rowsRead()).isEqualTo(15_504);
		assertThat(report.warnings()).contains("2 pages read (odata.nextLink)");
		assertThat(requests).filteredOn((r) -> r.startsWith("/ODataFeed/odata/83599NED/TypedDataSet")).hasSize(2);
		assertThat(requests).anyMatch((r) -> r.contains("skip=10000"));
		assertThat(current(this.jdbc, "vacatures", "PV26", "2019KW04")).isEqualByComparingTo("26.7");

		ImportReport again = importer().fetchTable("83599NED", false);
		assertThat(again.status()).isEqualTo("unchanged");
		assertThat(again.rowsRead()).isZero();
		assertThat(again.warnings()).anyMatch((w) -> w.contains("304"));
		assertThat(requests.get(requests.size() - 1)).endsWith("\"83599-v1\"");

		// the newer published vintage (the 2025 CSV) is current again
		this.bean.importFile(SharedData.file("cbs/83599NED.csv"), true);
		assertThat(current(this.jdbc, "vacatures", "PV26", "2019KW04")).isEqualByComparingTo("27.1");
	}

	@Test
	void fetchesODataV4ObservationsWithTheirCodeLists() {
		ImportReport report = importer().fetchTable("80072ned", true);
		assertThat(report.format()).isEqualTo("cbs-odata4");
		assertThat(report.rowsRead()).isEqualTo(4409);
		assertThat(current(this.jdbc, "ziekteverzuim", "NL01", "1996KW01")).isEqualByComparingTo("5.5");
		assertThat(requests).anyMatch((r) -> r.startsWith("/CBS/80072ned/PeriodenCodes"));
	}

	@Test
	void aLiveV4FetchFollowsEveryNextLinkAndIsComplete() {
		v4PageSize = 1000;
		try {
			requests.clear();
			ImportReport report = importer().fetchTable("80072ned", true);
			assertThat(report.rowsRead()).isEqualTo(4409);
			assertThat(report.complete()).as("as many as Properties.ObservationCount").isTrue();
			assertThat(report.warnings()).contains("5 pages read (odata.nextLink)");
			assertThat(report.warnings()).noneMatch((w) -> w.contains("StringValue"));
			assertThat(requests).filteredOn((r) -> r.startsWith("/CBS/80072ned/Observations")).hasSize(5);
		}
		finally {
			v4PageSize = 0;
		}
	}

	@Test
	void aLiveResponseCutOffAtTheCapIsRefusedUnlessAllowed() {
		capV3 = true;
		try {
			assertThatThrownBy(() -> importer().fetchTable("83599NED", false)).isInstanceOf(ImportException.class)
				.hasMessageContaining("probably incomplete")
				.hasMessageContaining("without odata.nextLink");
			ImportReport allowed = importer().fetchTable("83599NED", false, true);
			assertThat(allowed.complete()).isFalse();
			assertThat(allowed.rowsRead()).isEqualTo(10_000);
		}
		finally {
			capV3 = false;
		}
	}

	@Test
	void theWaitTheServerAsksForInRetryAfterIsKept() {
		// a back-off of a minute, but the server asks to retry at once: the fetch does
		// not wait the minute
		failuresLeft.put("/CBS/80072ned/Observations", new AtomicInteger(2));
		ImportService patient = new ImportService(this.jdbc, new ImportProperties("off", false,
				base + "/ODataFeed/odata", base + "/CBS", 3, Duration.ofMinutes(1), null));
		long started = System.nanoTime();
		ImportReport report = patient.fetchTable("80072ned", true);
		assertThat(report.rowsRead()).isEqualTo(4409);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
		assertThat(failuresLeft.get("/CBS/80072ned/Observations").get()).isNegative();
	}

	@Test
	void anUnknownTableIsAClearError() {
		assertThatThrownBy(() -> importer().fetchTable("99999NED", false)).isInstanceOf(ImportException.class)
			.hasMessageContaining("99999NED")
			.hasMessageContaining("not found (404)");
		assertThatThrownBy(() -> importer().fetchTable("../etc", false)).isInstanceOf(ImportException.class)
			.hasMessageContaining("invalid table id");
	}

}
