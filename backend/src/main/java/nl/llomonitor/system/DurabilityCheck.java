package nl.llomonitor.system;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says loudly at start when the database could lose acknowledged imports: an external
 * PostgreSQL with {@code fsync} or {@code full_page_writes} off (imports set
 * {@code synchronous_commit = on} for their own transaction, so that one is covered). The
 * embedded server always runs with all three on.
 */
@Component
class DurabilityCheck {

	private static final Logger logger = LoggerFactory.getLogger(DurabilityCheck.class);

	private final DataSource dataSource;

	DurabilityCheck(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@EventListener(ApplicationReadyEvent.class)
	void check() {
		try (var connection = this.dataSource.getConnection(); var statement = connection.createStatement()) {
			for (String setting : new String[] { "fsync", "full_page_writes" }) {
				try (var rs = statement.executeQuery("show " + setting)) {
					if (rs.next() && !"on".equals(rs.getString(1))) {
						logger.warn(
								"PostgreSQL runs with {} = {}: an import acknowledged with 200 may be lost in a crash "
										+ "of the database server or its machine",
								setting, rs.getString(1));
					}
				}
			}
		}
		catch (java.sql.SQLException | RuntimeException ex) {
			logger.debug("Could not check the durability settings: {}", ex.toString());
		}
	}

}
