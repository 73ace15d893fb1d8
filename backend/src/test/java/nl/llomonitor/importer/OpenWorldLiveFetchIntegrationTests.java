package nl.llomonitor.importer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;
import nl.llomonitor.SharedData;
import nl.llomonitor.system.DatabaseConfiguration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static nl.llomonitor.db.Tables.INDICATOR;
import static nl.llomonitor.importer.CurrentValues.value;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live fetch by table id imports the table with its own measures and the metadata the
 * API serves beside the observations (OData v4 {@code MeasureCodes}, {@code Dimensions},
 * code lists): a local server replays the saved CBS responses of 80072ned.
 */
@SpringBootTest(properties = "llo.import.demo=false")
@Import(OpenWorldDatabaseConfiguration.class)
class OpenWorldLiveFetchIntegrationTests {

	private static HttpServer server;

	private static String base;

	@Autowired
	@Qualifier(DatabaseConfiguration.JDBC_DSL)
	private DSLContext jdbc;

	@BeforeAll
	static void replayServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		base = "http://127.0.0.1:" + server.getAddress().getPort();
		Path v4 = SharedData.file("cbs/odata4_80072ned/Observations.json").getParent();
		server.createContext("/", (exchange) -> {
			String path = exchange.getRequestURI().getPath();
			Path file = path.startsWith("/CBS/80072ned/")
					? v4.resolve(path.substring("/CBS/80072ned/".length()) + ".json") : null;
			byte[] body = (file != null && Files.isRegularFile(file)) ? Files.readString(file, StandardCharsets.UTF_8)
				.replace("https://beta-odata4.cbs.nl", base)
				.getBytes(StandardCharsets.UTF_8) : "{}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders((file != null && Files.isRegularFile(file)) ? 200 : 404, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
			exchange.close();
		});
		server.start();
	}

	@AfterAll
	static void stopServer() {
		server.stop(0);
	}

	@Test
	void aTableFetchedByIdBringsItsMeasuresWithTitleUnitAndDecimals() {
		ImportService importer = new ImportService(this.jdbc, new ImportProperties("off", false,
				base + "/ODataFeed/odata", base + "/CBS", 2, Duration.ofMillis(10), null));
		ImportReport report = importer.fetchTable("80072ned", true, new ImportOptions(null, true, false));
		assertThat(report.tableId()).isEqualTo("80072ned");
		assertThat(report.rowsRead()).isEqualTo(4409);
		var indicator = this.jdbc.selectFrom(INDICATOR).where(INDICATOR.CODE.eq("cbs_80072ned__m001924")).fetchSingle();
		assertThat(indicator.getNameNl()).isEqualTo("Ziekteverzuimpercentage");
		assertThat(indicator.getUnit()).isEqualTo("percent");
		assertThat(indicator.getDecimals()).isEqualTo((short) 1);
		assertThat(indicator.getSourceKey()).isEqualTo("M001924");
		// a sector of the SBI dimension keeps its CBS key and title; the total is no
		// breakdown
		assertThat(this.jdbc.fetchValue("select is_total from dimension_member where dimension_code = ? and code = ?",
				"cbs_80072ned__bedrijfskenmerkensbi2008", "T001081"))
			.as("T001081 is the total")
			.isEqualTo(true);
		assertThat(this.jdbc.fetchValue("select name_nl from dimension_member where dimension_code = ? and code = ?",
				"cbs_80072ned__bedrijfskenmerkensbi2008", "383100"))
			.isEqualTo("H Vervoer en opslag");
		assertThat(this.jdbc.fetchValue("select name_nl from dimension where code = ?",
				"cbs_80072ned__bedrijfskenmerkensbi2008"))
			.isEqualTo("Bedrijfskenmerken (SBI 2008)");
		assertThat(value(this.jdbc, "cbs_80072ned__m001924", "NL01", "1996KW01", "")).isEqualByComparingTo("5.5");
	}

}
