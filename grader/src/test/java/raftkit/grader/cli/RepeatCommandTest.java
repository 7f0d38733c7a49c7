package raftkit.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftkit.grader.fixtures.FixtureKit;

/** {@code repeat} on the fixture kit: TestAlphaF1 always passes, TestBetaF1 always fails. */
class RepeatCommandTest {

    @TempDir
    Path dir;

    private FixtureKit kit;

    @BeforeEach
    void useFixtureKit() throws Exception {
        kit = new FixtureKit(dir.resolve("kit"));
    }

    @AfterEach
    void restore() throws Exception {
        kit.close();
    }

    private int repeat(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "repeat";
        all[1] = "--out";
        all[2] = dir.resolve("out").toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return kit.run(all);
    }

    @Test
    void when_a_test_fails_then_table_counts_it_and_only_failing_runs_are_kept() throws Exception {
        int code = repeat("F1", "-n", "2", "-p", "3");
        String text = kit.out();
        assertEquals(ExitCodes.TEST_FAILED, code, text + kit.err());
        assertTrue(text.contains("repeat: 2 run(s) of 2 test(s), 3 at a time"), text);
        assertTrue(text.matches("(?s).*repeat .*4/4.*2 failed.*"), text);
        assertTrue(text.matches("(?s).*TestAlphaF1 +0/2 +\\d+\\.\\d\\d ± \\d+\\.\\d\\d s\n.*"), text);
        assertTrue(text.matches("(?s).*TestBetaF1 +2/2 +\\d+\\.\\d\\d ± \\d+\\.\\d\\d s\n.*"), text);
        assertTrue(text.contains("TestBetaF1 run 1: failed: term changed even though there were no failures"), text);
        Path out = dir.resolve("out");
        assertTrue(text.contains("logs: " + out), text);
        String failure = Files.readString(out.resolve("TestBetaF1/run-2/failure.txt"));
        assertTrue(failure.startsWith("TestBetaF1 run 2: failed\nterm changed"), failure);
        assertTrue(Files.exists(out.resolve("TestBetaF1/run-2/output.log")));
        assertFalse(Files.exists(out.resolve("TestAlphaF1/run-1")), "a passing run's output was kept");
    }

    @Test
    void when_fail_fast_then_it_stops_at_the_first_failure() {
        assertEquals(ExitCodes.TEST_FAILED, repeat("testBetaF1", "-n", "5", "-p", "1", "--fail-fast"));
        assertTrue(kit.out().matches("(?s).*TestBetaF1 +1/1 .*"), kit.out());
    }

    @Test
    void when_every_run_passes_then_ok_and_a_short_name_works() {
        assertEquals(ExitCodes.OK, repeat("AlphaF1", "-n", "2", "-p", "2", "--keep-all"), kit.out() + kit.err());
        assertTrue(kit.out().matches("(?s).*TestAlphaF1 +0/2 .*"), kit.out());
        assertTrue(Files.exists(dir.resolve("out/TestAlphaF1/run-2/output.log")));
    }

    @Test
    void when_target_is_unknown_then_usage_exit_code() {
        assertEquals(ExitCodes.USAGE, repeat("TestNope3A"));
        assertEquals("grade: unknown test or part 'TestNope3A'; parts are F1, F2, F3, tests are named like TestAlphaF1\n",
                kit.err());
    }
}
