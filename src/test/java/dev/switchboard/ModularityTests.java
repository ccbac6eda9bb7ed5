package dev.switchboard;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries. Each direct sub-package of dev.switchboard is a module whose base
 * package is its API and whose sub-packages are its internals (Spring Modulith); no module takes
 * part in a cycle, nor does an engine adapter: the port knows none of its adapters, and the
 * adapters know each other not. (A module's base package and its own {@code internal} package
 * may refer to each other, as in the Spring Modulith examples.)
 * Also writes the module diagrams (target/spring-modulith-docs).
 */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(SwitchboardApplication.class);
    static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.switchboard");

    @Test
    void modulesUseOnlyEachOthersApiAndFormNoCycle() {
        modules.verify();
    }

    @Test
    void noModuleTakesPartInACycle() {
        slices().matching("dev.switchboard.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void engineAdaptersFormNoCycle() {
        slices().matching("dev.switchboard.(**)").should().beFreeOfCycles()
                .check(classes.that(resideInAPackage("dev.switchboard.engine..")));
    }

    @Test
    void theEnginePortKnowsNoAdapter() {
        noClasses().that().resideInAPackage("dev.switchboard.engine")
                .should().dependOnClassesThat().resideInAPackage("dev.switchboard.engine.(*)..")
                .check(classes);
    }

    /** The README's picture of the modules is this text; it fails when a dependency comes or goes. */
    @Test
    void theReadmeDrawsTheModulesAsTheyAre() throws java.io.IOException {
        assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("README.md")))
                .as("README.md's Architecture section must show this diagram (copy it there):%n%s", moduleDiagram())
                .contains(moduleDiagram());
    }

    static String moduleDiagram() {
        java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of("```mermaid", "flowchart LR"));
        modules.stream().map(m -> m.getName()).sorted().forEach(name -> lines.add("  " + name));
        modules.stream().sorted(java.util.Comparator.comparing(m -> m.getName())).forEach(m -> m
                .getDirectDependencies(modules).uniqueModules().map(d -> d.getName()).sorted()
                .forEach(d -> lines.add("  " + m.getName() + " --> " + d)));
        lines.add("```");
        return String.join("\n", lines);
    }

    @Test
    void writesTheModuleDiagrams() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
