package nl.llomonitor.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import nl.llomonitor.cube.PeriodFormatException;
import nl.llomonitor.system.DataChangeListener;
import nl.llomonitor.system.OutageLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.codec.DecodingException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Turns any failure into an RFC 9457 problem with a stable type (docs/api.md). Used by
 * the controller advice and by the handler of errors outside controllers, so both answer
 * alike. Internals (stack traces, SQL, class names) never reach the client.
 */
final class ProblemFactory {

	private static final Logger logger = LoggerFactory.getLogger(ProblemFactory.class);

	/** One outage, a few lines: at most one WARN a minute, the rest counted. */
	private static final OutageLog OUTAGE_LOG = new OutageLog(logger, java.time.Duration.ofMinutes(1));

	private ProblemFactory() {
	}

	/**
	 * A problem and the headers that go with it.
	 *
	 * @param body the problem
	 * @param headers extra headers (Allow, Retry-After)
	 */
	record Problem(ProblemDetail body, HttpHeaders headers) {
	}

	static Problem from(Throwable ex, ServerWebExchange exchange) {
		HttpHeaders headers = new HttpHeaders();
		ProblemDetail problem;
		if (ex instanceof ApiException api) {
			problem = problem(api.getStatus(), api.getSlug(), api.getMessage());
			if (api.getParameter() != null) {
				problem.setProperty("parameter", api.getParameter());
			}
			if (api.getValue() != null) {
				problem.setProperty("value", api.getValue());
			}
			if (api.getPeriodTypes() != null) {
				problem.setProperty("periodTypes", api.getPeriodTypes());
			}
			if (api.getRetryAfter() != null) {
				headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, api.getRetryAfter().toSeconds())));
			}
		}
		else if (isDatabaseUnavailable(ex) && isOverload(ex) && databaseConnected(exchange)) {
			// the pool or the database is busy, while the database is up: not an outage
			logger.debug("Overloaded on {}: {}", exchange.getRequest().getPath(), ex.toString());
			problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "overloaded",
					"The service is busy with other requests. Please retry after the seconds in Retry-After.");
			headers.set(HttpHeaders.RETRY_AFTER, "1");
		}
		else if (isDatabaseUnavailable(ex)) {
			OUTAGE_LOG.warn("Database unavailable: {}", ex);
			problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
					"The statistics database cannot be reached at the moment. Please try again shortly.");
			headers.set(HttpHeaders.RETRY_AFTER, "5");
		}
		else if (ex instanceof MethodNotAllowedException notAllowed) {
			problem = problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
					"Method " + notAllowed.getHttpMethod() + " is not allowed here; this API is read-only.");
			headers.setAllow(notAllowed.getSupportedMethods());
		}
		else if (ex instanceof NotAcceptableStatusException) {
			problem = problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
					"None of the requested media types can be produced. Supported: application/json, text/csv, application/json+stat.");
		}
		else if (ex instanceof ServerWebInputException input) {
			String parameter = (input.getMethodParameter() != null) ? input.getMethodParameter().getParameterName()
					: null;
			String detail = (parameter != null) ? "Parameter '" + parameter + "' is missing or malformed."
					: "The request is malformed.";
			problem = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", detail);
			if (parameter != null) {
				problem.setProperty("parameter", parameter);
			}
		}
		else if (ex instanceof ResponseStatusException status) {
			problem = forStatus(status.getStatusCode());
		}
		else if (ex instanceof PeriodFormatException period) {
			// the vocabulary knows no HTTP: a period code that reached it unchecked is
			// the
			// client's
			problem = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", period.getMessage());
		}
		else if (ex instanceof DecodingException) {
			problem = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "The request body is malformed.");
		}
		else if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			// the client went away: nothing is wrong here, and nobody reads the answer
			logger.debug("Client went away during {} {}: {}", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath(), ex.toString());
			problem = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "The client closed the connection.");
		}
		else {
			logger.error("Internal error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
					ex);
			problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
					"An unexpected error occurred. It has been logged.");
		}
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		return new Problem(problem, headers);
	}

	private static ProblemDetail forStatus(HttpStatusCode code) {
		HttpStatus status = HttpStatus.resolve(code.value());
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		return switch (status) {
			case NOT_FOUND -> problem(status, "not-found", "No resource exists at this address.");
			case METHOD_NOT_ALLOWED -> problem(status, "method-not-allowed", "This method is not allowed here.");
			case NOT_ACCEPTABLE -> problem(status, "not-acceptable", "The requested media type cannot be produced.");
			case UNAUTHORIZED -> problem(status, "unauthorized", "A valid token is required.");
			case FORBIDDEN -> problem(status, "forbidden", "The token is not valid for this resource.");
			case TOO_MANY_REQUESTS -> problem(status, "rate-limited", "Too many requests; try again later.");
			case BAD_REQUEST -> problem(status, "invalid-parameter", "The request is malformed.");
			case SERVICE_UNAVAILABLE ->
				problem(status, "database-unavailable", "The service is temporarily unavailable.");
			default -> (status.is4xxClientError()) ? problem(status, "invalid-parameter", status.getReasonPhrase())
					: problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "An unexpected error occurred.");
		};
	}

	static ProblemDetail problem(HttpStatus status, String slug, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("/problems/" + slug));
		problem.setTitle(ProblemsController.title(slug));
		return problem;
	}

	/**
	 * Whether the failure means PostgreSQL cannot be reached (refused, timed out, pool
	 * exhausted, connection closed, shutting down, out of resources), as opposed to a
	 * bug. Where the driver gives a SQLSTATE it decides: r2dbc-postgresql files every
	 * state it does not know (XX000, P0001, 25P02, ...) as a "resource" exception, and
	 * Spring then as a resource failure, so classes alone would call bugs outages.
	 * @param ex the failure
	 * @return true for a database outage
	 */
	static boolean isDatabaseUnavailable(Throwable ex) {
		// concurrent queries fail together: Reactor's CompositeException keeps them as
		// suppressed exceptions, with no cause
		for (Throwable t = ex; t != null; t = next(t)) {
			for (Throwable suppressed : t.getSuppressed()) {
				if (suppressed != ex && isDatabaseUnavailable(suppressed)) {
					return true;
				}
			}
		}
		String state = sqlState(ex);
		if (state != null) {
			return isOutageState(state);
		}
		boolean driver = false;
		for (Throwable t = ex; t != null; t = next(t)) {
			// Spring's own verdict: the connection could not be had, or broke
			if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
					|| t instanceof RecoverableDataAccessException || t instanceof QueryTimeoutException) {
				return true;
			}
			// an I/O failure below the driver (a socket the server closed: "Broken
			// pipe", "Connection reset by peer"), not one in a transaction's own code
			if (driver && t instanceof IOException) {
				return true;
			}
			driver |= t instanceof R2dbcException || t instanceof java.sql.SQLException;
			if (t instanceof R2dbcNonTransientResourceException || t instanceof R2dbcTransientResourceException
					|| t instanceof R2dbcTimeoutException || t instanceof ConnectException
					|| t instanceof ClosedChannelException || t instanceof TimeoutException
					|| t instanceof java.sql.SQLTransientConnectionException
					|| t instanceof java.sql.SQLNonTransientConnectionException) {
				return true;
			}
			String name = t.getClass().getName();
			if (name.contains("PoolAcquire") || name.contains("ConnectTimeout")
					|| name.equals("io.netty.channel.AbstractChannel$AnnotatedConnectException")
					|| name.contains("PostgresConnectionClosedException") || name.contains("PrematureCloseException")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether an outage-like failure is one of waiting: no pooled connection free in
	 * time, a query past its timeout, or too many connections (SQLSTATE 53300, 57014). A
	 * refused or broken connection is not.
	 * @param ex the failure
	 * @return true if it means "busy"
	 */
	static boolean isOverload(Throwable ex) {
		String state = sqlState(ex);
		if (state != null) {
			return state.equals("53300") || state.equals("57014");
		}
		for (Throwable t = ex; t != null; t = next(t)) {
			String name = t.getClass().getName();
			if (name.contains("ConnectTimeout") || t instanceof ConnectException || t instanceof ClosedChannelException
					|| name.contains("PostgresConnectionClosedException") || name.contains("PrematureCloseException")) {
				return false;
			}
		}
		for (Throwable t = ex; t != null; t = next(t)) {
			String name = t.getClass().getName();
			if (name.contains("PoolAcquire") || t instanceof TimeoutException || t instanceof R2dbcTimeoutException
					|| (t.getMessage() != null && t.getMessage().contains("acquisition timed out"))) {
				return true;
			}
		}
		return false;
	}

	/** The data change listener holds a live connection: the database answers. */
	private static boolean databaseConnected(ServerWebExchange exchange) {
		org.springframework.context.ApplicationContext context = exchange.getApplicationContext();
		if (context == null) {
			return false;
		}
		DataChangeListener listener = context.getBeanProvider(DataChangeListener.class).getIfAvailable();
		return listener != null && listener.isConnected();
	}

	/**
	 * SQLSTATE classes of an unreachable or overloaded server: 08 connection exception
	 * (not 08P01, a protocol violation), 53 insufficient resources (too many connections,
	 * out of memory, disk full), 57P shutdown and restart, 57014 a statement cancelled by
	 * its timeout.
	 */
	private static boolean isOutageState(String state) {
		if (state.equals("08P01")) {
			// protocol violation: a bind mismatch in our own statement, not the network
			return false;
		}
		return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || state.equals("57014");
	}

	private static String sqlState(Throwable ex) {
		for (Throwable t = ex; t != null; t = next(t)) {
			String state = (t instanceof R2dbcException r2dbc) ? r2dbc.getSqlState()
					: (t instanceof java.sql.SQLException sql) ? sql.getSQLState() : null;
			if (state != null && !state.isBlank()) {
				return state;
			}
		}
		return null;
	}

	private static Throwable next(Throwable t) {
		return (t.getCause() == t) ? null : t.getCause();
	}

}
