package nl.llomonitor.cube;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The Dutch and English labels of the vocabulary, read from the API's message bundles
 * ({@code messages.properties}, Dutch; {@code messages_en.properties}, English) with the
 * JDK alone: the vocabulary writes no NL/EN text of its own. Keys: {@code flag.<letter>},
 * {@code missingReason.<code>}.
 */
final class Labels {

	private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
		.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

	private Labels() {
	}

	/**
	 * @param key the bundle key
	 * @param english whether English is wanted (else Dutch)
	 * @return the label
	 * @throws java.util.MissingResourceException when the key has no label
	 */
	static String get(String key, boolean english) {
		return ResourceBundle.getBundle("messages", english ? Locale.ENGLISH : Locale.ROOT, NO_FALLBACK).getString(key);
	}

}
