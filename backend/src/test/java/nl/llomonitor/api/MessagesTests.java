package nl.llomonitor.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dutch and English bundles stay in step: the same keys, the same placeholders in
 * every message, no empty text; and a lookup gives each language its own text.
 */
class MessagesTests {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[,}]");

	@Test
	void bothBundlesHaveTheSameKeysAndPlaceholders() throws IOException {
		Properties nl = load("messages.properties");
		Properties en = load("messages_en.properties");
		assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(nl.stringPropertyNames());
		assertThat(nl.stringPropertyNames()).hasSizeGreaterThan(30);
		for (String key : nl.stringPropertyNames()) {
			assertThat(nl.getProperty(key)).as(key).isNotBlank();
			assertThat(en.getProperty(key)).as(key).isNotBlank();
			assertThat(placeholders(en.getProperty(key))).as(key).isEqualTo(placeholders(nl.getProperty(key)));
			if (!placeholders(nl.getProperty(key)).isEmpty()) {
				// a single apostrophe would swallow the rest of a MessageFormat pattern
				assertThat(nl.getProperty(key).replace("''", "")).as(key).doesNotContain("'");
				assertThat(en.getProperty(key).replace("''", "")).as(key).doesNotContain("'");
			}
		}
	}

	@Test
	void eachLanguageGetsItsOwnText() {
		assertThat(Messages.get(Lang.NL, "compare.no-data")).isEqualTo("Geen gegevens voor deze regio's.");
		assertThat(Messages.get(Lang.EN, "compare.no-data")).isEqualTo("No data for these regions.");
		assertThat(Messages.get(Lang.NL, "compare.no-value", "Utrecht", "2023 2e kwartaal"))
			.isEqualTo("Geen waarde voor Utrecht in 2023 2e kwartaal.");
		assertThat(Messages.get(Lang.EN, "unit.value.x1000", "790")).isEqualTo("790 thousand");
		assertThat(Messages.getOrDefault(Lang.EN, "unit.value.ratio", "0.45", "0.45")).isEqualTo("0.45");
	}

	@Test
	void whyASourceIsIncompleteReadsInEachLanguage() {
		List<nl.llomonitor.cube.IncompleteReason> reasons = nl.llomonitor.cube.IncompleteReasonExamples.everyKind();
		// one of every kind there is: each factory of IncompleteReason
		long factories = java.util.Arrays.stream(nl.llomonitor.cube.IncompleteReason.class.getDeclaredMethods())
			.filter((m) -> java.lang.reflect.Modifier.isStatic(m.getModifiers())
					&& m.getReturnType() == nl.llomonitor.cube.IncompleteReason.class)
			.count();
		assertThat(reasons.stream().map(nl.llomonitor.cube.IncompleteReason::key).distinct()).hasSize((int) factories);
		for (var reason : reasons) {
			String nl = Messages.incomplete(Lang.NL, List.of(reason));
			String en = Messages.incomplete(Lang.EN, List.of(reason));
			assertThat(nl).as(reason.key()).isNotEqualTo(en).doesNotContain("{");
			assertThat(en).as(reason.key()).doesNotContain("{");
		}
		// numbers as each language writes them; several reasons joined
		assertThat(Messages.incomplete(Lang.NL, reasons.subList(4, 6)))
			.isEqualTo("4.408 records gelezen, maar het antwoord telt er 4.409 (@odata.count); 1.234.567 waarnemingen"
					+ " gelezen, maar de tabel heeft er 2.345.678 (Properties.ObservationCount)");
		assertThat(Messages.incomplete(Lang.EN, reasons.subList(0, 1)))
			.isEqualTo("exactly 10,000 data rows: the file was probably cut off at CBS's download limit");
	}

	@Test
	void everyImportWarningReadsInEachLanguage() {
		// every key an import writes, with arguments of its kind (text where the text
		// has a plain placeholder, a count where it has a number)
		for (String key : nl.llomonitor.cube.ImportWarning.KEYS) {
			String text = Messages.get(Lang.EN, "warning." + key);
			List<Object> args = new java.util.ArrayList<>();
			Matcher m = Pattern.compile("\\{(\\d)(,number[^}]*)?}").matcher(text);
			while (m.find()) {
				int i = Integer.parseInt(m.group(1));
				while (args.size() <= i) {
					args.add(null);
				}
				args.set(i, (m.group(2) != null) ? (Object) 3298L : "x");
			}
			var warning = new nl.llomonitor.cube.ImportWarning(key, args);
			for (Lang lang : Lang.values()) {
				assertThat(Messages.warning(lang, warning)).as(key).doesNotStartWith(key + " ").doesNotContain("{");
			}
			assertThat(Messages.warning(Lang.NL, warning)).as(key).isNotEqualTo(Messages.warning(Lang.EN, warning));
		}
		assertThat(Messages.warning(Lang.NL,
				nl.llomonitor.cube.ImportWarning.of(nl.llomonitor.cube.ImportWarning.MAPPING_SKIPPED_REGIONS, 3298L,
						"[Buitenland]")))
			.isEqualTo("3298 rijen van regio's overgeslagen door de mapping ([Buitenland])");
		// a key another version wrote, and a missing argument: said as they are, never a
		// failure
		assertThat(Messages.warning(Lang.NL, nl.llomonitor.cube.ImportWarning.of("from-the-future", 1L)))
			.isEqualTo("from-the-future [1]");
		assertThat(Messages.warning(Lang.NL,
				nl.llomonitor.cube.ImportWarning.of(nl.llomonitor.cube.ImportWarning.ODATA_PAGES, "three")))
			.isEqualTo("odata-pages [three]");
		assertThat(Messages.warning(Lang.EN,
				nl.llomonitor.cube.ImportWarning.of(nl.llomonitor.cube.ImportWarning.TEXT_MEASURES, (Object) null)))
			.isEqualTo("measures with text values not imported: null");
	}

	private static Set<String> placeholders(String message) {
		Set<String> found = new TreeSet<>();
		Matcher m = PLACEHOLDER.matcher(message);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = new ClassPathResource(name).getInputStream()) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
