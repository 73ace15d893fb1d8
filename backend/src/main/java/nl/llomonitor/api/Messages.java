package nl.llomonitor.api;

import nl.llomonitor.cube.ImportWarning;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The NL/EN texts of the API: {@code messages.properties} (Dutch, the default) and
 * {@code messages_en.properties}, read through Spring's {@link MessageSource}. The same
 * instance is the application's {@code messageSource} bean and serves the static helpers
 * of the features ({@link #get}). Arguments are inserted as given: format numbers before.
 * Both bundles are read when the class loads, so a lookup never reads a file.
 */
@Configuration(proxyBeanMethods = false)
public class Messages {

	private static final ResourceBundleMessageSource SOURCE = source();

	/**
	 * @return the application's message source: these bundles
	 */
	@Bean
	MessageSource messageSource() {
		return SOURCE;
	}

	/**
	 * @param lang response language
	 * @param key message key
	 * @param args arguments, already formatted
	 * @return the text in that language
	 * @throws org.springframework.context.NoSuchMessageException for an unknown key
	 */
	public static String get(Lang lang, String key, Object... args) {
		return SOURCE.getMessage(key, (args.length > 0) ? args : null, lang.locale());
	}

	/**
	 * @param lang response language
	 * @param key message key, may be absent
	 * @param fallback the text when the key is absent
	 * @param args arguments, already formatted
	 * @return the text in that language, or the fallback
	 */
	public static String getOrDefault(Lang lang, String key, String fallback, Object... args) {
		return SOURCE.getMessage(key, (args.length > 0) ? args : null, fallback, lang.locale());
	}

	/**
	 * @param lang response language
	 * @param reasons why a source is probably cut off
	 * @return the reasons in that language, joined by {@code "; "}
	 */
	public static String incomplete(Lang lang, java.util.List<nl.llomonitor.cube.IncompleteReason> reasons) {
		return reasons.stream()
			.map((r) -> get(lang, "incomplete." + r.key(), r.args().toArray()))
			.collect(java.util.stream.Collectors.joining("; "));
	}

	/**
	 * @param lang response language
	 * @param warning a warning of an import run
	 * @return the warning in that language (key {@code warning.<key>}); for a key these
	 * bundles do not hold (a run stored by another version), the key and its arguments
	 */
	public static String warning(Lang lang, ImportWarning warning) {
		Object[] args = warning.args().toArray();
		try {
			String text = getOrDefault(lang, "warning." + warning.key(), null, args);
			if (text != null) {
				return text;
			}
		}
		catch (IllegalArgumentException ex) {
			// arguments of another kind than the text expects (another version's run)
		}
		return warning.key() + " " + warning.args();
	}

	private static ResourceBundleMessageSource source() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		// read both bundles now: reading a file later would block an event-loop thread
		for (Lang lang : Lang.values()) {
			source.getMessage("source.none", null, lang.locale());
		}
		return source;
	}

}
