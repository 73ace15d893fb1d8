package nl.llomonitor.reliability;

import java.util.ArrayDeque;
import java.util.Deque;

import nl.llomonitor.system.DatabaseEndpoint;
import nl.llomonitor.system.TestDatabase;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * App instances (each a Spring context on its own random port) against one fresh
 * PostgreSQL database of a test: {@link #start} creates the database on first use and
 * starts an instance ({@link Apps#on}); after the test the instances are closed, the last
 * started first, and the database is dropped. Register it with
 * {@code @RegisterExtension}.
 */
final class AppsOnOneDatabase implements AfterEachCallback {

	private final String prefix;

	private final Deque<ConfigurableApplicationContext> started = new ArrayDeque<>();

	private DatabaseEndpoint database;

	/**
	 * @param prefix the name of the test's database, before the process id
	 */
	AppsOnOneDatabase(String prefix) {
		this.prefix = prefix;
	}

	/**
	 * @return the test's database, created on first use
	 */
	DatabaseEndpoint database() throws java.sql.SQLException {
		if (this.database == null) {
			this.database = TestDatabase.createDatabase(this.prefix + "_" + ProcessHandle.current().pid());
		}
		return this.database;
	}

	/**
	 * @param args further arguments of the instance
	 * @return a running instance on the test's database
	 */
	ConfigurableApplicationContext start(String... args) throws java.sql.SQLException {
		ConfigurableApplicationContext app = Apps.on(database(), args);
		this.started.push(app);
		return app;
	}

	@Override
	public void afterEach(ExtensionContext context) throws Exception {
		while (!this.started.isEmpty()) {
			this.started.pop().close();
		}
		TestDatabase.dropDatabase(this.database);
		this.database = null;
	}

}
