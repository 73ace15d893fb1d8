package nl.llomonitor.observation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceTests {

	@Test
	void aDerivedValueNamesBothTablesBehindIt() {
		assertThat(Source.tablesOf("85268NED")).containsExactly("85268NED");
		assertThat(Source.tablesOf("83599NED / 85554NED")).containsExactly("83599NED", "85554NED");
		// only the separator splits: a table id with a slash of its own stays whole
		assertThat(Source.tablesOf("trng_lfse_04/NL")).containsExactly("trng_lfse_04/NL");
	}

}
