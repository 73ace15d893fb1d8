package nl.llomonitor.api;

import java.util.ArrayList;
import java.util.List;

import nl.llomonitor.cube.IncompleteReason;
import tools.jackson.databind.json.JsonMapper;

/**
 * Why the import run of a vintage was probably incomplete (cut off), in the reader's
 * language.
 *
 * @param table the run's table ({@code import_run.table_id}), or null if unknown
 * @param stored the run's {@code import_run.incomplete_reason}: English, as written
 * @param reasons the same as keys and arguments ({@code import_run.report ->
 * 'incompleteReasons'}); empty for a run stored before they were kept, whose English text
 * is then given in every language
 * @param other the incompleteness of another table behind the same figure (a derived
 * figure whose numerator and denominator both come from incomplete imports), or null
 */
public record Incompleteness(String table, String stored, List<IncompleteReason> reasons, Incompleteness other) {

	public Incompleteness {
		reasons = List.copyOf(reasons);
	}

	/**
	 * @param table {@code import_run.table_id}, or null
	 * @param stored {@code import_run.incomplete_reason}, or null for a complete run
	 * @param json {@code import_run.report -> 'incompleteReasons'} as text, or null
	 * @return the run's incompleteness, or null for a complete run
	 */
	public static Incompleteness of(String table, String stored, String json) {
		if (stored == null) {
			return null;
		}
		// as the import wrote them: records of key and arguments (numbers or text)
		List<IncompleteReason> reasons = (json != null)
				? List.of(JsonMapper.shared().readValue(json, IncompleteReason[].class)) : List.of();
		return new Incompleteness(table, stored, reasons, null);
	}

	/**
	 * @param other the incompleteness of the other term of a derived figure, or null
	 * @return both: the figure is incomplete where either term is
	 */
	public Incompleteness and(Incompleteness other) {
		if (other == null) {
			return this;
		}
		List<Incompleteness> mine = all();
		Incompleteness result = this;
		for (Incompleteness o : other.all()) {
			if (!mine.contains(o)) {
				result = new Incompleteness(result.table, result.stored, result.reasons,
						(result.other == null) ? o : result.other.and(o));
			}
		}
		return result;
	}

	/**
	 * @return this and every other one behind the same figure, each alone
	 */
	public List<Incompleteness> all() {
		List<Incompleteness> all = new ArrayList<>();
		for (Incompleteness i = this; i != null; i = i.other) {
			all.add(new Incompleteness(i.table, i.stored, i.reasons, null));
		}
		return all;
	}

	/**
	 * @param lang the reader's language
	 * @return why, in that language (this one only: see {@link #all()})
	 */
	public String text(Lang lang) {
		if (this.reasons.isEmpty()) {
			return this.stored;
		}
		// a key these bundles do not know (written by another version): the stored
		// English text, never an error
		boolean known = this.reasons.stream()
			.allMatch((r) -> Messages.getOrDefault(lang, "incomplete." + r.key(), null) != null);
		return known ? Messages.incomplete(lang, this.reasons) : this.stored;
	}

	/**
	 * @param sourceTable the table of the value the run wrote
	 * @return this, naming that table where the run names none
	 */
	public Incompleteness orTable(String sourceTable) {
		return (this.table != null || sourceTable == null) ? this
				: new Incompleteness(sourceTable, this.stored, this.reasons, this.other);
	}

}
