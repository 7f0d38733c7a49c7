package raftkit.grader.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import raftkit.grader.engine.Kit;
import raftkit.grader.engine.TestRunner;
import raftkit.grader.plan.Plan;
import raftkit.grader.plan.PlannedTest;
import raftkit.grader.score.TestScore;

/**
 * Grades a compiled submission with the run engine, exactly as {@code grade} grades the working tree (every run
 * the plan asks for, a part's tests sharing a JVM per run, the policy's pass rule), with each JVM started in the
 * sandbox and the submission's scratch folder as its working folder.
 *
 * @param jobs    test JVMs of one submission run at once: 1 in a batch, which runs several submissions at once
 *                instead
 * @param console where the tests' lines go, or null for silence
 */
public record EngineGrader(Plan plan, Kit kit, Sandbox sandbox, int jobs, PrintWriter console)
        implements SubmissionGrader {

    @Override
    public List<PlannedTest> planned() {
        return plan.planned();
    }

    @Override
    public List<TestScore> grade(Prepared submission) throws IOException, InterruptedException {
        Map<String, String> childProperties = new LinkedHashMap<>(plan.childProperties());
        // The sandbox leaves only the scratch folder writable, /tmp included.
        childProperties.put("java.io.tmpdir", Files.createDirectories(submission.scratch().resolve("tmp")).toString());
        TestRunner runner = new TestRunner(kit.childClasspath(submission.classes()), childProperties)
                .launchedBy(command -> sandbox.wrap(command, submission.scratch(), submission.tag()),
                        submission.scratch());
        return new Grading(plan, runner, submission.logs(), jobs, console).grade();
    }
}
