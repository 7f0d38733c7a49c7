package raftkit.grader.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The results file's JSON lines: every field round-trips, absent ones stay absent, torn lines are refused. */
class ResultEventTest {

    @Test
    void when_a_finished_event_is_written_then_it_reads_back_equal() throws IOException {
        ResultEvent event = ResultEvent.finished("raftkit.tester.Election3ATest", "testReElection3A", "FAILED",
                4.25, "expected one leader, got none\n\tat \"line\" \u00e9 \u2192", "-42");
        String line = event.toJson();
        assertFalse(line.contains("\n"), "one event must stay on one line: " + line);
        assertEquals(event, ResultEvent.fromJson(line));
    }

    @Test
    void when_fields_are_null_then_they_are_left_out_and_read_back_as_null() throws IOException {
        assertEquals("{\"event\":\"plan\",\"tests\":3}", ResultEvent.plan(3).toJson());
        assertEquals(ResultEvent.done(), ResultEvent.fromJson(ResultEvent.done().toJson()));
        assertEquals(ResultEvent.started("C", "m"), ResultEvent.fromJson("{\"event\":\"started\",\"className\":\"C\","
                + "\"method\":\"m\",\"extra\":[1,{\"a\":2}]}"));
    }

    @Test
    void when_a_line_is_torn_or_not_an_object_then_reading_it_fails() {
        assertThrows(IOException.class, () -> ResultEvent.fromJson("{\"event\":\"finis"));
        assertThrows(IOException.class, () -> ResultEvent.fromJson("{\"event\":\"finished\","));
        assertThrows(IOException.class, () -> ResultEvent.fromJson(""));
        assertThrows(IOException.class, () -> ResultEvent.fromJson("[1]"));
    }
}
