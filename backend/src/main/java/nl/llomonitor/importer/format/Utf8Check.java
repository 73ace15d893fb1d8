package nl.llomonitor.importer.format;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;

import nl.llomonitor.importer.ImportException;
import nl.llomonitor.importer.ImportJob;

/**
 * Checks that a delimited text file is UTF-8 while it is read, and says where it is not:
 * the line, the column (by its header name when known) and the likely cause. A byte that
 * cannot start or continue a UTF-8 sequence is almost always a file saved as Windows-1252
 * (Excel's "CSV" on Windows), so the message says so and shows the character the byte is
 * in Windows-1252. A Java decoder would silently replace such bytes with U+FFFD; a label
 * such as "Fryslân" would then not be found, or worse, be stored wrongly.
 */
final class Utf8Check extends FilterInputStream {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private final char delimiter;

	/** The header's column names, once known, to name the column of a bad byte. */
	List<String> header;

	private long line = 1;

	private int field;

	private boolean quoted;

	private int pending;

	private int lead;

	/** The bytes of line 1 (the header), to name columns before a parser has read it. */
	private final java.io.ByteArrayOutputStream firstLine = new java.io.ByteArrayOutputStream();

	Utf8Check(InputStream in, char delimiter) {
		super(in);
		this.delimiter = delimiter;
	}

	/**
	 * The file is not UTF-8.
	 */
	static final class NotUtf8 extends IOException {

		final long line;

		final int field;

		final int badByte;

		NotUtf8(long line, int field, int badByte) {
			super("byte 0x%02X on line %d is not UTF-8".formatted(badByte, line));
			this.line = line;
			this.field = field;
			this.badByte = badByte;
		}

		/**
		 * @param job the import
		 * @param header the header's column names, or null
		 * @return an error naming line, column and likely cause
		 */
		ImportException toImportException(ImportJob job, List<String> header) {
			String column = (header != null && this.field < header.size()) ? header.get(this.field)
					: "field " + (this.field + 1);
			String shown = new String(new byte[] { (byte) this.badByte }, WINDOWS_1252);
			return job.error("line " + this.line, column,
					"byte 0x%02X ('%s' in Windows-1252)".formatted(this.badByte, shown),
					"a UTF-8 file (save it as \"CSV UTF-8\")", "the file is not UTF-8; it looks like Windows-1252");
		}

	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			check(b);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		for (int i = 0; i < n; i++) {
			check(buffer[offset + i] & 0xFF);
		}
		return n;
	}

	private void check(int b) throws NotUtf8 {
		if (this.line == 1 && b != '\n' && this.firstLine.size() < 65536) {
			this.firstLine.write(b);
		}
		if (this.pending > 0) {
			if ((b & 0xC0) != 0x80 || (this.lead == 0xE0 && this.pending == 2 && b < 0xA0)
					|| (this.lead == 0xF0 && this.pending == 3 && b < 0x90)
					|| (this.lead == 0xF4 && this.pending == 3 && b > 0x8F)
					|| (this.lead == 0xED && this.pending == 2 && b > 0x9F)) {
				throw new NotUtf8(this.line, this.field, (b < 0x80) ? this.lead : b);
			}
			this.pending--;
			return;
		}
		if (b < 0x80) {
			if (b == '\n') {
				this.line++;
				this.field = 0;
				this.quoted = false;
			}
			else if (b == '"') {
				this.quoted = !this.quoted;
			}
			else if (b == this.delimiter && !this.quoted) {
				this.field++;
			}
			return;
		}
		this.lead = b;
		if (b >= 0xC2 && b <= 0xDF) {
			this.pending = 1;
		}
		else if (b >= 0xE0 && b <= 0xEF) {
			this.pending = 2;
		}
		else if (b >= 0xF0 && b <= 0xF4) {
			this.pending = 3;
		}
		else {
			throw new NotUtf8(this.line, this.field, b);
		}
	}

	/**
	 * @param ex an exception from reading
	 * @return the {@link NotUtf8} it was caused by, or null
	 */
	List<String> header() {
		if (this.header != null) {
			return this.header;
		}
		String text = this.firstLine.toString(java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
		return java.util.Arrays.stream(text.split(java.util.regex.Pattern.quote(String.valueOf(this.delimiter)), -1))
			.map((name) -> name.replace("\"", "").strip())
			.toList();
	}

	static NotUtf8 find(Throwable ex) {
		for (Throwable t = ex; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (t instanceof NotUtf8 n) {
				return n;
			}
		}
		return null;
	}

}
