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
 * (path, query, Accept, Accept-Language), {@code Cache-Control}, 304 for a matching
 * {@code If-None-Match} (Spring's {@link ServerWebExchange#checkNotModified(String)}),
 * and an in-memory copy of successful responses for the current data version, kept in a
 * Caffeine cache bounded by the bytes of the bodies. The data version comes from
 * {@link DataChangeListener}, so an import on any instance invalidates every instance at
 * once.
 */
@Component
class ApiCacheFilter implements WebFilter, Ordered {

	static final int MAX_ENTRIES = 500;

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

	/**
	 * The Cache-Control each geo answer had, also for bodies too large to keep, so that a
	 * 304 can repeat it.
	 */
	private volatile Cache<String, String> geoCacheControl = geoCache();

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
			exchange.getResponse().getHeaders().setCacheControl("no-cache");
			return chain.filter(exchange);
		}
		if (!version.equals(this.cachedVersion.getAndSet(version))) {
			clear();
		}
		String key = key(version, path, request);
		String etag = "\"" + version + "-" + hash(key) + "\"";
		boolean geo = path.startsWith("/api/v1/geo/");
		String cacheControl = geo ? "public, max-age=86400" : "public, max-age=60";
		ServerHttpResponse response = exchange.getResponse();
		CachedResponse cached = this.cache.getIfPresent(key);
		// a 304 repeats the Cache-Control of the representation; for geo that depends on
		// the body (an empty collection is cached briefly): when this instance has not
		// answered it yet, the handler answers in full
		String known = (cached != null) ? cached.extraHeaders().getOrDefault(HttpHeaders.CACHE_CONTROL, cacheControl)
				: this.geoCacheControl.getIfPresent(key);
		// weak comparison (RFC 9110 13.1.2); sets the 304 and the ETag. "*" is not
		// honoured: the representation is only known to exist once the handler has run
		if ((known != null || !geo) && !request.getHeaders().getIfNoneMatch().contains("*")
				&& exchange.checkNotModified(etag)) {
			response.getHeaders().setCacheControl((known != null) ? known : cacheControl);
			response.getHeaders().add(HttpHeaders.VARY, "Accept, Accept-Language");
			return response.setComplete();
		}
		if (cached != null && HttpMethod.GET.equals(method)) {
			response.setStatusCode(HttpStatus.OK);
			HttpHeaders headers = response.getHeaders();
			headers.setContentType(cached.contentType());
			cached.extraHeaders().forEach(headers::set);
			headers.setETag(etag);
			if (headers.getCacheControl() == null) {
				headers.setCacheControl(cacheControl);
			}
			headers.add(HttpHeaders.VARY, "Accept, Accept-Language");
			headers.setContentLength(cached.length());
			headers.set("X-Cache", "hit");
			return response.writeWith(Mono.fromSupplier(() -> cached.buffer(response.bufferFactory())));
		}
		response.beforeCommit(() -> {
			HttpStatusCode status = response.getStatusCode();
			response.getHeaders().set("X-Cache", "miss");
			if (status != null && !status.is2xxSuccessful()) {
				response.getHeaders().remove(HttpHeaders.ETAG);
			}
			if (status == null || status.is2xxSuccessful()) {
				response.getHeaders().setETag(etag);
				// a handler may shorten it (an empty geo collection: boundaries may come
				// soon)
				if (response.getHeaders().getCacheControl() == null) {
					response.getHeaders().setCacheControl(cacheControl);
				}
				if (geo) {
					this.geoCacheControl.put(key, response.getHeaders().getCacheControl());
				}
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
		this.geoCacheControl = geoCache();
	}

	private static Cache<String, CachedResponse> bodyCache() {
		return Caffeine.newBuilder()
			.maximumWeight(MAX_TOTAL_BYTES)
			.weigher((String key, CachedResponse response) -> key.length() + response.length())
			.build();
	}

	private static Cache<String, String> geoCache() {
		return Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();
	}

	/** The headers of a handler that a cached copy must repeat. */
	private static Map<String, String> extraHeaders(HttpHeaders headers) {
		Map<String, String> extra = new java.util.HashMap<>();
		for (String name : List.of(HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.CACHE_CONTROL, "X-As-Of")) {
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
	 * A cached response. The body is kept in one direct buffer that every hit writes
	 * through a duplicate: no copy and no direct-buffer allocation per request (on Java
	 * 25 freeing a temporary direct buffer costs more than the whole response).
	 */
	private record CachedResponse(MediaType contentType, Map<String, String> extraHeaders, ByteBuf direct) {

		CachedResponse(MediaType contentType, byte[] body, Map<String, String> extraHeaders) {
			this(contentType, extraHeaders, Unpooled
				.unreleasableBuffer(Unpooled.wrappedBuffer(ByteBuffer.allocateDirect(body.length).put(body).flip())));
		}

		int length() {
			return this.direct.readableBytes();
		}

		DataBuffer buffer(DataBufferFactory factory) {
			if (factory instanceof NettyDataBufferFactory netty) {
				return netty.wrap(this.direct.duplicate());
			}
			byte[] bytes = new byte[length()];
			this.direct.getBytes(this.direct.readerIndex(), bytes);
			return factory.wrap(bytes);
		}

	}

}
