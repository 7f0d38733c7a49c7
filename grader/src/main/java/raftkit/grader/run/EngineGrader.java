package raftkit.grader.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import raftkit.grader.engine.Kit;
import raftkit.grader.engine.TestRunner;
import raftkit.grader.plan.Plan;
import raftkit.grader.plan.PlannedTest;
import raftkit.grader.score.TestScore;
import raftkit.tester.PeerMode;

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
        Path scratch = submission.scratch();
        TestRunner runner;
        if (plan.peers() == PeerMode.ISOLATED) {
            // The test JVM is the tester alone: it runs outside the sandbox and writes the results and logs in the
            // scratch folder. Only the peer host it starts, where the student's code runs, is sandboxed, and it
            // can write nothing but scratch/peers, so it can neither write nor replace a result.
            Path peers = Files.createDirectories(scratch.resolve("peers"));
            childProperties.put("java.io.tmpdir", Files.createDirectories(peers.resolve("tmp")).toString());
            if (sandbox.isActive()) {
                Path wrapper = scratch.resolve("peer-host-sandbox.txt");
                Files.write(wrapper, sandbox.wrap(List.of(), peers, List.of(submission.classes()), submission.tag()),
                        StandardCharsets.UTF_8);
                childProperties.put(PeerMode.WRAPPER_PROPERTY, wrapper.toString());
            }
            Sandbox tagOnly = Sandbox.none("the tester is trusted; its peer host is sandboxed");
            runner = TestRunner.forStudent(kit, submission.classes(), plan.peers(), childProperties)
                    .launchedBy(command -> tagOnly.wrap(command, scratch, submission.tag()), scratch);
        } else {
            // The sandbox leaves only the scratch folder writable, /tmp included.
            childProperties.put("java.io.tmpdir", Files.createDirectories(scratch.resolve("tmp")).toString());
            runner = TestRunner.forStudent(kit, submission.classes(), plan.peers(), childProperties)
                    .launchedBy(command -> sandbox.wrap(command, scratch, submission.tag()), scratch);
        }
        return new Grading(plan, runner, submission.logs(), jobs, console).grade();
    }
}
