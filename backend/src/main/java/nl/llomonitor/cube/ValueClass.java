package nl.llomonitor.cube;

import java.math.BigDecimal;
import java.util.List;

/**
 * One class of an indicator's values, read from {@code classes} in
 * {@code data/indicators.yaml} (data/schema/indicators.schema.json), e.g. UWV's classes
 * of the spanningsindicator: zeer ruim below 0.25, ruim below 0.67, gemiddeld below 1.5,
 * krap below 4 and zeer krap from 4 (UWV, "Spanningsindicator", the classes of its
 * regional labour-market tension tables). A value falls in the first class, in order,
 * whose bound lies above it.
 *
 * @param code a stable code, e.g. {@code krap}: lower-case letters, digits and
 * underscores
 * @param nameNl the Dutch name, e.g. "Krap"
 * @param nameEn the English name, e.g. "Tight"
 * @param below the class's exclusive upper bound, in the indicator's unit; null for the
 * last class, which has none
 */
public record ValueClass(String code, String nameNl, String nameEn, BigDecimal below) {

	/**
	 * @throws IllegalArgumentException when the code or a name is missing
	 */
	public ValueClass {
		if (code == null || !code.matches("[a-z][a-z0-9_]*") || nameNl == null || nameNl.isBlank() || nameEn == null
				|| nameEn.isBlank()) {
			throw new IllegalArgumentException(
					"a value class needs a code of lower-case letters, digits and underscores and a name in nl and en, not "
							+ code + " / " + nameNl + " / " + nameEn);
		}
	}

	/**
	 * Checks a list of classes: codes unique, bounds rising, and only the last without
	 * one.
	 * @param classes the classes, in order; empty for none
	 * @return the same classes, as an unmodifiable list
	 * @throws IllegalArgumentException naming the first class out of order
	 */
	public static List<ValueClass> checked(List<ValueClass> classes) {
		if (classes == null || classes.isEmpty()) {
			return List.of();
		}
		java.util.Set<String> codes = new java.util.HashSet<>();
		for (int i = 0; i < classes.size(); i++) {
			ValueClass c = classes.get(i);
			if (!codes.add(c.code())) {
				throw new IllegalArgumentException("value class " + c.code() + " is given twice");
			}
			boolean last = i == classes.size() - 1;
			if (last != (c.below() == null)) {
				throw new IllegalArgumentException("value class " + c.code() + (last
						? ": the last class has no bound ('below')" : ": only the last class may lack 'below'"));
			}
			if (i > 0 && !last && c.below().compareTo(classes.get(i - 1).below()) <= 0) {
				throw new IllegalArgumentException("value class " + c.code() + ": its bound "
						+ c.below().toPlainString() + " must lie above that of " + classes.get(i - 1).code() + " ("
						+ classes.get(i - 1).below().toPlainString() + ")");
			}
		}
		return List.copyOf(classes);
	}

	/**
	 * The class of a value.
	 * @param classes checked classes ({@link #checked}), in order
	 * @param value a value in the indicator's unit, may be null
	 * @return the first class whose bound lies above the value (or the last class), or
	 * null when there are no classes or no value
	 */
	public static ValueClass of(List<ValueClass> classes, BigDecimal value) {
		if (value == null) {
			return null;
		}
		for (ValueClass c : classes) {
			if (c.below() == null || value.compareTo(c.below()) < 0) {
				return c;
			}
		}
		return null;
	}

	/**
	 * @param english whether the English name is wanted
	 * @return the name in that language
	 */
	public String name(boolean english) {
		return english ? this.nameEn : this.nameNl;
	}

}
