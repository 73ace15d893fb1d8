package nl.llomonitor.importer.catalog;

import java.time.Duration;

import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the mapping poller logs when the uploads cannot be looked up (a context without a
 * database, as while the app stops): no folder that was never set, and nothing at WARN
 * once the service is stopping.
 */
@ExtendWith(OutputCaptureExtension.class)
class MappingServiceTests {

	@Test
	void anUnsetFolderIsNotBlamedAndStoppingIsQuiet(CapturedOutput output) {
		MappingService service = new MappingService(null, DSL.using(SQLDialect.POSTGRES), "", Duration.ZERO);
		service.reloadIfChanged();
		assertThat(output.getAll()).doesNotContain("Mapping folder null")
			.contains("Mappings could not be checked for changes (uploads)");
		int before = output.getAll().length();
		service.stop();
		service.reloadIfChanged();
		assertThat(output.getAll().substring(before)).doesNotContain("WARN");
	}

}
