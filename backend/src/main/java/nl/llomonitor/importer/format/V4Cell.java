package nl.llomonitor.importer.format;

import java.math.BigDecimal;

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
 * the reader refuses such a record), or says nihil beside another number than 0
 * ({@link #contradiction}: refused too);</li>
 * <li>without a {@code Value}: a number in {@code StringValue} is the value; else an
 * attribute other than {@code None} decides ({@code Nil} is nihil, a real zero; any other
 * gives the reason of {@link MissingReason#fromValueAttribute(String)}, since it is more
 * precise than a sign); else a CBS sign in {@code StringValue} ({@code -} is 0,
 * {@code .}, {@code x}, {@code ?} a reason); else other text in {@code StringValue} is no
 * value with reason "anders" and the text as its footnote, counted in a warning of the
 * run ({@code text-values}); else "not available".</li>
 * </ul>
 * The three say one thing or are refused ({@link #read}): a record whose {@code Value},
 * {@code StringValue} and {@code ValueAttribute} contradict each other (a figure beside a
 * sign or attribute that says there is none, nihil beside a number other than 0, two
 * different numbers) leaves its figure open, so storing either would be a silently wrong
 * number.
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
	 * ({@link #withholds}), or for any other contradiction between {@code Value},
	 * {@code StringValue} and {@code ValueAttribute} ({@link #contradiction}), naming
	 * both properties and what each says
	 */
	static V4Cell read(ImportJob job, String where, String value, String text, String attribute,
			ReadResult.Builder found) {
		if (withholds(value, text, attribute)) {
			throw job.error(where, "ValueAttribute", attribute,
					"no figure beside " + attribute + " (Value empty or null), or ValueAttribute None beside a figure",
					"a figure beside a value attribute that withholds it");
		}
		Claim[] pair = contradiction(value, text, attribute);
		if (pair != null) {
			throw job.error(where, pair[1].property(), pair[1].written(),
					"Value, StringValue and ValueAttribute that agree: a figure beside StringValue null, empty or the"
							+ " same number and ValueAttribute None (Nil beside 0 only), or no figure (Value null)"
							+ " beside a sign or an attribute",
					"contradictory values: " + String.join(" beside ",
							claims(value, text, attribute).stream().map(Claim::toString).toList()));
		}
		return of(value, text, attribute, found);
	}

	/**
	 * What one property of an observation says of its figure.
	 *
	 * @param property {@code Value}, {@code StringValue} or {@code ValueAttribute}
	 * @param written what it holds, stripped
	 * @param figure the figure it gives (0 for nihil), or null when it says there is none
	 * @param meaning what it means, for the error
	 */
	record Claim(String property, String written, BigDecimal figure, String meaning) {

		@Override
		public String toString() {
			return this.property + " "
					+ (this.property.equals("ValueAttribute") ? this.written : "'" + this.written + "'") + " ("
					+ this.meaning + ")";
		}

		/**
		 * @return whether this and {@code other} cannot both hold: a figure and none, or
		 * two different figures (nihil is the figure 0)
		 */
		boolean contradicts(Claim other) {
			if (this.figure == null || other.figure == null) {
				return (this.figure == null) != (other.figure == null);
			}
			return this.figure.compareTo(other.figure) != 0;
		}

	}

	/**
	 * The first two of {@code Value}, {@code StringValue} and {@code ValueAttribute} that
	 * contradict each other (CBS, "Handleiding CBS Open Data v4": {@code Value} holds the
	 * number, {@code StringValue} the value as text or a special sign,
	 * {@code ValueAttribute} why a cell has no figure or that it is nihil; "Verklaring
	 * van tekens" for the signs):
	 * <ul>
	 * <li>a number in {@code Value} or {@code StringValue} is that figure, the sign
	 * {@code -} and the attribute {@code Nil} the figure 0 (nihil);</li>
	 * <li>the signs {@code .}, {@code x}, {@code ?} and an attribute that names a reason
	 * (Confidential, Impossible, Unknown, Missing, Secret, NotAvailable, NotApplicable)
	 * say there is no figure;</li>
	 * <li>{@code None}, an empty or absent property, other text in {@code StringValue}
	 * and an attribute this version does not know say nothing.</li>
	 * </ul>
	 * So {@code Value 4.5} beside {@code Nil}, beside {@code StringValue "-"} or
	 * {@code "."}, or beside {@code StringValue "4.3"} contradicts; {@code Value 0} or
	 * null beside {@code Nil}, and {@code StringValue "x"} beside {@code Confidential},
	 * agree.
	 * @param value the stripped {@code Value}, null or empty when absent
	 * @param text the stripped {@code StringValue}, null or empty when absent
	 * @param attribute the stripped {@code ValueAttribute}
	 * @return the two that contradict, in that order; null when they agree
	 */
	static Claim[] contradiction(String value, String text, String attribute) {
		java.util.List<Claim> claims = claims(value, text, attribute);
		for (int i = 0; i < claims.size(); i++) {
			for (int j = i + 1; j < claims.size(); j++) {
				if (claims.get(i).contradicts(claims.get(j))) {
					return new Claim[] { claims.get(i), claims.get(j) };
				}
			}
		}
		return null;
	}

	/**
	 * @return what {@code Value}, {@code StringValue} and {@code ValueAttribute} say, in
	 * that order, leaving out those that say nothing
	 */
	private static java.util.List<Claim> claims(String value, String text, String attribute) {
		return java.util.stream.Stream.of(claim("Value", value), claim("StringValue", text), attributeClaim(attribute))
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	/**
	 * @return what a {@code Value} or {@code StringValue} says: a number, a CBS sign, or
	 * nothing (null) when it is absent, empty or other text
	 */
	private static Claim claim(String property, String written) {
		if (written == null || written.isEmpty()) {
			return null;
		}
		CbsSign sign = CbsSign.of(written);
		if (sign == CbsSign.NIHIL) {
			return new Claim(property, written, BigDecimal.ZERO, "nihil, a zero");
		}
		if (sign != null) {
			return new Claim(property, written, null, "no figure: " + sign.reason().code());
		}
		if (!Numbers.isDecimal(written)) {
			return null;
		}
		try {
			return new Claim(property, written, new BigDecimal(written), "a figure");
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * @return what a {@code ValueAttribute} says: nihil, no figure, or nothing (null) for
	 * {@code None}, empty, or an attribute this version does not know
	 */
	private static Claim attributeClaim(String attribute) {
		if (attribute == null || attribute.isEmpty() || attribute.equalsIgnoreCase("None")) {
			return null;
		}
		if (CbsSign.ofValueAttribute(attribute) != null) {
			return new Claim("ValueAttribute", attribute, BigDecimal.ZERO, "nihil, a zero");
		}
		MissingReason why = MissingReason.fromValueAttribute(attribute);
		return (why == MissingReason.ANDERS) ? null
				: new Claim("ValueAttribute", attribute, null, "no figure: " + why.code());
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
