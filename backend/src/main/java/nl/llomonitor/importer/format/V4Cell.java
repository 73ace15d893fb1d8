package nl.llomonitor.importer.format;

import nl.llomonitor.cube.CbsSign;
import nl.llomonitor.cube.MissingReason;
import nl.llomonitor.importer.ImportFormat;
import nl.llomonitor.importer.ImportJob;
import nl.llomonitor.importer.ReadResult;

/**
 * What one CBS OData v4 observation says, from its {@code Value}, {@code StringValue} and
 * {@code ValueAttribute} (CBS, "Handleiding CBS Open Data v4"), the same in the JSON
 * response and in the v4 CSV download.
 * <ul>
 * <li>a number in {@code Value} is the value; an attribute other than {@code None} beside
 * it is kept as its footnote, unless it says the cell has no figure ({@link #withholds}:
 * the reader refuses such a record);</li>
 * <li>without a {@code Value}: a number in {@code StringValue} is the value; else an
 * attribute other than {@code None} decides ({@code Nil} is nihil, a real zero; any other
 * gives the reason of {@link MissingReason#fromValueAttribute(String)}, since it is more
 * precise than a sign); else a CBS sign in {@code StringValue} ({@code -} is 0,
 * {@code .}, {@code x}, {@code ?} a reason); else other text in {@code StringValue} is no
 * value with reason "anders" and the text as its footnote, counted in a warning of the
 * run ({@code text-values}); else "not available".</li>
 * </ul>
 *
 * @param value the decimal value, or null
 * @param reason a {@link MissingReason} code when there is no value, else null
 * @param footnote the attribute (or the text of an unknown one), or null
 */
record V4Cell(String value, String reason, String footnote) {

	/**
	 * Whether an observation gives a figure that its attribute withholds: a number in
	 * {@code Value} or {@code StringValue} beside {@code Confidential},
	 * {@code Impossible}, {@code Unknown}, {@code Secret} or {@code NotAvailable} (an
	 * attribute this version knows as a reason why a cell has no figure). Stored, the
	 * number would be shown as a figure CBS did not publish, or as none with a number
	 * behind it.
	 * @param value the stripped {@code Value}, null or empty when absent
	 * @param text the stripped {@code StringValue}, null or empty when absent
	 * @param attribute the stripped {@code ValueAttribute}
	 * @return whether the record contradicts itself
	 */
	static boolean withholds(String value, String text, String attribute) {
		boolean stated = attribute != null && !attribute.isEmpty() && !attribute.equalsIgnoreCase("None");
		if (!stated || CbsSign.ofValueAttribute(attribute) != null
				|| MissingReason.fromValueAttribute(attribute) == MissingReason.ANDERS) {
			return false;
		}
		boolean number = value != null && !value.isEmpty() && CbsSign.of(value) == null;
		return number
				|| (text != null && !text.isEmpty() && Numbers.isDecimal(text) && (value == null || value.isEmpty()));
	}

	/**
	 * As {@link #of}, for a reader that names where the observation stands.
	 * @param job the import, for the error
	 * @param where the record or line
	 * @throws nl.llomonitor.importer.ImportException for a figure its attribute withholds
	 * ({@link #withholds})
	 */
	static V4Cell read(ImportJob job, String where, String value, String text, String attribute,
			ReadResult.Builder found) {
		if (withholds(value, text, attribute)) {
			throw job.error(where, "ValueAttribute", attribute,
					"no figure beside " + attribute + " (Value empty or null), or ValueAttribute None beside a figure",
					"a figure beside a value attribute that withholds it");
		}
		return of(value, text, attribute, found);
	}

	/**
	 * @param value the stripped {@code Value}, null or empty when absent; a CBS sign
	 * written there is read as the {@code StringValue} it stands for
	 * @param text the stripped {@code StringValue}, null or empty when absent
	 * @param attribute the stripped {@code ValueAttribute}, empty or {@code None} when
	 * there is none
	 * @param found counts the sign or attribute met
	 * @return the cell
	 */
	static V4Cell of(String value, String text, String attribute, ReadResult.Builder found) {
		if (value != null && !value.isEmpty() && CbsSign.of(value) != null) {
			// a sign written in Value itself: read as the StringValue it stands for
			return of(null, value, attribute, found);
		}
		boolean stated = attribute != null && !attribute.isEmpty() && !attribute.equalsIgnoreCase("None");
		String footnote = stated ? attribute : null;
		if (value != null && !value.isEmpty()) {
			if (stated) {
				found.sign(attribute);
			}
			return new V4Cell(value, null, footnote);
		}
		boolean hasText = text != null && !text.isEmpty();
		if (hasText && Numbers.isDecimal(text)) {
			if (stated) {
				found.sign(attribute);
			}
			return new V4Cell(text, null, footnote);
		}
		if (stated) {
			found.sign(attribute);
			CbsSign nil = CbsSign.ofValueAttribute(attribute);
			if (nil != null) {
				return new V4Cell(nil.value(), null, footnote);
			}
			MissingReason why = MissingReason.fromValueAttribute(attribute);
			if (why == MissingReason.ANDERS && hasText && CbsSign.of(text) == null) {
				footnote = ImportFormat.abbreviate(text);
			}
			return new V4Cell(null, why.code(), footnote);
		}
		CbsSign sign = hasText ? CbsSign.of(text) : null;
		if (sign != null) {
			found.sign(sign.reportName());
			return new V4Cell(sign.value(), (sign.reason() != null) ? sign.reason().code() : null, null);
		}
		if (hasText) {
			// text where a number belongs ('Hoog', a decimal comma): no value, with the
			// text kept and the run warning, never read as a plain "not available"
			found.textValue(text);
			return new V4Cell(null, MissingReason.ANDERS.code(), ImportFormat.abbreviate(text));
		}
		found.sign("null");
		return new V4Cell(null, MissingReason.NIET_BESCHIKBAAR.code(), null);
	}

}
