package nl.llomonitor.importer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Unpacking an uploaded zip archive: an OData folder keeps its name and files, one file
 * is returned as itself, and an archive that reaches outside its folder, nests folders,
 * is empty, damaged or unpacks beyond the limit is refused naming the entry.
 */
class ZipUploadTests {

	@TempDir
	Path temp;

	private Path zip(String name, Map<String, byte[]> entries) throws IOException {
		Path file = this.temp.resolve(name);
		try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, byte[]> e : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(e.getKey()));
				zip.write(e.getValue());
				zip.closeEntry();
			}
		}
		return file;
	}

	private static byte[] text(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void aFolderInTheArchiveIsUnpackedUnderItsOwnName() throws IOException {
		Path zip = zip("download.zip", new java.util.LinkedHashMap<>(Map.of("odata4_80072ned/Observations.json",
				text("{}"), "odata4_80072ned/MeasureCodes.json", text("[]"))));
		Path into = Files.createDirectory(this.temp.resolve("into"));
		Path unpacked = ZipUpload.unpack(zip, into);
		assertThat(unpacked.getFileName().toString()).isEqualTo("odata4_80072ned");
		assertThat(Files.readString(unpacked.resolve("Observations.json"))).isEqualTo("{}");
		assertThat(unpacked.resolve("MeasureCodes.json")).exists();
	}

	@Test
	void filesAtTheTopAreUnpackedIntoAFolderNamedAfterTheArchive() throws IOException {
		Path zip = zip("odata3_83599NED.zip", new java.util.LinkedHashMap<>(
				Map.of("UntypedDataSet_page1.json", text("{}"), "UntypedDataSet_page2.json", text("{}"))));
		Path unpacked = ZipUpload.unpack(zip, Files.createDirectory(this.temp.resolve("into")));
		assertThat(unpacked.getFileName().toString()).isEqualTo("odata3_83599NED");
		assertThat(unpacked.resolve("UntypedDataSet_page2.json")).exists();
	}

	@Test
	void oneFileIsReturnedAsItself() throws IOException {
		Path zip = zip("x.zip", Map.of("85268NED.csv", text("ID;RegioS\n")));
		Path unpacked = ZipUpload.unpack(zip, Files.createDirectory(this.temp.resolve("into")));
		assertThat(unpacked.getFileName().toString()).isEqualTo("85268NED.csv");
		assertThat(ZipUpload.isZip(zip)).isTrue();
		assertThat(ZipUpload.isZip(unpacked)).isFalse();
	}

	@Test
	void anEntryOutsideTheFolderIsRefused() throws IOException {
		Path zip = zip("evil.zip", Map.of("../escape.json", text("{}")));
		Path into = Files.createDirectory(this.temp.resolve("into"));
		assertThatThrownBy(() -> ZipUpload.unpack(zip, into)).isInstanceOf(ImportException.class)
			.hasMessageContaining("evil.zip")
			.hasMessageContaining("'../escape.json'");
		assertThat(this.temp.resolve("escape.json")).doesNotExist();
	}

	@Test
	void aNestedFolderIsRefused() throws IOException {
		Path zip = zip("nested.zip", Map.of("a/b/Observations.json", text("{}")));
		assertThatThrownBy(() -> ZipUpload.unpack(zip, Files.createDirectory(this.temp.resolve("into"))))
			.isInstanceOf(ImportException.class)
			.hasMessageContaining("'a/b/Observations.json'")
			.hasMessageContaining("subfolder");
	}

	@Test
	void anArchiveBeyondTheLimitStopsAtTheLimit() throws IOException {
		// 1 MiB of zeros compresses to about a kilobyte: the limit counts what is written
		Path zip = zip("bomb.zip", Map.of("Observations.json", new byte[1 << 20]));
		assertThat(Files.size(zip)).isLessThan(10_000);
		Path into = Files.createDirectory(this.temp.resolve("into"));
		assertThatThrownBy(() -> ZipUpload.unpack(zip, into, 100_000)).isInstanceOf(ImportException.class)
			.hasMessageContaining("too large unpacked")
			.hasMessageContaining("100000 bytes");
	}

	@Test
	void anEmptyOrDamagedArchiveIsRefused() throws IOException {
		Path empty = zip("empty.zip", Map.of());
		assertThatThrownBy(() -> ZipUpload.unpack(empty, Files.createDirectory(this.temp.resolve("a"))))
			.isInstanceOf(ImportException.class)
			.hasMessageContaining("empty archive");
		Path damaged = Files.write(this.temp.resolve("damaged.zip"), new byte[] { 'P', 'K', 3, 4, 1, 2, 3 });
		assertThat(ZipUpload.isZip(damaged)).isTrue();
		assertThatThrownBy(() -> ZipUpload.unpack(damaged, Files.createDirectory(this.temp.resolve("b"))))
			.isInstanceOf(ImportException.class)
			.hasMessageContaining("damaged.zip");
	}

	@Test
	void aZipInsideTheZipIsRefusedNotUnpackedAgain() throws IOException {
		byte[] inner = Files.readAllBytes(zip("inner.zip", Map.of("85268NED.csv", text("ID;RegioS\n"))));
		Path outer = zip("outer.zip", Map.of("inner.zip", inner));
		assertThatThrownBy(() -> ZipUpload.unpack(outer, Files.createDirectory(this.temp.resolve("into"))))
			.isInstanceOf(ImportException.class)
			.hasMessageContaining("outer.zip")
			.hasMessageContaining("'inner.zip'")
			.hasMessageContaining("a zip inside the zip");
	}

	@Test
	void aSpreadsheetWorkbookIsNamedAsSuch() throws IOException {
		// what an .xlsx holds at its top, beside the folders of the sheets
		Path xlsx = zip("85268NED.xlsx", new java.util.LinkedHashMap<>(
				Map.of("[Content_Types].xml", text("<Types/>"), "xl/worksheets/sheet1.xml", text("<worksheet/>"))));
		assertThatThrownBy(() -> ZipUpload.unpack(xlsx, Files.createDirectory(this.temp.resolve("a"))))
			.isInstanceOf(ImportException.class)
			.hasMessageContaining("spreadsheet workbook")
			.hasMessageContaining("save the sheet as CSV");
		Path ods = zip("85268NED.ods", Map.of("mimetype", text("application/vnd.oasis.opendocument.spreadsheet")));
		assertThatThrownBy(() -> ZipUpload.unpack(ods, Files.createDirectory(this.temp.resolve("b"))))
			.isInstanceOf(ImportException.class)
			.hasMessageContaining("spreadsheet workbook");
	}

	@Test
	void entryNamesAreKeptToSafeCharactersAndMayNotCollide() throws IOException {
		Path one = zip("x.zip", Map.of("85268NED (1).csv", text("ID;RegioS\n")));
		Path unpacked = ZipUpload.unpack(one, Files.createDirectory(this.temp.resolve("a")));
		assertThat(unpacked.getFileName().toString()).isEqualTo("85268NED__1_.csv");
		Path two = zip("y.zip", new java.util.LinkedHashMap<>(Map.of("Observations.json", text("{}"),
				"Observations?.json", text("{}"), "Observations_.json", text("{}"))));
		assertThatThrownBy(() -> ZipUpload.unpack(two, Files.createDirectory(this.temp.resolve("b"))))
			.isInstanceOf(ImportException.class)
			.hasMessageContaining("a second Observations_.json");
	}

	@Test
	void theFileLimitNamesTheEntryBeyondIt() throws IOException {
		Map<String, byte[]> many = new java.util.LinkedHashMap<>();
		for (int i = 0; i <= ZipUpload.MAX_ENTRIES; i++) {
			many.put("f" + i + ".json", new byte[0]);
		}
		Path zip = zip("many.zip", many);
		assertThatThrownBy(() -> ZipUpload.unpack(zip, Files.createDirectory(this.temp.resolve("a"))))
			.isInstanceOf(ImportException.class)
			.hasMessageContaining("too many files")
			.hasMessageContaining("'f" + ZipUpload.MAX_ENTRIES + ".json'");
	}

}
