package nl.llomonitor.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed demo data set equals the published figures in the shared files.
 */
class DemoDataTests {

	@Test
	void committedDemoDataMatchesTheSharedFiles() throws IOException {
		String committed;
		try (InputStream in = new ClassPathResource(StoreInitializer.DEMO).getInputStream()) {
			committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(committed).isEqualTo(DemoDataTool.render(DemoDataTool.build()));
		assertThat(committed).contains("85268NED;werkloosheidspercentage;PV26;2023KW02;;3.3;;;definitief;")
			.contains("85268NED;netto_arbeidsparticipatie;PV21;2023KW02;;72.6;;;definitief;")
			.contains("83599NED;vacatures;PV26;2019KW04;;27.1;;;definitief;")
			.contains("85554NED;ww_uitkeringen;NL01;2024MM11;;166540.0;164040.0;;definitief;")
			.contains("85315NED;llo_deelnemers;NL01;2023JJ00;llo_type=formeel;2473;;;definitief;")
			.contains("trng_lfse_04;llo_deelname_eurostat;PV26;2021JJ00;;")
			.contains("trng_lfse_04;llo_deelname_eurostat;NL01;2023JJ00;;26.4;;;niet_vermeld;")
			// grijze druk: observed (65-74 + 75-84 + 85+, StatusCijfer Voorlopig) and the
			// forecast
			.contains("60039fvw;bevolking_65_plus;NL01;2017JJ00;;3159660.0;;;voorlopig;")
			.contains("60039fvw;bevolking_20_64;PV26;2007JJ00;;738744.0;;;voorlopig;")
			.contains("82220NED;bevolking_65_plus_prognose;PV26;2040JJ00;;339.9;;;");
	}

}
