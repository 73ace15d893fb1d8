package nl.llomonitor.importer.format;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import nl.llomonitor.cube.MissingReason;

/**
 * Adds up the terms of summed measures ({@code sum: true} in a mapping file, e.g.
 * 60039fvw: 65+ = 65-74 + 75-84 + 85+) per target cell, for the readers and for a mapping
 * applied to a stored table. A sum has a value only when every term has one and all its
 * terms were met; otherwise it is stored without a value, as
 * {@link MissingReason#NIET_BESCHIKBAAR} with the footnote
 * {@link MissingReason#SUM_TERM_MISSING}. A sum never invents a number. Keeps the targets
 * in the order first met.
 */
public final class SumAccumulator {

	private final Map<Target, Sum> sums = new LinkedHashMap<>();

	/**
	 * Adds one term.
	 * @param target the cell the term adds to
	 * @param value the term's value (a validated decimal), or null when it has none
	 * @param row the source line or stored row of the term, for errors
	 * @param status the term's status code (the sum's is the weakest of its terms':
	 * {@link nl.llomonitor.cube.Status#weaker})
	 * @param flags the term's flags (the last term's are the sum's)
	 */
	public void add(Target target, String value, long row, String status, String flags) {
		Sum sum = this.sums.computeIfAbsent(target, (t) -> new Sum());
		sum.terms++;
		sum.row = row;
		sum.status = nl.llomonitor.cube.Status.weaker(sum.status, status);
		sum.flags = flags;
		if (value == null) {
			sum.missing++;
		}
		else {
			sum.total = sum.total.add(new BigDecimal(value));
		}
	}

	public boolean isEmpty() {
		return this.sums.isEmpty();
	}

	/** Forgets all sums (e.g. at the next row of a file whose rows hold all terms). */
	public void clear() {
		this.sums.clear();
	}

	/**
	 * @return the sums by target, in the order first met
	 */
	public Map<Target, Sum> sums() {
		return Collections.unmodifiableMap(this.sums);
	}

	/**
	 * A cell a sum is stored in.
	 *
	 * @param indicator indicator code
	 * @param region region code
	 * @param period period code
	 * @param breakdown breakdown key
	 * @param part {@link CellSink#VALUE}, {@link CellSink#LOW} or {@link CellSink#HIGH}
	 */
	public record Target(String indicator, String region, String period, String breakdown, char part) {

	}

	/**
	 * The terms of one target read so far.
	 */
	public static final class Sum {

		private BigDecimal total = BigDecimal.ZERO;

		private long terms;

		private long missing;

		private long row;

		private String status;

		private String flags;

		/**
		 * @param expected how many terms the sum has (0: as many as were met)
		 * @return whether every term was met and has a value
		 */
		public boolean complete(long expected) {
			return this.missing == 0 && this.terms >= expected;
		}

		/** Whether at least one term has a value. */
		public boolean someValue() {
			return this.missing < this.terms;
		}

		/**
		 * @param expected how many terms the sum has (0: as many as were met)
		 * @return the sum as a plain decimal, or null when it is not complete
		 */
		public String value(long expected) {
			return complete(expected) ? this.total.toPlainString() : null;
		}

		/**
		 * @param expected how many terms the sum has (0: as many as were met)
		 * @return the missing reason code when it is not complete, else null
		 */
		public String reason(long expected) {
			return complete(expected) ? null : MissingReason.NIET_BESCHIKBAAR.code();
		}

		/**
		 * @param expected how many terms the sum has (0: as many as were met)
		 * @return {@link MissingReason#SUM_TERM_MISSING} when it is not complete, else
		 * null
		 */
		public String footnote(long expected) {
			return complete(expected) ? null : MissingReason.SUM_TERM_MISSING;
		}

		/** The row of the last term. */
		public long row() {
			return this.row;
		}

		/** The weakest status of the terms. */
		public String status() {
			return this.status;
		}

		/** The flags of the last term. */
		public String flags() {
			return this.flags;
		}

	}

}
