package raftkit.grader.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which submissions a shard grades, and how {@code --shard} is read from the text and the environment. */
class ShardTest {

    private static final List<String> CLASS = IntStream.range(0, 300).mapToObj(i -> "student-" + i).toList();

    private static List<Submission> submissions(List<String> names) {
        return names.stream().map(n -> new Submission(n, Path.of(n), false)).toList();
    }

    private static List<String> names(List<Submission> submissions) {
        return submissions.stream().map(Submission::name).toList();
    }

    @Test
    void when_a_class_is_cut_into_shards_then_every_submission_is_in_exactly_one() {
        for (int count = 1; count <= 7; count++) {
            Set<String> seen = new HashSet<>();
            for (int k = 0; k < count; k++) {
                for (String name : names(new Shard(k, count).select(submissions(CLASS)))) {
                    assertTrue(seen.add(name), name + " is in two of " + count + " shards");
                }
            }
            assertEquals(Set.copyOf(CLASS), seen, "with " + count + " shards every submission is graded");
        }
    }

    @Test
    void when_the_assignment_is_asked_again_then_it_depends_on_the_name_alone() {
        // Pinned: a rerun of a shard, perhaps by a newer grader, must find the same submissions it graded before.
        assertEquals(new Shard(0, 3), Shard.of("correct", 3));
        assertEquals(new Shard(1, 3), Shard.of("heap-exhaustion", 3));
        assertEquals(new Shard(2, 3), Shard.of("wrong", 3));
        assertEquals(new Shard(5, 7), Shard.of("alice", 7));
        assertEquals(new Shard(4, 5), Shard.of("bob", 5));
        // A late submission joins a shard without moving anyone else.
        Shard shard = new Shard(1, 4);
        List<String> more = new ArrayList<>(CLASS);
        more.add(40, "late-student");
        List<String> before = names(shard.select(submissions(CLASS)));
        List<String> after = new ArrayList<>(names(shard.select(submissions(more))));
        after.remove("late-student");
        assertEquals(before, after);
    }

    @Test
    void when_many_submissions_are_sharded_then_the_shards_are_roughly_even() {
        for (int k = 0; k < 3; k++) {
            int size = new Shard(k, 3).select(submissions(CLASS)).size();
            // 100 expected; the bound is about five standard deviations wide.
            assertTrue(size > 60 && size < 140, "shard " + k + "/3 has " + size + " of 300");
        }
    }

    @Test
    void when_shard_is_given_as_numbers_then_it_is_that_shard() {
        assertEquals(new Shard(2, 5), Shard.parse("2/5", Map.of()));
        assertEquals(new Shard(0, 1), Shard.parse(" 0/1 ", Map.of()));
        assertTrue(Shard.WHOLE.isWhole());
        assertEquals("2/5", new Shard(2, 5).toString());
    }

    @Test
    void when_shard_is_auto_then_the_index_comes_from_slurm_or_kubernetes() {
        assertEquals(new Shard(1, 3), Shard.parse("auto/3", Map.of("SLURM_ARRAY_TASK_ID", "1")));
        assertEquals(new Shard(2, 3), Shard.parse("auto/3", Map.of("JOB_COMPLETION_INDEX", "2")));
        assertEquals(new Shard(0, 3), Shard.parse("auto/3", Map.of("SLURM_ARRAY_TASK_ID", "0",
                "JOB_COMPLETION_INDEX", "2")), "Slurm's variable is read first");
    }

    @Test
    void when_auto_has_no_index_then_the_message_names_both_variables() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Shard.parse("auto/3", Map.of("HOME", "/root")));
        assertTrue(e.getMessage().contains("SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX"), e.getMessage());
        assertTrue(e.getMessage().contains("give K/N"), e.getMessage());
    }

    @Test
    void when_the_index_is_out_of_range_or_the_text_is_wrong_then_the_message_says_so() {
        assertMessage("shard 3 is out of range: with 3 shards, K is 0 to 2", "3/3", Map.of());
        assertMessage("JOB_COMPLETION_INDEX is 4, out of range for --shard auto/3 (0 to 2)", "auto/3",
                Map.of("JOB_COMPLETION_INDEX", "4"));
        assertMessage("SLURM_ARRAY_TASK_ID in --shard auto/3 must be a whole number, not 'x'", "auto/3",
                Map.of("SLURM_ARRAY_TASK_ID", "x"));
        assertMessage("--shard takes K/N or auto/N (K from 0 to N-1), not '3'", "3", Map.of());
        assertMessage("K in --shard -1/3 must be a whole number, not '-1'", "-1/3", Map.of());
        assertMessage("N in --shard 1/b must be a whole number, not 'b'", "1/b", Map.of());
        assertMessage("a class cannot be cut into 0 shards", "0/0", Map.of());
    }

    private static void assertMessage(String expected, String text, Map<String, String> environment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Shard.parse(text, environment));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }
}
