package nl.llomonitor.importer.format;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Skips the UTF-8 byte order marks at the start of a file: one, as CBS writes it, or
 * more, as a file saved again by a tool that adds one without looking. Every reader that
 * skips a mark skips them here, and {@link #strip} does the same to text, so that format
 * detection and the readers agree on where a file starts.
 */
public final class Bom {

	/** The byte order mark as a character. */
	public static final char MARK = '\uFEFF';

	private Bom() {
	}

	/**
	 * @param in a file's bytes
	 * @return the bytes after the byte order marks at the start (buffered)
	 * @throws IOException when the file cannot be read
	 */
	public static InputStream skip(InputStream in) throws IOException {
		BufferedInputStream buffered = (in instanceof BufferedInputStream b) ? b : new BufferedInputStream(in, 65536);
		while (true) {
			buffered.mark(3);
			byte[] head = buffered.readNBytes(3);
			if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
					&& (head[2] & 0xFF) == 0xBF)) {
				buffered.reset();
				return buffered;
			}
		}
	}

	/**
	 * @param text the start of a file as text
	 * @return the text after the byte order marks at its start
	 */
	public static String strip(String text) {
		int i = 0;
		while (i < text.length() && text.charAt(i) == MARK) {
			i++;
		}
		return text.substring(i);
	}

}
