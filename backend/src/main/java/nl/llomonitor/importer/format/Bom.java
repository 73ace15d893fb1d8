package nl.llomonitor.importer.format;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Skips a UTF-8 byte order mark.
 */
public final class Bom {

	private Bom() {
	}

	public static InputStream skip(InputStream in) throws IOException {
		BufferedInputStream buffered = (in instanceof BufferedInputStream b) ? b : new BufferedInputStream(in, 65536);
		buffered.mark(3);
		byte[] head = buffered.readNBytes(3);
		if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
			buffered.reset();
		}
		return buffered;
	}

}
