package nl.llomonitor.importer.format;

import java.io.IOException;
import java.io.InputStream;

import nl.llomonitor.importer.ImportJob;
import nl.llomonitor.importer.ReadResult;

/**
 * Reads one file format: hands its cells to the job's {@link ImportJob#cells() sink} and
 * returns what else it found.
 */
public interface FormatReader {

	/**
	 * @param in the file's bytes
	 * @param job what the reader is given
	 * @return what the reader found: rows, signs, warnings, the table id and mapping
	 * @throws nl.llomonitor.importer.ImportException when the file is bad
	 */
	ReadResult read(InputStream in, ImportJob job) throws IOException;

}
