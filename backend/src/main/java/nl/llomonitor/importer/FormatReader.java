package nl.llomonitor.importer;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one file format and hands its cells to the job.
 */
interface FormatReader {

	void read(InputStream in, ImportJob job) throws IOException;

}
