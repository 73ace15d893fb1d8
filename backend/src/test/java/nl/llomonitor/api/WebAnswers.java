package nl.llomonitor.api;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Checks of API answers shared by the endpoint tests of every feature.
 */
public final class WebAnswers {

	private WebAnswers() {
	}

	/**
	 * Checks that the answer is the 400 problem {@code /problems/invalid-parameter}
	 * naming the parameter.
	 * @param response the exchanged request
	 * @param parameter the parameter the problem must name
	 */
	public static void invalidParameter(WebTestClient.ResponseSpec response, String parameter) {
		response.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/invalid-parameter")
			.jsonPath("$.parameter")
			.isEqualTo(parameter);
	}

	/**
	 * Checks that the answer is a 200 and reads its JSON body.
	 * @param response the exchanged request
	 * @param type what to read the body as ({@code Map.class}, {@code List.class}, ...)
	 * @param <T> that type
	 * @return the body
	 */
	public static <T> T ok(WebTestClient.ResponseSpec response, Class<T> type) {
		return response.expectStatus().isOk().expectBody(type).returnResult().getResponseBody();
	}

	/**
	 * Checks that the answer is a 200 CSV download.
	 * @param response the exchanged request
	 * @return the CSV text
	 */
	public static String csv(WebTestClient.ResponseSpec response) {
		return response.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
