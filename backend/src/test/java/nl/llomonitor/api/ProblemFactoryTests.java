package nl.llomonitor.api;

import java.io.IOException;
import java.net.ConnectException;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import org.junit.jupiter.api.Test;
import reactor.core.Exceptions;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recognising a database outage, also when concurrent queries fail together (found by the
 * outage test: kerncijfers gave 500 instead of 503 during an outage).
 */
class ProblemFactoryTests {

	@Test
	void outageInsideACompositeOfConcurrentFailuresIsRecognised() {
		Throwable refused = new DataAccessResourceFailureException("Failed to obtain R2DBC Connection",
				new ConnectException("Connection refused"));
		assertThat(ProblemFactory.isDatabaseUnavailable(refused)).isTrue();
		assertThat(ProblemFactory.isDatabaseUnavailable(Exceptions.multiple(refused, refused))).isTrue();
		assertThat(ProblemFactory.isDatabaseUnavailable(
				new IllegalStateException("wrapped", Exceptions.multiple(new IllegalArgumentException("x"), refused))))
			.isTrue();
	}

	@Test
	void brokenPipeWhileObtainingAConnectionIsAnOutage() {
		// seen in CI: PostgreSQL stopped while the pool validated a connection
		Throwable brokenPipe = new DataAccessResourceFailureException("Failed to obtain R2DBC Connection",
				new IOException("sendAddress(..) failed with error(-32): Broken pipe"));
		assertThat(ProblemFactory.isDatabaseUnavailable(brokenPipe)).isTrue();
		Throwable reset = new org.jooq.exception.DataAccessException("SQL [select 1]", new R2dbcException("I/O error",
				(String) null, new IOException("recvAddress(..) failed: Connection reset by peer")) {
		});
		assertThat(ProblemFactory.isDatabaseUnavailable(reset)).isTrue();
	}

	@Test
	void theSqlStateDecidesWhereTheDriverGivesOne() {
		// r2dbc-postgresql files states it does not know as resource exceptions, and
		// Spring
		// then as resource failures: the state tells an outage from a bug
		assertThat(ProblemFactory.isDatabaseUnavailable(new DataAccessResourceFailureException("failed",
				new R2dbcNonTransientResourceException("internal error", "XX000"))))
			.isFalse();
		assertThat(ProblemFactory.isDatabaseUnavailable(new R2dbcNonTransientResourceException("raise", "P0001")))
			.isFalse();
		assertThat(ProblemFactory.isDatabaseUnavailable(
				new R2dbcNonTransientResourceException("bind message supplies 2 parameters", "08P01")))
			.isFalse();
		assertThat(ProblemFactory
			.isDatabaseUnavailable(new R2dbcNonTransientResourceException("sorry, too many clients already", "53300")))
			.isTrue();
		assertThat(ProblemFactory.isDatabaseUnavailable(
				new R2dbcNonTransientResourceException("the database system is shutting down", "57P03")))
			.isTrue();
		assertThat(ProblemFactory
			.isDatabaseUnavailable(new R2dbcTimeoutException("canceling statement due to statement timeout", "57014")))
			.isTrue();
	}

	@Test
	void anIoFailureInATransactionsOwnCodeIsNotAnOutage() {
		// jOOQ wraps any checked exception of a transaction lambda, such as opening a
		// file
		assertThat(ProblemFactory.isDatabaseUnavailable(
				new org.jooq.exception.DataAccessException("Rollback caused", new IOException("No such file"))))
			.isFalse();
	}

	@Test
	void lostJdbcConnectionDuringAnImportIsAnOutage() {
		Throwable copy = new org.jooq.exception.DataAccessException("COPY into the staging table failed",
				new java.sql.SQLException("Database connection failed when writing to copy", "08006"));
		assertThat(ProblemFactory.isDatabaseUnavailable(copy)).isTrue();
		assertThat(ProblemFactory.isDatabaseUnavailable(new java.sql.SQLException("invalid byte", "22021"))).isFalse();
	}

	@Test
	void otherFailuresAreNotAnOutage() {
		assertThat(ProblemFactory.isDatabaseUnavailable(new IllegalStateException("bug"))).isFalse();
		// an I/O failure that is not a data access (a file, a client) is not an outage
		assertThat(ProblemFactory.isDatabaseUnavailable(new IllegalStateException(new IOException("disk full"))))
			.isFalse();
		// a bad query is a bug, not an outage
		assertThat(ProblemFactory
			.isDatabaseUnavailable(new org.springframework.dao.InvalidDataAccessResourceUsageException("bad SQL",
					new io.r2dbc.spi.R2dbcBadGrammarException("syntax error", "42601"))))
			.isFalse();
		assertThat(ProblemFactory
			.isDatabaseUnavailable(Exceptions.multiple(new IllegalStateException("a"), new NullPointerException("b"))))
			.isFalse();
	}

	@Test
	void waitingIsOverloadARefusedConnectionIsNot() {
		Throwable poolTimeout = new DataAccessResourceFailureException("Failed to obtain R2DBC Connection",
				new io.r2dbc.spi.R2dbcTimeoutException("Connection acquisition timed out after 20ms"));
		assertThat(ProblemFactory.isDatabaseUnavailable(poolTimeout)).isTrue();
		assertThat(ProblemFactory.isOverload(poolTimeout)).isTrue();
		assertThat(ProblemFactory.isOverload(new java.util.concurrent.TimeoutException("Did not observe any item")))
			.isTrue();
		assertThat(ProblemFactory.isOverload(new R2dbcException("too many clients", "53300") {
		})).isTrue();
		assertThat(ProblemFactory.isOverload(new DataAccessResourceFailureException("Failed to obtain R2DBC Connection",
				new ConnectException("Connection refused"))))
			.isFalse();
		assertThat(ProblemFactory.isOverload(new R2dbcException("terminating connection", "57P01") {
		})).isFalse();
	}

	@Test
	void aClientThatWentAwayIsNotAnInternalError() {
		org.springframework.mock.web.server.MockServerWebExchange exchange = org.springframework.mock.web.server.MockServerWebExchange
			.from(org.springframework.mock.http.server.reactive.MockServerHttpRequest.get("/api/v1/series"));
		ProblemFactory.Problem problem = ProblemFactory.from(new IOException("Connection reset by peer"), exchange);
		assertThat(problem.body().getType().toString()).isNotEqualTo("/problems/internal-error");
	}

}
