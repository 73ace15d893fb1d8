package nl.llomonitor.api;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/**
 * The one controller advice: every exception a controller raises becomes an RFC 9457
 * {@code application/problem+json} with a stable type (docs/api.md). Errors outside
 * controllers (unknown paths, filters) go through {@link ProblemWebExceptionHandler}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

	private final ProblemWebExceptionHandler writer;

	ApiExceptionHandler(ProblemWebExceptionHandler writer) {
		this.writer = writer;
	}

	/**
	 * Written directly rather than through content negotiation, so that a malformed
	 * Accept header cannot empty the problem's body.
	 */
	@ExceptionHandler(Throwable.class)
	Mono<Void> handle(Throwable ex, ServerWebExchange exchange) {
		if (exchange.getResponse().isCommitted()) {
			// status and headers are out (the failure came while the body was being
			// written): no problem can be sent any more, and the answer must not end as
			// if
			// it were whole; the failure goes on, so Spring logs it with its cause and
			// the
			// connection is closed
			return Mono.error(ex);
		}
		return this.writer.write(exchange, ProblemFactory.from(ex, exchange));
	}

}
