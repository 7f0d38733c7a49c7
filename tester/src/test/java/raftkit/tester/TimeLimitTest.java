package raftkit.tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult.Status;
import raftkit.tester.doubles.IdleRaft;
import raftkit.tester.fakes.SlowFake;

/**
 * How {@value TimeLimit#PROPERTY} is read, and that the one limit it gives is the limit both of the extension (real
 * time, on a 1.5 s fake test) and of a Config's own check in end() and close() (a fake clock, so a limit of
 * minutes costs nothing).
 */
class TimeLimitTest {

    private static final List<String> PLAIN_JVM = List.of("-Xmx256m");

    @Test
    void when_nothing_is_set_then_the_limit_is_the_go_kits_120_seconds() {
        assertEquals(Optional.of(Duration.ofSeconds(120)),
                TimeLimit.resolve(Optional.empty(), PLAIN_JVM).duration());
    }

    @Test
    void when_a_debugger_is_attached_then_there_is_no_limit() {
        assertEquals(Optional.empty(), TimeLimit.resolve(Optional.empty(),
                List.of("-agentlib:jdwp=transport=dt_socket,server=n,suspend=y,address=localhost:5005")).duration());
        assertEquals(Optional.empty(), TimeLimit.resolve(Optional.empty(),
                List.of("-Xdebug", "-Xrunjdwp:transport=dt_socket,server=y,suspend=n")).duration());
    }

    @Test
    void when_the_property_is_off_then_there_is_no_limit() {
        assertEquals(Optional.empty(), TimeLimit.resolve(Optional.of("off"), PLAIN_JVM).duration());
    }

    @Test
    void when_the_property_gives_seconds_then_they_are_the_limit_even_under_a_debugger() {
        assertEquals(Optional.of(Duration.ofMillis(2500)),
                TimeLimit.resolve(Optional.of(" 2.5 "), PLAIN_JVM).duration());
        assertEquals(Optional.of(Duration.ofSeconds(300)),
                TimeLimit.resolve(Optional.of("300"), List.of("-agentlib:jdwp=transport=dt_socket")).duration());
    }

    @Test
    void when_the_property_is_not_a_positive_number_then_the_message_says_what_it_takes() {
        for (String bad : List.of("soon", "0", "-5", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TimeLimit.resolve(Optional.of(bad), PLAIN_JVM));
            assertEquals("raftkit.timeout must be a positive number of seconds or 'off', not '" + bad.trim() + "'",
                    e.getMessage());
        }
    }

    @Test
    void when_a_limit_is_printed_then_it_reads_like_go() {
        assertEquals("120", TimeLimit.seconds(Duration.ofSeconds(120)));
        assertEquals("1.5", TimeLimit.seconds(Duration.ofMillis(1500)));
        assertEquals("test took longer than 120 seconds", TimeLimit.resolve(Optional.empty(), PLAIN_JVM).message());
    }

    @Test
    void when_a_config_outlives_the_default_limit_then_end_and_close_fail_with_go_message() {
        FakeClock clock = new FakeClock();
        try (Config cfg = clock.config(Optional.empty())) {
            clock.advance(Duration.ofSeconds(121));
            TimeLimitExceeded e = assertThrows(TimeLimitExceeded.class, cfg::end);
            assertEquals("test took longer than 120 seconds", e.getMessage());
            TimeLimitExceeded closing = assertThrows(TimeLimitExceeded.class, cfg::close);
            assertEquals("test took longer than 120 seconds", closing.getMessage());
        }
    }

    @Test
    void when_the_limit_is_off_then_a_config_passes_past_the_old_120_seconds() {
        FakeClock clock = new FakeClock();
        Config cfg = clock.config(Optional.of("off"));
        clock.advance(Duration.ofSeconds(125));
        cfg.end();
        cfg.close();
    }

    @Test
    void when_the_limit_is_300_then_a_config_passes_at_125_seconds_and_fails_past_300() {
        FakeClock clock = new FakeClock();
        try (Config cfg = clock.config(Optional.of("300"))) {
            clock.advance(Duration.ofSeconds(125));
            cfg.end();
            clock.advance(Duration.ofSeconds(176));
            assertEquals("test took longer than 300 seconds",
                    assertThrows(TimeLimitExceeded.class, cfg::end).getMessage());
            assertThrows(TimeLimitExceeded.class, cfg::close);
        }
    }

    @Test
    void when_a_body_outlives_a_1_second_limit_then_it_fails_as_timed_out_with_go_message() {
        FakeRun run = FakeRun.of(SlowFake.class, Map.of(TimeLimit.PROPERTY, "1"));

        Throwable failure = run.failureOf("takesOneAndAHalfSeconds");
        assertInstanceOf(TimeLimitExceeded.class, failure, "a timeout is told by its type");
        assertTrue(failure.getMessage().startsWith("test took longer than 1 seconds (test takesOneAndAHalfSeconds, "
                + "seed "), failure.getMessage());
        assertFalse(run.output.contains("... Passed"), run.output);
    }

    @Test
    void when_the_limit_is_off_or_300_then_the_same_body_passes() {
        for (String setting : List.of("off", "300")) {
            FakeRun run = FakeRun.of(SlowFake.class, Map.of(TimeLimit.PROPERTY, setting));
            assertEquals(Status.SUCCESSFUL, run.statusOf("takesOneAndAHalfSeconds"), setting + "\n" + run.output);
            assertTrue(run.output.contains("  ... Passed --"), run.output);
        }
    }

    /** A nanosecond clock that moves only when told. */
    private static final class FakeClock {
        private final AtomicLong nanos = new AtomicLong();

        void advance(Duration by) {
            nanos.addAndGet(by.toNanos());
        }

        Config config(Optional<String> property) {
            TimeLimit limit = TimeLimit.of(TimeLimit.resolve(property, PLAIN_JVM).duration(), nanos::get);
            Config cfg = new Config(1, false, false, IdleRaft::new, limit);
            cfg.begin("Test (0Z): fake clock");
            return cfg;
        }
    }
}
