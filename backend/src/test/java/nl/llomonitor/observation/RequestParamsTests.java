package nl.llomonitor.observation;

import nl.llomonitor.api.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Required parameters: several missing at once are named together in one problem.
 */
class RequestParamsTests {

	@Test
	void severalMissingParametersAreNamedTogether() {
		assertThatThrownBy(() -> RequestParams.required("indicator", null, "regions", " ", "period", null))
			.isInstanceOfSatisfying(ApiException.class, (ex) -> {
				org.assertj.core.api.Assertions.assertThat(ex.getParameter()).isEqualTo("indicator");
				org.assertj.core.api.Assertions.assertThat(ex.getMessage())
					.isEqualTo("Parameters 'indicator', 'regions' and 'period' are required.");
			});
		assertThatThrownBy(() -> RequestParams.required("indicator", "", "regions", null))
			.hasMessage("Parameters 'indicator' and 'regions' are required.");
	}

	@Test
	void oneMissingParameterIsLeftToItsOwnCheck() {
		assertThatCode(() -> RequestParams.required("indicator", "werkloosheidspercentage", "regions", null))
			.doesNotThrowAnyException();
		assertThatCode(() -> RequestParams.required("indicator", "x", "regions", "PV26")).doesNotThrowAnyException();
		assertThatThrownBy(() -> RequestParams.regions(null, "regions", 1)).isInstanceOf(ApiException.class)
			.hasMessageContaining("Parameter 'regions' is required");
	}

}
