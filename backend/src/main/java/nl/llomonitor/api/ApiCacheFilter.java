package nl.llomonitor.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import nl.llomonitor.system.DataChangeListener;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * HTTP caching of {@code /api/v1}: a strong ETag from the data version and the request
 * (path, query, Accept, Accept-Language), {@code Cache-Control: no-cache}, 304 for a
 * matching {@code If-None-Match} (Spring's
 * {@link ServerWebExchange#checkNotModified(String)}), and an in-memory copy of
 * successful responses for the current data version, kept in a Caffeine cache bounded by
 * the bytes of the bodies. The data version comes from {@link DataChangeListener}, so an
 * import on any instance invalidates every instance at once.
 * <p>
 * {@code no-cache}, not a {@code max-age}: a browser or proxy may keep an answer but asks
 * again before every use (a 304 when nothing changed), so no cache serves an answer from
 * before an import that has been acknowledged. With {@code max-age=60} a page opened
 * within a minute of an import could miss a table just imported, and mix old answers with
 * new ones.
 */
@Component
class ApiCacheFilter implements WebFilter, Ordered {

	/**
	 * Every answer of {@code /api/v1}: kept by a browser or proxy, but revalidated (ETag)
	 * before each use.
	 */
	static final String CACHE_CONTROL = "no-cache";

	static final int MAX_BODY_BYTES = 256 * 1024;

	/**
	 * Bound of all cached bodies (and their keys) together; the least used go first.
	 */
	static final long MAX_TOTAL_BYTES = 32L * 1024 * 1024;

	private final DataChangeListener versions;

	/**
	 * The bodies of the current data version. A new version gets a new cache (the key
	 * holds the version anyway): clearing one would take its lock on the event loop.
	 */
	private volatile Cache<String, CachedResponse> cache = bodyCache();

	private final AtomicReference<String> cachedVersion = new AtomicReference<>();

	ApiCacheFilter(DataChangeListener versions) {
		this.versions = versions;
		versions.changes().subscribe((change) -> clear());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().pathWithinApplication().value();
		HttpMethod method = request.getMethod();
		if (!(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) || !path.startsWith("/api/v1/")
				|| path.startsWith("/api/v1/events")) {
			return chain.filter(exchange);
		}
		// the state of the store, not the bare version: see DataChangeListener#currentTag
		String version = this.versions.currentTag();
		if (version == null) {
			exchange.getResponse().getHeaders().setCacheControl(CACHE_CONTROL);
			return chain.filter(exchange);
		}
		if (!version.equals(this.cachedVersion.getAndSet(version))) {
			clear();
		}
		String key = key(version, path, request);
		String etag = "\"" + version + "-" + hash(key) + "\"";
		ServerHttpResponse response = exchange.getResponse();
		CachedResponse cached = this.cache.getIfPresent(key);
		// weak comparison (RFC 9110 13.1.2); sets the 304 and the ETag. "*" is not
		// honoured: the representation is only known to exist once the handler has run
		if (!request.getHeaders().getIfNoneMatch().contains("*") && exchange.checkNotModified(etag)) {
			response.getHeaders().setCacheControl(CACHE_CONTROL);
			response.getHeaders().add(HttpHeaders.VARY, "Accept, Accept-Language");
			return response.setComplete();
		}
		if (cached != null && HttpMethod.GET.equals(method)) {
			response.setStatusCode(HttpStatus.OK);
			HttpHeaders headers = response.getHeaders();
			headers.setContentType(cached.contentType());
			cached.extraHeaders().forEach(headers::set);
			headers.setETag(etag);
			headers.setCacheControl(CACHE_CONTROL);
			headers.add(HttpHeaders.VARY, "Accept, Accept-Language");
			headers.setContentLength(cached.length());
			headers.set("X-Cache", "hit");
			return response.writeWith(Mono.fromSupplier(() -> cached.buffer(response.bufferFactory())));
		}
		response.beforeCommit(() -> {
			HttpStatusCode status = response.getStatusCode();
			response.getHeaders().set("X-Cache", "miss");
			if (status != null && !status.is2xxSuccessful()) {
				// an error is asked again too: the region or table it did not find may be
				// imported the next moment
				response.getHeaders().remove(HttpHeaders.ETAG);
				response.getHeaders().setCacheControl(CACHE_CONTROL);
			}
			if (status == null || status.is2xxSuccessful()) {
				response.getHeaders().setETag(etag);
				response.getHeaders().setCacheControl(CACHE_CONTROL);
				response.getHeaders().add(HttpHeaders.VARY, "Accept, Accept-Language");
			}
			return Mono.empty();
		});
		if (!HttpMethod.GET.equals(method)) {
			return chain.filter(exchange);
		}
		ServerHttpResponseDecorator recording = new ServerHttpResponseDecorator(response) {
			@Override
			public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
				return DataBufferUtils.join(Flux.from(body)).flatMap((joined) -> {
					HttpStatusCode status = getStatusCode();
					if ((status == null || status == HttpStatus.OK) && joined.readableByteCount() <= MAX_BODY_BYTES
							&& getHeaders().getContentType() != null) {
						byte[] bytes = new byte[joined.readableByteCount()];
						joined.read(bytes);
						DataBufferUtils.release(joined);
						store(key, version,
								new CachedResponse(getHeaders().getContentType(), bytes, extraHeaders(getHeaders())));
						return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
					}
					return super.writeWith(Mono.just(joined));
				});
			}
		};
		return chain.filter(exchange.mutate().response(recording).build());
	}

	private void clear() {
		this.cache = bodyCache();
	}

	private static Cache<String, CachedResponse> bodyCache() {
		return Caffeine.newBuilder()
			.maximumWeight(MAX_TOTAL_BYTES)
			.weigher((String key, CachedResponse response) -> key.length() + response.length())
			.build();
	}

	/** The headers of a handler that a cached copy must repeat. */
	private static Map<String, String> extraHeaders(HttpHeaders headers) {
		Map<String, String> extra = new java.util.HashMap<>();
		for (String name : List.of(HttpHeaders.CONTENT_DISPOSITION, "X-As-Of")) {
			String value = headers.getFirst(name);
			if (value != null) {
				extra.put(name, value);
			}
		}
		return Map.copyOf(extra);
	}

	private void store(String key, String version, CachedResponse response) {
		if (!version.equals(this.versions.currentTag())) {
			return;
		}
		this.cache.put(key, response);
	}

	private static String key(String version, String path, ServerHttpRequest request) {
		HttpHeaders headers = request.getHeaders();
		String query = request.getURI().getRawQuery();
		return version + "|" + path + "?" + ((query != null) ? query : "") + "|"
				+ String.valueOf(headers.getFirst(HttpHeaders.ACCEPT)) + "|"
				+ String.valueOf(headers.getFirst(HttpHeaders.ACCEPT_LANGUAGE));
	}

	private static String hash(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A cached response. Its body is kept as the bytes written; at its first hit it is
	 * copied once into a direct buffer that every hit then writes through a duplicate: no
	 * copy and no direct-buffer allocation per hit (on Java 25 freeing a temporary direct
	 * buffer costs more than the whole response), and none for the many answers that are
	 * never asked again (an analyst's requests mostly differ).
	 */
	private static final class CachedResponse {

		private final MediaType contentType;

		private final Map<String, String> extraHeaders;

		private final int length;

		/**
		 * The body as written, until the first hit has copied it into {@link #direct}:
		 * then dropped, so that an entry holds its body once, as the cache weighs it.
		 */
		private volatile byte[] body;

		/**
		 * The body in a direct buffer, made at the first hit (racing hits make equal
		 * ones); set before {@link #body} is dropped.
		 */
		private volatile ByteBuf direct;

		CachedResponse(MediaType contentType, byte[] body, Map<String, String> extraHeaders) {
			this.contentType = contentType;
			this.body = body;
			this.length = body.length;
			this.extraHeaders = extraHeaders;
		}

		MediaType contentType() {
			return this.contentType;
		}

		Map<String, String> extraHeaders() {
			return this.extraHeaders;
		}

		int length() {
			return this.length;
		}

		DataBuffer buffer(DataBufferFactory factory) {
			ByteBuf buffer = this.direct;
			if (buffer == null) {
				byte[] bytes = this.body;
				if (bytes != null) {
					buffer = Unpooled.unreleasableBuffer(
							Unpooled.wrappedBuffer(ByteBuffer.allocateDirect(bytes.length).put(bytes).flip()));
					this.direct = buffer;
					this.body = null;
				}
				else {
					// another hit has just made it
					buffer = this.direct;
				}
			}
			if (factory instanceof NettyDataBufferFactory netty) {
				return netty.wrap(buffer.duplicate());
			}
			byte[] copy = new byte[this.length];
			buffer.getBytes(buffer.readerIndex(), copy);
			return factory.wrap(copy);
		}

	}

}
