package nl.llomonitor.api;

import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Renders errors that happen outside controllers (unknown paths, write methods refused by
 * the filter, failures in filters) as the same problem+json the controller advice gives.
 * Replaces Spring Boot's default error handler.
 */
@Component
@Order(-2)
class ProblemWebExceptionHandler implements ErrorWebExceptionHandler {

	private final ObjectMapper mapper;

	ProblemWebExceptionHandler(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		return write(exchange, ProblemFactory.from(ex, exchange));
	}

	/**
	 * Writes a problem as {@code application/problem+json} directly, without content
	 * negotiation: a malformed or unsatisfiable Accept header must not turn an error into
	 * an empty body.
	 * @param exchange the exchange
	 * @param problem the problem
	 * @return completion
	 */
	Mono<Void> write(ServerWebExchange exchange, ProblemFactory.Problem problem) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.valueOf(problem.body().getStatus()));
		response.getHeaders().remove("ETag");
		response.getHeaders().remove("Cache-Control");
		response.getHeaders().putAll(problem.headers());
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] bytes = this.mapper.writeValueAsBytes(toMap(problem.body()));
		DataBuffer buffer = response.bufferFactory().wrap(bytes);
		return response.writeWith(Mono.just(buffer));
	}

	static Map<String, Object> toMap(ProblemDetail problem) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("type", String.valueOf(problem.getType()));
		map.put("title", problem.getTitle());
		map.put("status", problem.getStatus());
		map.put("detail", problem.getDetail());
		map.put("instance", String.valueOf(problem.getInstance()));
		if (problem.getProperties() != null) {
			map.putAll(problem.getProperties());
		}
		return map;
	}

}
