package raftkit.handout;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a finished kit before it is handed out. No solution line survives; the kit compiles; with the stub, every
 * graded test of the checked parts fails, and quickly (well under the 120 s per-test limit, so a student's first run
 * is not a long wait); and with the reference files dropped back in, every such test passes. Maven runs in a scratch
 * copy, so the kit itself never gets a {@code target/} folder.
 */
final class SelfCheck {

    /** With the stub, 3A (a student's first run) must fail in well under a single test's 120 s limit. */
    static final Duration STUB_3A_LIMIT = Duration.ofSeconds(60);
    /** With the stub, no test may come near its 120 s limit before failing. */
    static final Duration STUB_TEST_LIMIT = Duration.ofSeconds(60);
    private static final Duration COMPILE_LIMIT = Duration.ofMinutes(15);
    private static final Duration STUB_RUN_LIMIT = Duration.ofMinutes(15);
    private static final Duration REFERENCE_RUN_LIMIT = Duration.ofMinutes(60);
    private static final int EVIDENCE_LINES = 20;

    private final Path repoRoot;
    private final Path kitRoot;
    private final Copier.Copied copied;
    private final List<Path> kitFiles;
    private final CheckLevel level;
    private final PrintWriter progress;

    SelfCheck(Path repoRoot, Path kitRoot, Copier.Copied copied, List<Path> kitFiles, CheckLevel level,
            PrintWriter progress) {
        this.progress = progress;
        this.repoRoot = repoRoot;
        this.kitRoot = kitRoot;
        this.copied = copied;
        this.kitFiles = kitFiles;
        this.level = level;
    }

    List<Check> run() throws IOException, InterruptedException {
        List<Check> checks = new ArrayList<>();
        checks.add(noSolutionLine());
        if (level == CheckLevel.STATIC) {
            return checks;
        }
        try (TempFolder scratchFolder = TempFolder.create(null, "raftkit-handout-check-")) {
            Path scratch = scratchFolder.path();
            Path kit = scratch.resolve("kit");
            Trees.copy(kitRoot, kit);
            Maven maven = new Maven(kit, scratch.resolve("logs"));
            say("compiling the kit");
            Maven.Run compile = maven.run(COMPILE_LIMIT, "-q", "-DskipTests", "package");
            checks.add(compile.ok()
                    ? Check.passed("compiles", seconds(compile.time()) + " (" + compile.command() + ")")
                    : Check.failed("compiles", failure(compile), compile.tail(EVIDENCE_LINES)));
            List<String> parts = level == CheckLevel.FULL
                    ? List.of("3A", "3B", "3C", "3D", "3E", "3X") : List.of("3A");
            String which = String.join(",", parts);
            if (!compile.ok() || level == CheckLevel.COMPILE) {
                String why = compile.ok() ? "--compile-only" : "the kit does not compile";
                checks.add(Check.skipped(GradedRun.stubTitle(parts), why));
                checks.add(Check.skipped(GradedRun.referenceTitle(parts), why));
                return checks;
            }
            say("running " + which + " on the stub");
            checks.add(GradedRun.stubFails(maven, kit, parts));
            dropReferenceIn(kit);
            say("running " + which + " with the reference dropped back in");
            checks.add(GradedRun.referencePasses(maven, kit, parts));
            return checks;
        }
    }

    private void say(String step) {
        progress.println("... " + step);
        progress.flush();
    }

    private Check noSolutionLine() throws IOException {
        String what = "no solution line survives";
        LeakCheck.Outcome outcome = LeakCheck.run(repoRoot, kitRoot, copied, kitFiles);
        String searched = outcome.linesSearched() + " solution lines and every marker searched for in "
                + outcome.filesSearched() + " files";
        if (outcome.leaks().isEmpty()) {
            return Check.passed(what, searched);
        }
        List<String> shown = outcome.leaks().subList(0, Math.min(EVIDENCE_LINES, outcome.leaks().size()));
        return Check.failed(what, outcome.leaks().size() + " found; " + searched, shown);
    }

    private void dropReferenceIn(Path kit) throws IOException {
        for (Copier.StrippedFile file : copied.stripped()) {
            String relative = file.relative().toString();
            Files.copy(repoRoot.resolve(relative), kit.resolve(relative), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The grader's exit code when it graded and a test failed. */
    private static final int GRADER_TEST_FAILED = 1;

    static String graderFailure(Maven.Run run) {
        return run.timedOut() ? "the kit's grader did not finish in time (" + run.command() + ")"
                : "the kit's grader exited with " + run.exitCode() + " (" + run.command() + ")";
    }

    static String failure(Maven.Run run) {
        return run.timedOut() ? "Maven did not finish in time (" + run.command() + ")"
                : "Maven exited with " + run.exitCode() + " (" + run.command() + ")";
    }

    static String seconds(Duration time) {
        return String.format(Locale.ROOT, "%.1f s", time.toMillis() / 1000.0);
    }

    /** The graded runs: the kit's own grader on the chosen parts, and how to judge the results it wrote. */
    static final class GradedRun {

        private GradedRun() {
        }

        static String stubTitle(List<String> parts) {
            return "stub fails every graded test of " + String.join(",", parts);
        }

        static String referenceTitle(List<String> parts) {
            return "reference passes every graded test of " + String.join(",", parts);
        }

        static Check stubFails(Maven maven, Path kit, List<String> parts) throws IOException, InterruptedException {
            return judge(stubTitle(parts), maven, kit, parts, true);
        }

        static Check referencePasses(Maven maven, Path kit, List<String> parts)
                throws IOException, InterruptedException {
            return judge(referenceTitle(parts), maven, kit, parts, false);
        }

        private static Check judge(String what, Maven maven, Path kit, List<String> parts, boolean stub)
                throws IOException, InterruptedException {
            Path out = kit.resolveSibling(stub ? "graded-stub" : "graded-reference");
            Trees.delete(out);
            Maven.Run run = maven.grader(stub ? STUB_RUN_LIMIT : REFERENCE_RUN_LIMIT, KitGrader.command(kit, parts, out));
            // The grader exits 1 when a test failed, which is what the stub must do; anything above is no grade.
            if (run.timedOut() || run.exitCode() > GRADER_TEST_FAILED) {
                return Check.failed(what, graderFailure(run), run.tail(EVIDENCE_LINES));
            }
            PartResults results = PartResults.of(KitGrader.read(out), parts);
            return stub ? results.judgeStub(what) : results.judgeReference(what);
        }
    }
}
