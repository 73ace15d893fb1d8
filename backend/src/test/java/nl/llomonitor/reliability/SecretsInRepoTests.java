package nl.llomonitor.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets come only from the environment: no tracked configuration file holds a
 * secret-looking value or a default for one ({@code ${LLO_ADMIN_TOKEN:changeme}}), and
 * there are no private keys or cloud credentials in the repository.
 */
class SecretsInRepoTests {

	/** key names that hold secrets. */
	private static final Pattern SECRET_KEY = Pattern
		.compile("(?i)(password|passwd|secret|token|api[_-]?key|credentials?|private[_-]?key)[\"']?\\s*[:=]\\s*(.*)$");

	/** allowed values: empty, or an environment reference without a default. */
	private static final Pattern ENV_ONLY = Pattern
		.compile("^[\"']?(\\$\\{[A-Z0-9_]+(:?\\??[^}:]*)?\\}|\\$\\{[A-Z0-9_]+:\\}|\\$[A-Z0-9_]+)?[\"']?\\s*(#.*)?$");

	private static final Pattern LEAKS = Pattern.compile(
			"-----BEGIN [A-Z ]*PRIVATE KEY-----|AKIA[0-9A-Z]{16}|ghp_[0-9A-Za-z]{36}|xox[bp]-[0-9A-Za-z-]{10,}|sk-[0-9A-Za-z]{32,}");

	@Test
	void trackedConfigurationHoldsNoSecrets() throws IOException {
		Path root = repositoryRoot();
		List<Path> files = configurationFiles(root);
		assertThat(files).as("configuration files found under %s", root)
			.anySatisfy((f) -> assertThat(f.toString()).endsWith("application.yaml"))
			.anySatisfy((f) -> assertThat(f.toString()).endsWith("docker-compose.yml"));
		List<String> findings = new ArrayList<>();
		for (Path file : files) {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i).strip();
				if (line.startsWith("#") || line.startsWith("//") || line.startsWith("--")) {
					continue;
				}
				if (LEAKS.matcher(line).find()) {
					findings.add(root.relativize(file) + ":" + (i + 1) + " credential-like text");
				}
				Matcher m = SECRET_KEY.matcher(line);
				if (m.find() && !line.contains("${LLO_") && !isReference(m.group(2))) {
					findings.add(root.relativize(file) + ":" + (i + 1) + " " + line);
				}
				else if (m.find(0) && line.contains("${LLO_")) {
					// an environment reference: it must not carry a default value
					Matcher ref = Pattern.compile("\\$\\{(LLO_[A-Z0-9_]+):([^?}][^}]*)\\}").matcher(line);
					if (ref.find()) {
						findings.add(root.relativize(file) + ":" + (i + 1) + " default for a secret: " + line);
					}
				}
			}
		}
		assertThat(findings).isEmpty();
	}

	@Test
	void theScannerCatchesWhatItShould() {
		assertThat(isReference("${LLO_ADMIN_TOKEN:}")).isTrue();
		assertThat(isReference("${LLO_DB_PASSWORD:?set LLO_DB_PASSWORD}")).isTrue();
		assertThat(isReference("")).isTrue();
		assertThat(isReference("hunter2")).isFalse();
		assertThat(isReference("\"changeme\"")).isFalse();
		assertThat(SECRET_KEY.matcher("password: hunter2").find()).isTrue();
		assertThat(LEAKS.matcher("AKIAABCDEFGHIJKLMNOP").find()).isTrue();
	}

	static boolean isReference(String value) {
		return ENV_ONLY.matcher(value.strip()).matches();
	}

	static List<Path> configurationFiles(Path root) throws IOException {
		List<Path> files = new java.util.ArrayList<>();
		// build output, git and node folders are skipped, not walked: a running build
		// rewrites files there
		Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
			@Override
			public java.nio.file.FileVisitResult preVisitDirectory(Path dir,
					java.nio.file.attribute.BasicFileAttributes attrs) {
				String name = String.valueOf(dir.getFileName());
				return (!dir.equals(root)
						&& (name.equals("target") || name.equals(".git") || name.equals("node_modules")))
								? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
			}

			@Override
			public java.nio.file.FileVisitResult visitFile(Path file,
					java.nio.file.attribute.BasicFileAttributes attrs) {
				String name = file.getFileName().toString();
				if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".properties")
						|| name.endsWith(".conf") || name.endsWith(".env") || name.equals("Dockerfile")
						|| name.endsWith(".sh") || name.equals("run") || name.endsWith(".toml")
						|| name.endsWith(".json") && !file.toString().contains("/static/")) {
					files.add(file);
				}
				return java.nio.file.FileVisitResult.CONTINUE;
			}

			@Override
			public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException ex) {
				return java.nio.file.FileVisitResult.CONTINUE;
			}
		});
		files.sort(null);
		return files;
	}

	static Path repositoryRoot() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isDirectory(dir.resolve("migrations")) && Files.isRegularFile(dir.resolve("mvnw"))) {
				return dir;
			}
		}
		throw new IllegalStateException("repository root (with migrations/ and mvnw) not found");
	}

}
