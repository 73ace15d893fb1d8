package nl.llomonitor;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of docs/architecture.md, checked on the compiled production classes:
 * data flow one way (importer → store → read side → web), no feature imports upwards, the
 * importer and the read side never import each other, and the shared vocabulary
 * {@code cube} knows nothing of Spring, HTTP or the features. A new top-level package
 * belongs in a layer here and in the drawing of docs/architecture.md.
 */
class ArchitectureTests {

	private static JavaClasses production;

	@BeforeAll
	static void importClasses() {
		production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("nl.llomonitor");
	}

	@Test
	void noFeatureImportsUpwards() {
		ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
			.withOptionalLayers(true)
			.layer("Vocabulary")
			.definedBy("nl.llomonitor.cube..")
			.layer("Infrastructure")
			.definedBy("nl.llomonitor.system..")
			.layer("Web")
			.definedBy("nl.llomonitor.api..")
			.layer("Import")
			.definedBy("nl.llomonitor.importer..")
			.layer("Reference")
			.definedBy("nl.llomonitor.region..", "nl.llomonitor.indicator..")
			.layer("Observation")
			.definedBy("nl.llomonitor.observation..")
			.layer("Statistics")
			.definedBy("nl.llomonitor.stats..")
			.layer("Revisions")
			.definedBy("nl.llomonitor.revision..")
			.whereLayer("Statistics")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Revisions")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Import")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Observation")
			.mayOnlyBeAccessedByLayers("Statistics", "Revisions")
			.whereLayer("Reference")
			.mayOnlyBeAccessedByLayers("Observation", "Statistics", "Revisions")
			.whereLayer("Web")
			.mayOnlyBeAccessedByLayers("Import", "Reference", "Observation", "Statistics", "Revisions")
			.whereLayer("Infrastructure")
			.mayOnlyBeAccessedByLayers("Web", "Import", "Reference", "Observation", "Statistics", "Revisions");
		layers.check(production);
	}

	@Test
	void featuresAreFreeOfCycles() {
		slices().matching("nl.llomonitor.(*)..").should().beFreeOfCycles().check(production);
	}

	@Test
	void importerAndReadSideNeverImportEachOther() {
		String[] readSide = { "nl.llomonitor.observation..", "nl.llomonitor.stats..", "nl.llomonitor.region..",
				"nl.llomonitor.indicator..", "nl.llomonitor.revision.." };
		noClasses().that()
			.resideInAPackage("nl.llomonitor.importer..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(readSide)
			.check(production);
		noClasses().that()
			.resideInAnyPackage(readSide)
			.should()
			.dependOnClassesThat()
			.resideInAPackage("nl.llomonitor.importer..")
			.check(production);
	}

	@Test
	void cubeKnowsNoSpringNoHttpNoFeature() {
		noClasses().that()
			.resideInAPackage("nl.llomonitor.cube..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "reactor..", "io.netty..", "java.net.http..",
					"jakarta.servlet..", "nl.llomonitor.system..", "nl.llomonitor.api..", "nl.llomonitor.importer..",
					"nl.llomonitor.observation..", "nl.llomonitor.stats..", "nl.llomonitor.region..",
					"nl.llomonitor.indicator..", "nl.llomonitor.revision..")
			.allowEmptyShould(true)
			.check(production);
	}

	@Test
	void everyClassSitsInAKnownPackage() {
		classes().should()
			.resideInAnyPackage("nl.llomonitor", "nl.llomonitor.cube..", "nl.llomonitor.system..",
					"nl.llomonitor.api..", "nl.llomonitor.importer..", "nl.llomonitor.region..",
					"nl.llomonitor.indicator..", "nl.llomonitor.observation..", "nl.llomonitor.stats..",
					"nl.llomonitor.revision..", "nl.llomonitor.db..")
			.because("a new top-level package needs a layer in ArchitectureTests and a place in docs/architecture.md")
			.check(production);
	}

}
