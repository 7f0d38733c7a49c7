package raftkit.grader.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the graded tests on one compiled submission. The batch only prepares submissions and writes reports;
 * running tests (child JVMs, caps, the sandbox around them) is this interface's job.
 */
public interface SubmissionGrader {

    /**
     * A submission ready to test.
     *
     * @param name    its name
     * @param scratch its scratch folder: the test JVMs' working folder and the only place they may write
     * @param classes its compiled student package (and the kit sources compiled with it)
     * @param logs    where run logs go (inside {@code scratch}); the batch keeps them in the report
     * @param tag     marks every process of this submission (see {@link Sandbox#wrap})
     */
    record Prepared(String name, Path scratch, Path classes, Path logs, String tag) {
    }

    /** The tests this grader runs, in report order. */
    List<PlannedTest> plan();

    /**
     * Grades one submission.
     *
     * @return one score per planned test, in plan order
     * @throws IOException          if the grader itself cannot run (not the submission's fault)
     * @throws InterruptedException if the batch is stopped
     */
    List<TestScore> grade(Prepared submission) throws IOException, InterruptedException;
}
