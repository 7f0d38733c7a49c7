package raftkit.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The default number of submissions a batch grades at once: by cores, unless memory is the tighter limit. */
class BatchJobsTest {

    private static final long GIB = 1L << 30;

    @Test
    void a_machine_with_ample_memory_grades_ten_submissions_a_core() {
        assertEquals(20, BatchCommand.defaultJobs(2, 24 * GIB));
        assertEquals(10, BatchCommand.defaultJobs(1, Long.MAX_VALUE));
    }

    @Test
    void a_machine_short_of_memory_grades_one_submission_per_half_gibibyte() {
        assertEquals(8, BatchCommand.defaultJobs(8, 4 * GIB));
        assertEquals(3, BatchCommand.defaultJobs(4, 2 * GIB - 1));
    }

    @Test
    void a_tiny_machine_still_grades_one_at_a_time() {
        assertEquals(1, BatchCommand.defaultJobs(1, 100L << 20));
    }
}
