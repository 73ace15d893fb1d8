package nl.llomonitor.cube;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The lookup of a vocabulary constant by its code, shared by the enums stored as a code.
 */
final class Codes {

	private Codes() {
	}

	/**
	 * @param <E> the enum
	 * @param constants its constants ({@code values()})
	 * @param codeOf the code of a constant
	 * @param code the code looked for, as the enum normalises it
	 * @param unknown the message for a code that is none of them
	 * @return the constant whose code equals {@code code}
	 * @throws IllegalArgumentException with the message of {@code unknown} when none does
	 */
	static <E extends Enum<E>> E of(E[] constants, Function<E, String> codeOf, String code, Supplier<String> unknown) {
		for (E constant : constants) {
			if (codeOf.apply(constant).equals(code)) {
				return constant;
			}
		}
		throw new IllegalArgumentException(unknown.get());
	}

}
