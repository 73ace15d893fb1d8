package nl.llomonitor.api;

import nl.llomonitor.system.DataChangeListener;
import nl.llomonitor.system.DatabaseConfiguration;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole app on a random port, on the test PostgreSQL, with the hand-made cube of
 * {@link ApiTestData} in place and seen by the app before each test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "20s")
@Import(TestDatabaseConfiguration.class)
abstract class CubeIntegrationTestSupport {

	@Autowired
	protected WebTestClient client;

	@Autowired
	@Qualifier(DatabaseConfiguration.JDBC_DSL)
	protected DSLContext jdbc;

	@Autowired
	protected DataChangeListener versions;

	@BeforeEach
	void cube() throws InterruptedException {
		ApiTestData.insert(this.jdbc);
		ApiTestData.bumpAndAwait(this.jdbc, this.versions);
	}

}
