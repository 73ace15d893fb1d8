package nl.llomonitor.system;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.http.server.HttpServerState;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Limits of the HTTP server against clients that open connections and never finish a
 * request (slowloris), configured under {@code llo.server}:
 * <ul>
 * <li>{@code idle-timeout} (default 10 s): a connection that has not sent a complete
 * request head in this time after it opened or after its last response is closed, so a
 * request head sent byte by byte cannot hold a connection longer;</li>
 * <li>{@code read-timeout} (default 30 s): longest pause between two reads of a request
 * body (an upload);</li>
 * <li>{@code max-connections} (default 10,000, below the process's file-descriptor
 * limit): when a new connection would pass it, the oldest connections that have not yet
 * sent a request head are closed to make room, so new users are still served while idle
 * ones pile up; only if every connection is busy with a request is the new one
 * closed.</li>
 * </ul>
 */
@Component
@EnableConfigurationProperties(ServerLimits.Settings.class)
class ServerLimits implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory> {

	private static final Logger logger = LoggerFactory.getLogger(ServerLimits.class);

	private static final AttributeKey<Boolean> REQUESTED = AttributeKey.valueOf("llo.requested");

	private final Settings settings;

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicLong evicted = new AtomicLong();

	private final ConcurrentLinkedQueue<Channel> waiting = new ConcurrentLinkedQueue<>();

	ServerLimits(Settings settings) {
		this.settings = settings;
	}

	@Override
	public void customize(NettyReactiveWebServerFactory factory) {
		factory.addServerCustomizers((server) -> server.idleTimeout(this.settings.idleTimeout())
			.readTimeout(this.settings.readTimeout())
			.doOnChannelInit((observer, channel, address) -> opened(channel))
			.childObserve((connection, state) -> {
				if (state == HttpServerState.REQUEST_RECEIVED) {
					connection.channel().attr(REQUESTED).set(Boolean.TRUE);
				}
			}));
	}

	void opened(Channel channel) {
		int count = this.open.incrementAndGet();
		channel.closeFuture().addListener((f) -> this.open.decrementAndGet());
		while (count > this.settings.maxConnections()) {
			Channel oldest = this.waiting.poll();
			if (oldest == null) {
				// every connection is busy with a request: refuse the new one
				channel.close();
				return;
			}
			if (oldest.isOpen() && oldest.attr(REQUESTED).get() == null) {
				oldest.close();
				count--;
				if (this.evicted.incrementAndGet() % 1000 == 1) {
					logger.info("Connection limit {} reached: closed {} connections that sent no request",
							this.settings.maxConnections(), this.evicted.get());
				}
			}
		}
		this.waiting.add(channel);
		if (this.waiting.size() > 2 * this.settings.maxConnections()) {
			this.waiting.removeIf((c) -> !c.isOpen() || c.attr(REQUESTED).get() != null);
		}
	}

	int openConnections() {
		return this.open.get();
	}

	/**
	 * @param idleTimeout close a connection without a complete request head after this
	 * @param readTimeout longest pause between reads of a request body
	 * @param maxConnections open connections at most
	 */
	@ConfigurationProperties("llo.server")
	record Settings(@DefaultValue("10s") Duration idleTimeout, @DefaultValue("30s") Duration readTimeout,
			@DefaultValue("10000") int maxConnections) {
	}

}
