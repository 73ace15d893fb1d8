package nl.llomonitor.cube;

import java.util.Locale;

/**
 * The state of an import run ({@code import_run.status}; its check constraint lists the
 * same values).
 */
public enum ImportRunState {

	/** The run's transaction is open. */
	RUNNING,

	/** Committed with new or changed observations: a new vintage. */
	SUCCEEDED,

	/** Committed, but the file held nothing new. */
	UNCHANGED,

	/** Rolled back; the error is recorded. */
	FAILED;

	/**
	 * @return the value in the database and the API: running, succeeded, unchanged,
	 * failed
	 */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @return whether the run committed (succeeded or unchanged)
	 */
	public boolean committed() {
		return this == SUCCEEDED || this == UNCHANGED;
	}

	/**
	 * @param code a stored value
	 * @return the state
	 */
	public static ImportRunState of(String code) {
		return valueOf(code.strip().toUpperCase(Locale.ROOT));
	}

	@Override
	public String toString() {
		return code();
	}

	/**
	 * jOOQ converter between the stored code and the enum ({@code import_run.status}).
	 */
	public static final class Converter extends CodeConverter<ImportRunState> {

		/** Used by the generated jOOQ classes. */
		public Converter() {
			super(ImportRunState.class, ImportRunState::of, ImportRunState::code);
		}

	}

}
