package nl.llomonitor.api;

import java.util.List;
import java.util.Locale;

import org.springframework.web.server.ServerWebExchange;

/**
 * Response language: {@code ?lang=nl|en}, else the first of Accept-Language that we
 * speak, else Dutch.
 */
public enum Lang {

	NL, EN;

	/**
	 * @param lang the {@code lang} parameter, may be null
	 * @param exchange the request
	 * @return the language
	 */
	public static Lang resolve(String lang, ServerWebExchange exchange) {
		if (lang != null) {
			return switch (lang.trim().toLowerCase(Locale.ROOT)) {
				case "nl" -> NL;
				case "en" -> EN;
				default -> throw ApiException.invalidParameter("lang", "lang must be 'nl' or 'en'.");
			};
		}
		try {
			List<Locale> locales = exchange.getRequest().getHeaders().getAcceptLanguageAsLocales();
			for (Locale locale : locales) {
				if ("en".equals(locale.getLanguage())) {
					return EN;
				}
				if ("nl".equals(locale.getLanguage())) {
					return NL;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// malformed Accept-Language: use the default
		}
		return NL;
	}

	/**
	 * @param nl Dutch text
	 * @param en English text
	 * @return the one in this language (Dutch if English is missing)
	 */
	public String pick(String nl, String en) {
		return (this == EN && en != null) ? en : nl;
	}

	private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

	public Locale locale() {
		return (this == EN) ? Locale.UK : DUTCH;
	}

}
