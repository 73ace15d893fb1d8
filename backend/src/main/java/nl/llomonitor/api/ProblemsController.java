package nl.llomonitor.api;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Serves a short explanation at every problem type URI {@code /problems/{slug}}.
 */
@RestController
@Hidden
class ProblemsController {

	private static final Map<String, String[]> PROBLEMS = new LinkedHashMap<>();

	static {
		add("unknown-region", "Unknown region",
				"The region code does not exist. Region codes are CBS codes such as NL01, PV26 or AM15; GET /api/v1/regions lists them.");
		add("unknown-indicator", "Unknown indicator",
				"The indicator code does not exist. GET /api/v1/indicators lists them.");
		add("unknown-table", "Unknown table",
				"No data of this table has been imported. GET /api/v1/tables lists the imported tables.");
		add("not-found", "Not found", "There is no resource at this address.");
		add("invalid-parameter", "Invalid parameter",
				"A request parameter is missing or malformed; the 'parameter' member names it. Period codes look like 2023JJ00, 2023KW02 or 2024MM11.");
		add("unsupported-period-type", "Unsupported period type",
				"The indicator has no figures of the period type asked (or of the type of the period asked); 'value' is the type asked, 'periodTypes' lists the indicator's own.");
		add("range-too-wide", "Range too wide",
				"The request asks for too much at once: at most 50 regions and 600 periods.");
		add("method-not-allowed", "Method not allowed",
				"The public API is read-only: only GET, HEAD and OPTIONS are allowed.");
		add("not-acceptable", "Not acceptable",
				"The Accept header asks for a format we do not produce. Supported: application/json, text/csv, application/json+stat.");
		add("unauthorized", "Unauthorized", "Admin endpoints need a bearer token.");
		add("forbidden", "Forbidden", "The token given is not valid.");
		add("rate-limited", "Rate limited", "Too many requests in a short time; wait and try again.");
		add("import-failed", "Import failed",
				"The uploaded file could not be imported; the detail names file, line, column, value and what was expected. Nothing was written.");
		add("database-unavailable", "Database unavailable",
				"The statistics database cannot be reached. The service recovers by itself when it is back; retry after a few seconds.");
		add("overloaded", "Overloaded",
				"The service is busy with other requests (its database is up). Retry after the seconds in Retry-After.");
		add("import-busy", "Import busy",
				"Another import holds the import lock, or too many imports are waiting. Retry after the seconds in Retry-After; GET /api/admin/imports shows what is running.");
		add("internal-error", "Internal error", "Something unexpected went wrong. It has been logged.");
	}

	private static void add(String slug, String title, String text) {
		PROBLEMS.put(slug, new String[] { title, text });
	}

	static String title(String slug) {
		String[] problem = PROBLEMS.get(slug);
		return (problem != null) ? problem[0] : slug;
	}

	@GetMapping(path = "/problems/{slug}", produces = MediaType.TEXT_HTML_VALUE)
	String explain(@PathVariable String slug) {
		String[] problem = PROBLEMS.get(slug);
		if (problem == null) {
			throw ApiException.notFound("No problem type '" + slug + "'.");
		}
		return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
				+ HtmlUtils.htmlEscape(problem[0]) + "</title></head><body><h1>" + HtmlUtils.htmlEscape(problem[0])
				+ "</h1><p>" + HtmlUtils.htmlEscape(problem[1]) + "</p><p>Type: <code>/problems/" + slug
				+ "</code> (RFC 9457). See docs/api.md.</p></body></html>";
	}

}
