package nl.llomonitor.importer.format;

import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Canonical breakdown keys: the non-total {@code dimension=member} pairs sorted by
 * dimension, joined with {@code ;} ('' is the total over everything).
 */
public final class Breakdowns {

	private Breakdowns() {
	}

	public static String key(Map<String, String> members) {
		if (members.isEmpty()) {
			return "";
		}
		StringJoiner key = new StringJoiner(";");
		new TreeMap<>(members).forEach((dimension, member) -> key.add(dimension + "=" + member));
		return key.toString();
	}

	public static Map<String, String> parse(String key) {
		Map<String, String> members = new TreeMap<>();
		if (!key.isEmpty()) {
			for (String pair : key.split(";")) {
				int eq = pair.indexOf('=');
				members.put(pair.substring(0, eq), pair.substring(eq + 1));
			}
		}
		return members;
	}

}
