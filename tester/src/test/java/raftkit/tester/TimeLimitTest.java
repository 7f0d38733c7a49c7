package raftkit.tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeLimitTest {

    private static final List<String> PLAIN_JVM = List.of("-Xmx256m");

    @Test
    void when_nothing_is_set_then_the_limit_is_the_go_kits_120_seconds() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), TimeLimit.resolve(Optional.empty(), PLAIN_JVM));
    }

    @Test
    void when_a_debugger_is_attached_then_there_is_no_limit() {
        assertEquals(Optional.empty(), TimeLimit.resolve(Optional.empty(),
                List.of("-agentlib:jdwp=transport=dt_socket,server=n,suspend=y,address=localhost:5005")));
        assertEquals(Optional.empty(), TimeLimit.resolve(Optional.empty(),
                List.of("-Xdebug", "-Xrunjdwp:transport=dt_socket,server=y,suspend=n")));
    }

    @Test
    void when_the_property_is_off_then_there_is_no_limit() {
        assertEquals(Optional.empty(), TimeLimit.resolve(Optional.of("off"), PLAIN_JVM));
    }

    @Test
    void when_the_property_gives_seconds_then_they_are_the_limit_even_under_a_debugger() {
        assertEquals(Optional.of(Duration.ofMillis(2500)), TimeLimit.resolve(Optional.of(" 2.5 "), PLAIN_JVM));
        assertEquals(Optional.of(Duration.ofSeconds(300)),
                TimeLimit.resolve(Optional.of("300"), List.of("-agentlib:jdwp=transport=dt_socket")));
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
    }
}
