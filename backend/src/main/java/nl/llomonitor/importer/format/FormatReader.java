package nl.llomonitor.importer.format;

import java.io.IOException;
import java.io.InputStream;

import nl.llomonitor.importer.ImportJob;

/**
 * Reads one file format and hands its cells to the job.
 */
public interface FormatReader {

	void read(InputStream in, ImportJob job) throws IOException;

}
