package nl.llomonitor.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the store lives. Without {@code llo.db.url} (environment: {@code LLO_DB_URL}) the
 * app starts its own embedded PostgreSQL, whose data directory persists between runs.
 *
 * @param url JDBC URL of an external PostgreSQL, e.g.
 * {@code jdbc:postgresql://db:5432/llo}
 * @param username user for the external database
 * @param readUrl JDBC URL of an optional read replica for the web's queries (imports and
 * LISTEN/NOTIFY stay on the primary)
 * @param password password for the external database (from the environment only)
 * @param pool R2DBC pool size for the web
 * @param acquireTimeout longest a request waits for a pooled connection; then it gets 503
 * {@code overloaded} (or {@code database-unavailable} if the database is down)
 * @param embedded settings of the embedded database
 */
@ConfigurationProperties("llo.db")
public record DatabaseProperties(String url, String readUrl, @DefaultValue("llo") String username, String password,
		@DefaultValue("16") int pool, @DefaultValue("2s") java.time.Duration acquireTimeout,
		@DefaultValue Embedded embedded) {

	public boolean isExternal() {
		return this.url != null && !this.url.isBlank();
	}

	public boolean hasReadReplica() {
		return isExternal() && this.readUrl != null && !this.readUrl.isBlank();
	}

	/**
	 * @param dataDir data directory of the embedded PostgreSQL; kept between runs
	 * @param port fixed port, or 0 for a free one
	 */
	public record Embedded(@DefaultValue("${user.home}/.llo-monitor/pgdata") Path dataDir,
			@DefaultValue("0") int port) {
	}

}
