package nl.llomonitor.importer.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import nl.llomonitor.importer.AdminImportController;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads left in the temporary folder by an app that was killed mid-import are deleted
 * at start; one that another instance is receiving now is kept.
 */
class StaleUploadsTests {

	@Test
	void uploadsLeftBehindAreDeletedAtStart() throws Exception {
		Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
		Path old = Files.createTempDirectory(tmp, AdminImportController.UPLOAD_PREFIX);
		Path file = Files.write(old.resolve("85268NED.csv"), new byte[20 * 1024 * 1024]);
		FileTime hourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
		Files.setLastModifiedTime(file, hourAgo);
		Files.setLastModifiedTime(old, hourAgo);
		Path fresh = Files.createTempDirectory(tmp, AdminImportController.UPLOAD_PREFIX);
		Files.writeString(fresh.resolve("upload.csv"), "being received");
		try {
			ImportGate.deleteStaleUploads();
			assertThat(old).doesNotExist();
			assertThat(fresh.resolve("upload.csv")).exists();
		}
		finally {
			Files.deleteIfExists(fresh.resolve("upload.csv"));
			Files.deleteIfExists(fresh);
		}
	}

	@Test
	void uploadsOfAProcessThatIsGoneAreDeletedAtOnce() throws Exception {
		Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		Process alive = new ProcessBuilder("sleep", "60").start();
		Path ofGone = Files.createTempDirectory(tmp, AdminImportController.UPLOAD_PREFIX + "-" + gone.pid() + "-");
		Files.writeString(ofGone.resolve("upload.csv"), "left by a killed app a moment ago");
		Path ofAlive = Files.createTempDirectory(tmp, AdminImportController.UPLOAD_PREFIX + "-" + alive.pid() + "-");
		Path file = Files.writeString(ofAlive.resolve("upload.csv"), "being imported by another instance");
		FileTime hourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
		Files.setLastModifiedTime(file, hourAgo);
		Files.setLastModifiedTime(ofAlive, hourAgo);
		try {
			assertThat(ImportGate.uploadOwner(ofGone.getFileName().toString())).isEqualTo(gone.pid());
			assertThat(ImportGate.uploadOwner("llo-upload12345")).isEqualTo(-1);
			ImportGate.deleteStaleUploads();
			assertThat(ofGone).doesNotExist();
			assertThat(file).exists();
		}
		finally {
			alive.destroyForcibly();
			Files.deleteIfExists(file);
			Files.deleteIfExists(ofAlive);
		}
	}

}
