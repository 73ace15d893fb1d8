package nl.llomonitor.api;

import nl.llomonitor.cube.Period;
import nl.llomonitor.cube.PeriodFormatException;
import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web boundary turns the vocabulary's period parse error into a 400 problem also
 * where a code reached the vocabulary unchecked (controllers name the parameter through
 * {@code PeriodCode.parse}).
 */
class PeriodProblemTests {

	@Test
	void anUncheckedCodeIsStillA400Problem() {
		PeriodFormatException error = null;
		try {
			Period.parse("gisteren");
		}
		catch (PeriodFormatException ex) {
			error = ex;
		}
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/series"));
		ProblemFactory.Problem problem = ProblemFactory.from(error, exchange);
		assertThat(problem.body().getStatus()).isEqualTo(400);
		assertThat(problem.body().getType().toString()).endsWith("invalid-parameter");
		assertThat(problem.body().getDetail()).contains("got 'gisteren'");
	}

}
