import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

/**
 * Build step "migrate -> generate": starts a throw-away embedded PostgreSQL (real binaries from
 * Maven Central, no Docker), applies the Flyway migrations and lets jOOQ read the resulting schema.
 * Skipped when the migrations have not changed since the last run.
 * <p>
 * Usage: java -cp ... JooqCodegen.java MIGRATIONS_DIR OUTPUT_DIR PACKAGE
 */
public class JooqCodegen {

	/**
	 * The columns stored as a code of the shared vocabulary: enum in nl.llomonitor.cube, and the
	 * columns (regular expression over [schema.]table.column) whose values are its codes.
	 */
	static final List<String[]> VOCABULARY = List.of(
			new String[] { "MissingReason", "(public\\.)?observation(_current)?\\.missing_reason" },
			new String[] { "Status", "(public\\.)?observation(_current)?\\.status" },
			new String[] { "ImportRunState", "(public\\.)?import_run\\.status" },
			new String[] { "PeriodType", "(public\\.)?period\\.type" });

	public static void main(String[] args) throws Exception {
		Path migrations = Path.of(args[0]).toAbsolutePath().normalize();
		Path output = Path.of(args[1]).toAbsolutePath().normalize();
		String packageName = args[2];
		Path stamp = output.resolve(".migrations.sha256");
		String hash = hash(migrations);
		if (Files.exists(stamp) && Files.readString(stamp).equals(hash)) {
			System.out.println("[jooq-codegen] migrations unchanged, generated code is up to date");
			return;
		}
		try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
			String url = pg.getJdbcUrl("postgres", "postgres");
			Flyway.configure()
				.dataSource(url, "postgres", "postgres")
				.locations("filesystem:" + migrations)
				.load()
				.migrate();
			GenerationTool.generate(new Configuration()
				.withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url).withUser("postgres").withPassword("postgres"))
				.withGenerator(new Generator()
					.withDatabase(new Database().withName("org.jooq.meta.postgres.PostgresDatabase")
						.withInputSchema("public")
						.withOutputSchemaToDefault(true)
						.withExcludes("flyway_schema_history|observation_segment_.*")
						// the shared vocabulary (nl.llomonitor.cube) for the columns that speak it
						.withForcedTypes(VOCABULARY.stream()
							.map(v -> new ForcedType().withUserType("nl.llomonitor.cube." + v[0])
								.withConverter("nl.llomonitor.cube." + v[0] + ".Converter")
								.withIncludeExpression(v[1]))
							.toList()))
					.withGenerate(new Generate().withRecords(true).withPojos(false).withJavaTimeTypes(true).withDeprecated(false).withGeneratedAnnotation(false))
					.withTarget(new Target().withPackageName(packageName).withDirectory(output.toString()).withClean(true))));
		}
		Files.writeString(stamp, hash);
	}

	private static String hash(Path dir) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		List<Path> files;
		try (Stream<Path> s = Files.list(dir)) {
			files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
		}
		for (Path f : files) {
			digest.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
			digest.update(Files.readAllBytes(f));
		}
		digest.update(JooqCodegen.class.getName().getBytes(StandardCharsets.UTF_8));
		// a changed forced type regenerates too
		for (String[] v : VOCABULARY) {
			digest.update(String.join("=", v).getBytes(StandardCharsets.UTF_8));
		}
		return HexFormat.of().formatHex(digest.digest());
	}

}
