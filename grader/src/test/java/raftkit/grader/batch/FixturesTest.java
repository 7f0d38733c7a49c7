package raftkit.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The fixture class itself: its correct submission must stay the kit's reference solution. */
class FixturesTest {

    private static final String RAFT = "raft/src/main/java/raftkit/raft/Raft.java";

    @Test
    void when_the_reference_changes_then_the_correct_fixture_follows() throws Exception {
        // Graded with the real parts, the correct fixture shows full marks only if it is the reference itself.
        Path fixture = BatchFixtures.SUBMISSIONS.resolve("correct").resolve(RAFT);
        assertEquals(Files.readString(BatchFixtures.KIT_ROOT.resolve(RAFT)), Files.readString(fixture),
                "the correct fixture differs from the reference solution; copy " + RAFT + " to " + fixture);
    }
}
