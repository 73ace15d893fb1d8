package nl.llomonitor.cube;

import java.util.List;
import java.util.Set;

/**
 * A warning of an import run, as a message key and its arguments, so that each reader
 * gets it in its own language: the API's bundles ({@code messages.properties},
 * {@code messages_en.properties}) hold the texts under {@code warning.<key>}. Stored with
 * the run ({@code import_run.report -> 'warningDetails'}), beside the English texts in
 * {@code import_run.report -> 'warnings'} that the CLI and the admin answer give. That a
 * source was cut off is not one of them: {@link IncompleteReason} says it.
 *
 * @param key the kind of warning, e.g. {@code mapping-skipped-regions}
 * @param args its arguments: numbers (counts) or text (codes, labels, a date)
 */
public record ImportWarning(String key, List<Object> args) {

	/**
	 * The kinds that mean the store holds less of the source than it published: rows or
	 * measures left out.
	 */
	private static final Set<String> LEAVES_OUT = Set.of("mapping-skipped-regions", "unknown-regions-skipped",
			"text-measures", "margin-only");

	public ImportWarning {
		args = List.copyOf(args);
	}

	/**
	 * @param key the kind of warning
	 * @param args its arguments, numbers or text
	 * @return the warning
	 */
	public static ImportWarning of(String key, Object... args) {
		return new ImportWarning(key, List.of(args));
	}

	/**
	 * @return whether the store holds less of the source than it published because of it
	 * (rows of regions skipped, measures not imported)
	 */
	public boolean leavesOut() {
		return LEAVES_OUT.contains(this.key);
	}

}
