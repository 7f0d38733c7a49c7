package raftkit.grader;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The grader's packages form one pipeline, read from the compiled classes: the commands ({@code cli}) make a
 * plan ({@code plan}, from the {@code policy}), build a hand-in ({@code build}), run it ({@code run} over the
 * {@code engine}), score it ({@code score}) and write reports ({@code report}). Each package may use only those
 * before it, so no two packages depend on each other.
 */
class ArchitectureTest {

    private static JavaClasses grader;

    @BeforeAll
    static void importTheGrader() {
        grader = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("raftkit.grader");
    }

    @Test
    void when_packages_depend_on_each_other_then_never_in_a_cycle() {
        slices().matching("raftkit.grader.(*)..").should().beFreeOfCycles().check(grader);
    }

    @Test
    void when_a_class_is_below_the_command_line_then_it_does_not_use_picocli() {
        noClasses().that().resideOutsideOfPackages("raftkit.grader", "raftkit.grader.cli")
                .should().dependOnClassesThat().resideInAPackage("picocli..").check(grader);
    }

    @Test
    void when_the_engine_runs_tests_then_it_knows_nothing_of_policies_plans_scores_or_reports() {
        noClasses().that().resideInAPackage("raftkit.grader.engine")
                .should().dependOnClassesThat().resideInAnyPackage("raftkit.grader.cli", "raftkit.grader.plan",
                        "raftkit.grader.policy", "raftkit.grader.build", "raftkit.grader.run",
                        "raftkit.grader.score", "raftkit.grader.report")
                .check(grader);
    }

    @Test
    void when_reports_are_written_then_they_do_not_run_anything() {
        noClasses().that().resideInAnyPackage("raftkit.grader.score", "raftkit.grader.report")
                .should().dependOnClassesThat().resideInAnyPackage("raftkit.grader.cli", "raftkit.grader.run")
                .check(grader);
    }
}
