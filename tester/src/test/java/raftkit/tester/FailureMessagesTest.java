package raftkit.tester;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class FailureMessagesTest {

    private static final String SUFFIX = FailureMessages.suffix("testBasicAgree3B", List.of(42L));

    @Test
    void when_a_test_made_one_network_then_the_suffix_names_the_test_the_seed_and_the_replay_option() {
        assertEquals("(test testBasicAgree3B, seed 42; replay with -Draftkit.seed=42)", SUFFIX);
        assertEquals("(test testX)", FailureMessages.suffix("testX", List.of()));
        assertEquals("(test testX, seeds 7, 8; replay with -Draftkit.seed=7)",
                FailureMessages.suffix("testX", List.of(7L, 8L)));
    }

    @Test
    void when_a_failure_is_extended_then_the_suffix_ends_its_first_line_and_the_stack_stays() {
        AssertionError original = new AssertionError("test took longer than 120 seconds\n  deadlock: a");
        Throwable extended = FailureMessages.withSuffix(original, SUFFIX);

        assertEquals("test took longer than 120 seconds " + SUFFIX + "\n  deadlock: a", extended.getMessage());
        assertArrayEquals(original.getStackTrace(), extended.getStackTrace());
    }

    @Test
    void when_the_suffix_is_already_there_then_it_is_not_added_again() {
        Throwable once = FailureMessages.withSuffix(new AssertionError("one(101) failed to reach agreement"), SUFFIX);
        assertSame(once, FailureMessages.withSuffix(once, SUFFIX));
    }

    @Test
    void when_a_test_was_aborted_then_it_stays_aborted() {
        TestAbortedException aborted = new TestAbortedException("assumption failed");
        assertSame(aborted, FailureMessages.withSuffix(aborted, SUFFIX));
    }

    @Test
    void when_an_assertion_had_expected_and_actual_values_then_they_are_kept() {
        Throwable extended = FailureMessages.withSuffix(new AssertionFailedError("index", 1, 2), SUFFIX);
        AssertionFailedError afe = (AssertionFailedError) extended;
        assertEquals(1, afe.getExpected().getValue());
        assertEquals(2, afe.getActual().getValue());
        assertEquals("index " + SUFFIX, afe.getMessage());
    }

    @Test
    void when_an_exception_escapes_then_it_becomes_a_failure_that_keeps_it_as_cause() {
        IllegalStateException bug = new IllegalStateException("no such peer");
        Throwable extended = FailureMessages.withSuffix(bug, SUFFIX);
        assertTrue(extended instanceof AssertionError);
        assertEquals("java.lang.IllegalStateException: no such peer " + SUFFIX, extended.getMessage());
        assertSame(bug, extended.getCause());
    }
}
