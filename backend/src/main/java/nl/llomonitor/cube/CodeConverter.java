package nl.llomonitor.cube;

import java.util.function.Function;

import org.jooq.impl.AbstractConverter;

/**
 * jOOQ converter between a text column and a vocabulary enum stored as its code: the
 * generated classes give and take the enum, so no code outside {@code cube} spells a
 * stored code. Null stays null. Each enum names its converter in the jOOQ code generation
 * ({@code backend/src/build/JooqCodegen.java}).
 *
 * @param <E> the enum
 */
public abstract class CodeConverter<E extends Enum<E>> extends AbstractConverter<String, E> {

	private final Function<String, E> fromCode;

	private final Function<E, String> toCode;

	/**
	 * @param type the enum
	 * @param fromCode the constant of a stored code; throws
	 * {@link IllegalArgumentException} for an unknown one
	 * @param toCode the stored code of a constant
	 */
	protected CodeConverter(Class<E> type, Function<String, E> fromCode, Function<E, String> toCode) {
		super(String.class, type);
		this.fromCode = fromCode;
		this.toCode = toCode;
	}

	@Override
	public E from(String code) {
		return (code != null) ? this.fromCode.apply(code) : null;
	}

	@Override
	public String to(E value) {
		return (value != null) ? this.toCode.apply(value) : null;
	}

}
