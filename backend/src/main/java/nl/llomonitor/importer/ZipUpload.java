package nl.llomonitor.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A zip archive given to an import (an upload through the admin API, or a file on the
 * command line): a saved OData folder (its data set and the code lists, periods and
 * properties beside it, so that periods keep their status and members their titles), or
 * one file of any format (a zipped CSV download). Unpacked into a folder of the same name
 * without {@code .zip} ({@code odata4_80072ned.zip} holds the folder
 * {@code odata4_80072ned}), or of its one top folder, so that the table id in the name is
 * kept.
 * <p>
 * A gzip file ({@code 85268NED.csv.gz}) is unpacked likewise ({@link #gunzip}).
 * <p>
 * Limits, each an {@link ImportException} naming the entry: at most {@value #MAX_ENTRIES}
 * files and {@value #MAX_BYTES} bytes unpacked (a zip bomb stops at that size, counted
 * while it is written, not trusted from the archive's header); no entry outside the
 * folder ({@code ../}, an absolute path); no subfolders beyond one top folder.
 */
final class ZipUpload {

	/** The most files an archive may hold. */
	static final int MAX_ENTRIES = 10_000;

	/** The most bytes an archive may unpack to: 4 GiB. */
	static final long MAX_BYTES = 4L << 30;

	private ZipUpload() {
	}

	/**
	 * @param file a file
	 * @return whether it starts as a zip archive does ({@code PK\3\4}, or {@code PK\5\6}
	 * for an empty one)
	 */
	static boolean isZip(Path file) {
		byte[] head = head(file, 4);
		return head.length == 4 && head[0] == 'P' && head[1] == 'K'
				&& ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
	}

	/**
	 * Unpacks the archive into {@code into}.
	 * @param zip the archive
	 * @param into an empty folder of the caller's, deleted by it afterwards
	 * @return what to import: the one file the archive holds, or the folder of its files
	 * @throws ImportException when the archive is damaged, empty, too large or holds
	 * entries outside its folder
	 */
	static Path unpack(Path zip, Path into) {
		return unpack(zip, into, MAX_BYTES);
	}

	/**
	 * {@link #unpack(Path, Path)} with another limit of the bytes unpacked.
	 */
	static Path unpack(Path zip, Path into, long maxBytes) {
		String name = zip.getFileName().toString();
		String base = name.replaceFirst("(?i)\\.zip$", "");
		try (ZipFile archive = new ZipFile(zip.toFile())) {
			List<ZipEntry> files = new ArrayList<>();
			Enumeration<? extends ZipEntry> entries = archive.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				String path = entry.getName().replace('\\', '/');
				if (entry.isDirectory() || path.startsWith("__MACOSX/") || path.endsWith("/.DS_Store")
						|| path.equals(".DS_Store")) {
					continue;
				}
				if (path.equals("[Content_Types].xml") || path.equals("mimetype")) {
					// an Excel (.xlsx) or OpenDocument (.ods) workbook is a zip too
					throw new ImportException(name, null, null, null,
							"a CBS CSV, OData JSON or Eurostat TSV file (save the sheet as CSV), or a zip of one",
							"a spreadsheet workbook (Excel or OpenDocument)");
				}
				if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")
						|| java.util.Arrays.asList(path.split("/")).contains("..")) {
					throw new ImportException(name, null, "entry", path, "a file inside the archive's folder",
							"a path outside it");
				}
				if (files.size() == MAX_ENTRIES) {
					throw new ImportException(name, null, "entry", path,
							"an archive of at most " + MAX_ENTRIES + " files", "too many files");
				}
				files.add(entry);
			}
			if (files.isEmpty()) {
				throw new ImportException(name, null, null, null, "an archive with a data file or an OData folder",
						"empty archive");
			}
			String top = topFolder(files);
			Path folder = into.resolve(Uploads.safeName((top != null) ? top : base));
			Files.createDirectories(folder);
			long budget = maxBytes;
			Path last = null;
			for (ZipEntry entry : files) {
				String path = entry.getName().replace('\\', '/');
				String inner = (top != null) ? path.substring(top.length() + 1) : path;
				if (inner.contains("/") || inner.isEmpty() || inner.equals(".")) {
					throw new ImportException(name, null, "entry", path,
							"the files of one folder (an OData folder: Observations.json, MeasureCodes.json, ...)",
							"a file in a subfolder or outside the folder");
				}
				// no '..' (refused above) and no '/' in inner: the file lies in the
				// folder
				// a name of the characters an upload's name keeps (valid on every file
				// system); two entries that come out the same are refused
				Path target = folder.resolve(Uploads.safeName(inner));
				if (Files.exists(target)) {
					throw new ImportException(name, null, "entry", path,
							"file names that differ in more than case"
									+ " and in characters other than letters, digits, '.', '_' and '-'",
							"a second " + target.getFileName());
				}
				try (InputStream in = archive.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
					budget -= copy(in, out, budget, maxBytes, name, path);
				}
				if (isZip(target)) {
					throw new ImportException(name, null, "entry", path, "a data file or the files of an OData folder",
							"a zip inside the zip");
				}
				last = target;
			}
			return (files.size() == 1) ? last : folder;
		}
		catch (ZipException ex) {
			throw new ImportException(name, null, null, null, "a readable zip archive",
					"damaged archive: " + ex.getMessage());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param file a file
	 * @return whether it starts as a gzip stream does ({@code 1F 8B}, RFC 1952)
	 */
	static boolean isGzip(Path file) {
		byte[] head = head(file, 2);
		return head.length == 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
	}

	/**
	 * @return the first {@code n} bytes of a regular file; none for a folder or a file
	 * that cannot be read
	 */
	private static byte[] head(Path file, int n) {
		if (!Files.isRegularFile(file)) {
			return new byte[0];
		}
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(n);
		}
		catch (IOException ex) {
			return new byte[0];
		}
	}

	/**
	 * Unpacks a gzip file ({@code 85268NED.csv.gz}) into {@code into}, as the file its
	 * name gives without {@code .gz} ({@code 85268NED.csv}), so that the table id and the
	 * kind of file in the name are kept.
	 * @param gzip the file
	 * @param into an empty folder of the caller's, deleted by it afterwards
	 * @param maxBytes the most bytes it may unpack to ({@link #MAX_BYTES} for imports)
	 * @return the unpacked file
	 * @throws ImportException when the stream is damaged or unpacks to more than
	 * {@code maxBytes}
	 */
	static Path gunzip(Path gzip, Path into, long maxBytes) {
		String name = gzip.getFileName().toString();
		String base = name.replaceFirst("(?i)\\.gz$", "");
		Path target = into.resolve(Uploads.safeName(base.isEmpty() || base.equals(name) ? name + ".unpacked" : base));
		try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(gzip), 1 << 16);
				OutputStream out = Files.newOutputStream(target)) {
			copy(in, out, maxBytes, maxBytes, name, base);
		}
		catch (ZipException | java.io.EOFException ex) {
			throw new ImportException(name, null, null, null, "a complete gzip file",
					"damaged gzip file: " + ((ex.getMessage() != null) ? ex.getMessage() : "it ends too early"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return target;
	}

	/** The one folder every entry lies in, or null when they lie at the top. */
	private static String topFolder(List<ZipEntry> files) {
		String top = null;
		for (ZipEntry entry : files) {
			String path = entry.getName().replace('\\', '/');
			int slash = path.indexOf('/');
			if (slash <= 0) {
				return null;
			}
			String first = path.substring(0, slash);
			if (top == null) {
				top = first;
			}
			else if (!top.equals(first)) {
				return null;
			}
		}
		return top;
	}

	/**
	 * @return the bytes copied
	 * @throws ImportException beyond {@code budget} bytes
	 */
	private static long copy(InputStream in, OutputStream out, long budget, long maxBytes, String name, String path)
			throws IOException {
		byte[] buffer = new byte[1 << 16];
		long copied = 0;
		for (int n; (n = in.read(buffer)) > 0;) {
			copied += n;
			if (copied > budget) {
				throw new ImportException(name, null, "entry", path,
						"an archive that unpacks to at most " + maxBytes + " bytes", "too large unpacked");
			}
			out.write(buffer, 0, n);
		}
		return copied;
	}

}
