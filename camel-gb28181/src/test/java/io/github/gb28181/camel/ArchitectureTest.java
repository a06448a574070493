package io.github.gb28181.camel;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of docs/architecture.md, checked on the compiled classes: the protocol packages know nothing of
 * Camel or of the glue above them, and no two packages depend on each other in a circle.
 */
class ArchitectureTest {

    private static final String BASE = "io.github.gb28181.camel";
    /** The Camel glue: the top package and the Spring Boot auto-configuration. */
    private static final String[] GLUE = { BASE, BASE + ".springboot.." };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching(BASE + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void protocolCodeNeverImportsCamel() {
        noClasses().that().resideInAPackage(BASE + "..").and().resideOutsideOfPackages(GLUE)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..")
                .check(classes);
    }

    @Test
    void protocolCodeNeverReachesUpIntoTheGlue() {
        noClasses().that().resideInAPackage(BASE + "..").and().resideOutsideOfPackages(GLUE)
                .should().dependOnClassesThat().resideInAnyPackage(GLUE)
                .check(classes);
    }

    @Test
    void protocolCodeNeverImportsSpring() {
        noClasses().that().resideInAPackage(BASE + "..").and().resideOutsideOfPackages(GLUE)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(classes);
    }
}
