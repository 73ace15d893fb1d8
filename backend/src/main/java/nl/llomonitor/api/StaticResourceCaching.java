package nl.llomonitor.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.webflux.autoconfigure.ResourceHandlerRegistrationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * Static files carry a content-hash ETag (the first 16 bytes of their SHA-256, hex), so a
 * browser revalidates them cheaply and sees a changed file at once; the Cache-Control of
 * each path is set by {@link StaticResourceFilter} (versioned webjar paths: a year,
 * immutable; the dashboard's own files: revalidate). Hashes are computed once per file
 * and modification time, on the bounded elastic scheduler that serves static files.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourceCaching {

	private final Map<String, String> hashes = new ConcurrentHashMap<>();

	@Bean
	ResourceHandlerRegistrationCustomizer contentHashEtags() {
		return (registration) -> registration.setEtagGenerator(this::etag);
	}

	String etag(Resource resource) {
		try {
			String key = resource.getURL() + "@" + resource.lastModified();
			return this.hashes.computeIfAbsent(key, (k) -> hash(resource));
		}
		catch (IOException ex) {
			return null;
		}
	}

	static String hash(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[16384];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				digest.update(buffer, 0, n);
			}
			byte[] sum = digest.digest();
			return HexFormat.of().formatHex(sum, 0, 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
