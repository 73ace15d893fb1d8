package nl.llomonitor.reliability;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import nl.llomonitor.system.TestDatabaseConfiguration;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes every query parameter and path variable of the public API with hostile values
 * from a seeded generator (SQL fragments, huge numbers, unicode, empty strings, control
 * characters and NUL, long region lists, malformed period codes and breakdowns, odd
 * dates, hostile Accept headers). Every answer must be 200 or a 4xx problem+json without
 * internals: zero 5xx, and no request without an answer (every request line here is under
 * the HTTP layer's 64 KiB limit, so the app answers each). The seed is fixed (override
 * with {@code -Dllo.fuzz.seed}), so a failure is reproducible; the count is bounded.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "5s")
@Import(TestDatabaseConfiguration.class)
class HostileQueryIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(HostileQueryIntegrationTests.class);

	static final long SEED = Long.getLong("llo.fuzz.seed", 20261123L);

	static final int REQUESTS = Integer.getInteger("llo.fuzz.requests", 700);

	private static final Map<String, List<String>> ENDPOINTS = new LinkedHashMap<>();

	static {
		ENDPOINTS.put("/api/v1/regions", List.of("level", "parent", "date", "lang"));
		ENDPOINTS.put("/api/v1/regions/{code}", List.of("date", "lang"));
		ENDPOINTS.put("/api/v1/indicators", List.of("lang"));
		ENDPOINTS.put("/api/v1/indicators/{code}", List.of("lang"));
		ENDPOINTS.put("/api/v1/periods", List.of("indicator", "type", "lang"));
		ENDPOINTS.put("/api/v1/series", List.of("indicator", "regions", "from", "to", "periodType", "breakdown", "asOf",
				"forecast", "format", "lang"));
		ENDPOINTS.put("/api/v1/compare", List.of("indicator", "regions", "period", "breakdown", "format", "lang"));
		ENDPOINTS.put("/api/v1/trend", List.of("indicator", "region", "breakdown", "from", "to", "periodType", "lang"));
		ENDPOINTS.put("/api/v1/kerncijfers/{code}", List.of("lang"));
		ENDPOINTS.put("/api/v1/map", List.of("indicator", "level", "period", "breakdown", "lang"));
		ENDPOINTS.put("/api/v1/geo/{code}", List.of("lang"));
	}

	private static final List<String> INDICATORS = List.of("netto_arbeidsparticipatie", "werkloosheidspercentage",
			"llo_deelname", "spanningsindicator", "grijze_druk", "vacatures", "ww_uitkeringen", "llo_deelnemers");

	private static final List<String> REGIONS = List.of("NL01", "PV26", "PV21", "LD01", "AM15", "CR17", "GM0344");

	private static final List<String> PERIODS = List.of("2023KW02", "2023JJ00", "2024MM11", "2021KW01", "2019JJ00");

	private static final List<String> HOSTILE = List.of("", " ", "   ", "'", "\"", "' OR '1'='1", "' OR 1=1--",
			"PV26'); drop table observation;--", "1; select pg_sleep(30)--", "$1", "?", "%", "%%", "\\", "\\'", "null",
			"NULL", "undefined", "true", "-1", "0", "2147483648", "-9223372036854775809",
			"99999999999999999999999999999999", "1e308", "NaN", "Infinity", "\u0000", "PV26\u0000", "\u0000PV26", "\n",
			"\r\n", "PV26\r\nX-Injected: 1", "\t", "\u0007", "\u001b[31m", "\u007f", "\u00a0PV26", "\u200bPV26",
			"\u202ePV26", "Fryslân", "ǅ", "𝕌𝕥𝕣𝕖𝕔𝕙𝕥", "😀", "\uD800", "\uFFFD", "ＰＶ２６", "２０２３KW02", "٢٠٢٣KW02",
			"<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "../../etc/passwd", "..%2f..%2f",
			"=cmd|' /C calc'!A0", "@SUM(1+1)", ",", ",,,", ";", "*", "pv26", "PV", "PV2", "PV266666", "NL01,", ",NL01",
			"NL01,,PV26");

	private static final List<String> PERIOD_LIKE = List.of("2023KW05", "2023KW00", "2023MM13", "2023MM00", "0000JJ00",
			"9999JJ00", "2023kw02", "2023KW2", "KW02", "2023", "23KW02", "2023JJ00x", "2023JJ01", "-2023KW02",
			"+2023KW02", "20230KW02", "2023-Q2", "2023Q2", "2023KW02,2023KW03", "1900MM01", "2999MM12");

	private static final List<String> BREAKDOWN_LIKE = List.of("sex", "sex:", ":man", "sex:man,sex:vrouw", "sex:man,,",
			"a:b:c", "education_level:hoog;labour_position:werkzaam", "education_level=hoog", "SEX:MAN", "unknown:x",
			"llo_type:formeel", "sex:man,education_level:hoog,age_group:25_35,"
					+ "labour_position:werkzaam,llo_type:formeel,sector:A,occupation_class:1",
			":", "::", ",:,");

	private static final List<String> DATE_LIKE = List.of("2024-01-01", "2024-02-30", "2024-13-01", "0000-01-01",
			"-999999999-01-01", "+999999999-12-31", "2024-01-01T00:00:00Z", "2024-01-01T25:00", "1700000000",
			"2024/01/01", "01-01-2024", "2024-1-1");

	/** How long a request may take: the test client's timeout above. */
	private static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(5);

	private record Timed(long millis, String uri) {
	}

	@Autowired
	private WebTestClient client;

	@LocalServerPort
	private int port;

	@Test
	void hostileQueryParametersNeverGive5xx() {
		Random random = new Random(SEED);
		List<String> endpoints = new ArrayList<>(ENDPOINTS.keySet());
		Map<Integer, Integer> statuses = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		java.util.PriorityQueue<Timed> slowest = new java.util.PriorityQueue<>(
				java.util.Comparator.comparingLong(Timed::millis));
		long deadline = System.nanoTime() + 240_000_000_000L;
		int sent = 0;
		for (; sent < REQUESTS && System.nanoTime() < deadline; sent++) {
			String template = endpoints.get(random.nextInt(endpoints.size()));
			String path = template.replace("{code}", encode(pathValue(random)));
			Map<String, String> query = new LinkedHashMap<>();
			for (String parameter : ENDPOINTS.get(template)) {
				if (random.nextInt(3) > 0) {
					query.put(parameter, valid(parameter, random));
				}
			}
			// one to three parameters hostile
			List<String> names = ENDPOINTS.get(template);
			for (int k = 1 + random.nextInt(3); k > 0; k--) {
				String parameter = (random.nextInt(8) == 0) ? "x" + random.nextInt(3)
						: names.get(random.nextInt(names.size()));
				query.put(parameter, hostile(parameter, random));
			}
			String uri = path + (query.isEmpty() ? ""
					: "?" + query.entrySet()
						.stream()
						.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
						.collect(Collectors.joining("&")));
			WebTestClient.RequestHeadersSpec<?> request = this.client.get()
				.uri(URI.create("http://127.0.0.1:" + this.port + uri));
			if (random.nextInt(6) == 0) {
				request = request.header(HttpHeaders.ACCEPT,
						pick(random,
								List.of("text/csv", "application/json+stat", "*/*;q=0", "text/html;q=0.1",
										"application/xml", "garbage///", "", "text/csv;q=2",
										"application/vnd.json-stat+json", "application/json;charset=utf-16")));
			}
			if (random.nextInt(6) == 0) {
				request = request.header(HttpHeaders.ACCEPT_LANGUAGE,
						pick(random, List.of("en", "fy-NL", "*", "en;q=abc", "xx-YY-ZZ-1234567890", ";;;", "nl;q=-1")));
			}
			long started = System.nanoTime();
			EntityExchangeResult<byte[]> result;
			try {
				result = request.exchange().expectBody().returnResult();
			}
			catch (IllegalStateException ex) {
				// no answer within the client's timeout: name the request, not just the
				// timeout
				failures.add("no answer within " + TIMEOUT + " (" + ex.getMessage() + "): "
						+ uri.substring(0, Math.min(uri.length(), 300)));
				continue;
			}
			slowest.add(new Timed((System.nanoTime() - started) / 1_000_000,
					uri.substring(0, Math.min(uri.length(), 120))));
			if (slowest.size() > 5) {
				slowest.poll();
			}
			int status = result.getStatus().value();
			statuses.merge(status, 1, Integer::sum);
			// every request line here (up to about 9,000 characters) is under the HTTP
			// layer's 64 KiB limit, so the app itself answers each with a problem
			String problem = check(status, result.getResponseHeaders(), result.getResponseBody());
			if (problem != null) {
				failures.add(status + " " + uri.substring(0, Math.min(uri.length(), 300)) + " : " + problem);
			}
		}
		int raw = rawRequests(statuses, failures);
		logger.info("FUZZ-QUERY seed={} requests={} raw={} statuses={} failures={} slowest={}", SEED, sent, raw,
				statuses, failures.size(),
				slowest.stream().sorted(java.util.Comparator.comparingLong(Timed::millis).reversed()).toList());
		assertThat(failures).as("requests answered wrongly (seed %d)", SEED).isEmpty();
		assertThat(statuses.keySet()).allSatisfy((s) -> assertThat(s).isLessThan(500));
		assertThat(sent).isGreaterThanOrEqualTo(Math.min(REQUESTS, 200));
	}

	@Test
	void veryLongRegionListsAreRefusedNotServed() {
		// up to 5,000 codes (35,000 characters): under the 64 KiB request line, so the
		// app
		// answers, on the same kept-alive connection, with a problem naming the parameter
		for (int n : new int[] { 51, 500, 5_000 }) {
			EntityExchangeResult<byte[]> result = this.client.get()
				.uri("/api/v1/series?indicator=netto_arbeidsparticipatie&regions=" + regionList(n))
				.exchange()
				.expectBody()
				.returnResult();
			assertThat(result.getStatus().value()).as("%d regions", n).isEqualTo(400);
			assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8))
				.contains("/problems/range-too-wide")
				.contains("\"parameter\":\"regions\"");
		}
	}

	@Test
	void aRequestLineOverTheLimitIsRefusedByTheHttpLayer() throws java.io.IOException {
		// 20,000 codes (140,000 characters): over the 64 KiB limit, refused before the
		// app
		String target = "/api/v1/series?indicator=netto_arbeidsparticipatie&regions=" + regionList(20_000);
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
			}
			catch (java.io.IOException ex) {
				// the server may answer and close before the last of 140 KB is written:
				// its
				// answer is still there to read
			}
			String head = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
			assertThat(head).isEqualTo("HTTP/1.1 414");
		}
	}

	private static String regionList(int n) {
		return IntStream.range(0, n).mapToObj((i) -> "GM" + (1000 + i % 9000)).collect(Collectors.joining(","));
	}

	@Test
	void malformedAcceptHeaderStillGivesAProblemWithABody() {
		this.client.get()
			.uri("/api/v1/indicators?lang=xx")
			.header(HttpHeaders.ACCEPT, "garbage///")
			.exchange()
			.expectStatus()
			.isEqualTo(400)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/invalid-parameter")
			.jsonPath("$.parameter")
			.isEqualTo("lang");
	}

	/**
	 * Requests no HTTP client library would send (invalid percent escapes, raw control
	 * characters, non-UTF-8 bytes), written to the socket directly.
	 */
	private int rawRequests(Map<Integer, Integer> statuses, List<String> failures) {
		List<String> targets = List.of("/api/v1/series?indicator=%zz&regions=PV26",
				"/api/v1/series?indicator=netto_arbeidsparticipatie&regions=%",
				"/api/v1/compare?indicator=%C0%AE&regions=PV26,PV21", "/api/v1/regions?level=%FF%FE",
				"/api/v1/kerncijfers/%00", "/api/v1/trend?indicator=werkloosheidspercentage&region=PV26%0d%0aX:1",
				"/api/v1/map?indicator=\u00ff&level=provincie", "/api/v1/series?;;;&&&==", "/api/v1/../../etc/passwd",
				"/api/v1/indicators/%2e%2e%2f%2e%2e%2f", "/api//v1///regions",
				"/api/v1/regions?" + "a=1&".repeat(2000));
		int n = 0;
		for (String target : targets) {
			try (Socket socket = new Socket("127.0.0.1", this.port)) {
				socket.setSoTimeout(10_000);
				OutputStream out = socket.getOutputStream();
				out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
				InputStream in = socket.getInputStream();
				ByteArrayOutputStream response = new ByteArrayOutputStream();
				in.transferTo(response);
				String text = response.toString(StandardCharsets.ISO_8859_1);
				int status = Integer.parseInt(text.substring(9, 12));
				statuses.merge(status, 1, Integer::sum);
				n++;
				if (status >= 500 || text.contains("Exception") || text.contains("at nl.llomonitor")) {
					failures.add(status + " raw " + target + " : " + text.substring(0, Math.min(400, text.length())));
				}
			}
			catch (java.io.IOException ex) {
				failures.add("raw " + target + " : " + ex);
			}
		}
		return n;
	}

	/**
	 * @return null if the answer is acceptable, else what is wrong
	 */
	static String check(int status, HttpHeaders headers, byte[] body) {
		if (status >= 500) {
			return "server error";
		}
		if (status == 200 || status == 304) {
			return null;
		}
		if (status < 400) {
			return "unexpected status";
		}
		MediaType type = headers.getContentType();
		if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
			return "not problem+json: " + type;
		}
		String text = (body != null) ? new String(body, StandardCharsets.UTF_8) : "";
		if (!text.contains("\"type\":\"/problems/") || !text.contains("\"status\":" + status)) {
			return "problem without type/status: " + text;
		}
		for (String leak : List.of("Exception", "\tat ", "at nl.llomonitor", "org.jooq", "io.r2dbc", "SQLState",
				"syntax error at or near")) {
			if (text.contains(leak)) {
				return "internals leaked (" + leak + "): " + text;
			}
		}
		return null;
	}

	private static String pathValue(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> pick(random, REGIONS);
			case 1 -> pick(random, INDICATORS);
			case 2 -> pick(random, List.of("provincie", "arbeidsmarktregio", "gemeente", "land"));
			default -> hostile("code", random);
		};
	}

	private static String valid(String parameter, Random random) {
		return switch (parameter) {
			case "indicator" -> pick(random, INDICATORS);
			case "regions" -> String.join(",", REGIONS.subList(0, 1 + random.nextInt(REGIONS.size())));
			case "region", "parent" -> pick(random, REGIONS);
			case "from", "to", "period" -> pick(random, PERIODS);
			case "periodType", "type" -> pick(random, List.of("year", "quarter", "month"));
			case "breakdown" -> pick(random, List.of("", "sex:man", "education_level:hoog", "llo_type:formeel"));
			case "asOf", "date" -> pick(random, List.of("2024-01-01", "2023-06-30"));
			case "forecast" -> pick(random, List.of("grijze_druk_prognose", "bevolking_65_plus_prognose"));
			case "format" -> pick(random, List.of("json", "csv", "jsonstat"));
			case "lang" -> pick(random, List.of("nl", "en"));
			case "level" -> pick(random, List.of("provincie", "arbeidsmarktregio", "land", "gemeente"));
			default -> "1";
		};
	}

	static String hostile(String parameter, Random random) {
		int kind = random.nextInt(10);
		switch (kind) {
			case 0:
				// huge value: up to 6,000 characters (9,000 once percent-encoded)
				return repeat(pick(random, List.of("9", "PV26,", "a", "é", "'", "%", "KW")), 1 + random.nextInt(1500));
			case 1:
				return String.join(",",
						IntStream.range(0, 40 + random.nextInt(80))
							.mapToObj((i) -> pick(random, REGIONS) + ((random.nextInt(10) == 0) ? "'" : ""))
							.toList());
			case 2:
				return pick(random, PERIOD_LIKE);
			case 3:
				return pick(random, BREAKDOWN_LIKE);
			case 4:
				return pick(random, DATE_LIKE);
			case 5:
				// random code points, including controls, surrogates' neighbours and
				// astral planes
				StringBuilder s = new StringBuilder();
				for (int i = random.nextInt(24); i > 0; i--) {
					int cp = switch (random.nextInt(4)) {
						case 0 -> random.nextInt(0x20);
						case 1 -> 0x20 + random.nextInt(0x5f);
						case 2 -> 0xa0 + random.nextInt(0xd000);
						default -> 0x10000 + random.nextInt(0x10000);
					};
					s.appendCodePoint(cp);
				}
				return s.toString();
			default:
				return pick(random, HOSTILE);
		}
	}

	private static String repeat(String s, int n) {
		return s.repeat(n);
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

}
