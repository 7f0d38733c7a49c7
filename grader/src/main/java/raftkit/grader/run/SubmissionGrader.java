package raftkit.grader.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import raftkit.grader.plan.PlannedTest;
import raftkit.grader.score.TestScore;

/**
 * Runs the graded tests on one compiled submission. The pipeline only prepares submissions and hands on their
 * results; running tests (child JVMs, caps, the sandbox around them) is this interface's job.
 */
public interface SubmissionGrader {

    /**
     * A submission ready to test.
     *
     * @param name    its name
     * @param scratch its scratch folder: the test JVMs' working folder and the only place they may write
     * @param classes its compiled student package (and the kit sources compiled with it)
     * @param logs    where run logs go (inside {@code scratch}); each score names its log relative to it
     * @param tag     marks every process of this submission (see {@link Sandbox#wrap})
     */
    record Prepared(String name, Path scratch, Path classes, Path logs, String tag) {
    }

    /** The tests this grader runs, in report order. */
    List<PlannedTest> planned();

    /**
     * Grades one submission.
     *
     * @return one score per planned test, in plan order
     * @throws IOException          if the grader itself cannot run (not the submission's fault)
     * @throws InterruptedException if the grading is stopped
     */
    List<TestScore> grade(Prepared submission) throws IOException, InterruptedException;
}
