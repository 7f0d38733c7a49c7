package raftkit.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import raftkit.grader.report.ReportsTest;

class BatchProgressTest {

    @Test
    void when_bar_is_shown_then_lines_print_above_it_and_closing_returns() {
        StringWriter text = new StringWriter();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (BatchProgress progress = new BatchProgress(new PrintWriter(text), 2, true)) {
                progress.finished(ReportsTest.alice(), 12.5);
                Thread.sleep(700);
                progress.finished(ReportsTest.mallory(), 12.5);
            }
        }, "closing the bar must not wait on a lock its render thread needs");
        String out = text.toString();
        assertTrue(out.contains("alice") && out.contains("7.5/12.5") && out.contains("graded"), out);
        assertTrue(out.contains("mallory") && out.contains("not_compiled") && out.contains("compile error:"), out);
        assertTrue(out.contains("batch") && out.contains("2/2"), out);
    }

    @Test
    void when_duration_is_long_then_it_is_shown_in_hours_and_minutes() {
        assertEquals("2h15m", BatchProgress.format(Duration.ofMinutes(135)));
        assertEquals("1m15s", BatchProgress.format(Duration.ofSeconds(75)));
    }
}
