package raftkit.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import raftkit.grader.engine.Status;

class ExitCodesTest {

    @Test
    void when_every_run_passes_then_ok() {
        assertEquals(ExitCodes.OK, ExitCodes.computeExitCode(List.of(Status.PASSED, Status.PASSED)));
    }

    @Test
    void when_any_run_does_not_pass_then_test_failed() {
        for (Status status : List.of(Status.FAILED, Status.TIMED_OUT, Status.CRASHED, Status.NOT_COMPILED,
                Status.NOT_RUN)) {
            assertEquals(ExitCodes.TEST_FAILED, ExitCodes.computeExitCode(List.of(Status.PASSED, status)),
                    status.name());
        }
    }

    @Test
    void when_nothing_ran_or_a_test_is_missing_then_no_tests_found_never_a_pass() {
        assertEquals(ExitCodes.NO_TESTS_FOUND, ExitCodes.computeExitCode(List.of()));
        assertEquals(ExitCodes.NO_TESTS_FOUND, ExitCodes.computeExitCode(List.of(Status.PASSED, Status.NOT_FOUND)));
    }
}
