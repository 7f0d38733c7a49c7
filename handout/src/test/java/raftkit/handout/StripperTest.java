package raftkit.handout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StripperTest {

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void when_a_block_has_no_stub_then_its_lines_disappear_and_the_hint_around_it_stays() throws Exception {
        String source = lines(
                "class Raft {",
                "    void ticker() {",
                "        // Your code here (3A)",
                "        // BEGIN SOLUTION",
                "        while (!killed()) {",
                "            electIfTimedOut();",
                "        }",
                "        // END SOLUTION",
                "    }",
                "}");

        Stripper.Result result = Stripper.strip("Raft.java", source);

        assertEquals(lines("class Raft {", "    void ticker() {", "        // Your code here (3A)", "    }", "}"),
                result.text());
        assertEquals(List.of("        while (!killed()) {", "            electIfTimedOut();", "        }"),
                result.solutionLines());
        assertEquals(List.of(), result.stubLines());
        assertEquals(1, result.blocks());
    }

    @Test
    void when_a_block_has_a_stub_then_the_stub_is_uncommented_at_its_indentation() throws Exception {
        String source = lines(
                "    PeerState getState() {",
                "        // BEGIN SOLUTION",
                "        lock.lock();",
                "        return new PeerState(currentTerm, role == Role.LEADER);",
                "        // STUB",
                "        //   int term = 0;",
                "        //",
                "        // return new PeerState(term, false);",
                "        // END SOLUTION",
                "    }");

        Stripper.Result result = Stripper.strip("Raft.java", source);

        assertEquals(lines("    PeerState getState() {", "          int term = 0;", "",
                "        return new PeerState(term, false);", "    }"), result.text());
        assertEquals(List.of("          int term = 0;", "", "        return new PeerState(term, false);"),
                result.stubLines());
        assertEquals(2, result.solutionLines().size());
    }

    @Test
    void when_a_file_has_several_blocks_then_each_is_stripped_and_counted() throws Exception {
        String source = lines("a", "// BEGIN SOLUTION", "x", "// END SOLUTION", "b", "  // BEGIN SOLUTION",
                "  y", "  // STUB", "  // z", "  // END SOLUTION", "c");

        Stripper.Result result = Stripper.strip("F.java", source);

        assertEquals(lines("a", "b", "  z", "c"), result.text());
        assertEquals(2, result.blocks());
    }

    @Test
    void when_text_has_no_markers_then_it_comes_back_unchanged() throws Exception {
        String source = "no markers\r\nat all\r\n";

        assertEquals(source, Stripper.strip("F.java", source).text());
    }

    @Test
    void when_blocks_nest_then_the_error_names_both_lines() {
        String source = lines("a", "// BEGIN SOLUTION", "x", "    // BEGIN SOLUTION", "y", "// END SOLUTION");

        HandoutException e = assertThrows(HandoutException.class, () -> Stripper.strip("r/Raft.java", source));

        assertEquals("r/Raft.java:4: nested // BEGIN SOLUTION (the block opened at line 2 is not closed)",
                e.getMessage());
    }

    @Test
    void when_a_block_is_never_closed_then_the_error_points_at_its_begin() {
        String source = lines("a", "b", "  // BEGIN SOLUTION", "x");

        HandoutException e = assertThrows(HandoutException.class, () -> Stripper.strip("Raft.java", source));

        assertEquals("Raft.java:3: // BEGIN SOLUTION is never closed by // END SOLUTION", e.getMessage());
    }

    @Test
    void when_an_end_has_no_begin_then_the_error_points_at_the_end() {
        String source = lines("a", "// END SOLUTION");

        HandoutException e = assertThrows(HandoutException.class, () -> Stripper.strip("Raft.java", source));

        assertEquals("Raft.java:2: // END SOLUTION outside a solution block", e.getMessage());
    }

    @Test
    void when_a_stub_marker_is_outside_a_block_then_it_is_an_error() {
        HandoutException e = assertThrows(HandoutException.class,
                () -> Stripper.strip("Raft.java", lines("a", "    // STUB", "// return 0;")));

        assertEquals("Raft.java:2: // STUB outside a solution block", e.getMessage());
    }

    @Test
    void when_a_block_has_two_stubs_then_it_is_an_error() {
        String source = lines("// BEGIN SOLUTION", "x", "// STUB", "// y", "// STUB", "// END SOLUTION");

        HandoutException e = assertThrows(HandoutException.class, () -> Stripper.strip("Raft.java", source));

        assertEquals("Raft.java:5: second // STUB in the block opened at line 1", e.getMessage());
    }

    @Test
    void when_a_stub_line_is_not_a_comment_then_it_is_an_error() {
        String source = lines("// BEGIN SOLUTION", "x", "// STUB", "return null;", "// END SOLUTION");

        HandoutException e = assertThrows(HandoutException.class, () -> Stripper.strip("Raft.java", source));

        assertEquals("Raft.java:4: stub line must be a comment '// <code>' (the reference has to compile with the"
                + " stub in it)", e.getMessage());
    }

    @Test
    void when_a_marker_is_misspelt_then_it_is_an_error_rather_than_a_leak() {
        for (String bad : List.of("//BEGIN SOLUTION", "// begin solution", "// END SOLUTION (3A)", "//  STUB")) {
            String source = lines("a", bad, "x", "// END SOLUTION");

            HandoutException e = assertThrows(HandoutException.class, () -> Stripper.strip("Raft.java", source));

            assertEquals("Raft.java:2: malformed marker '" + bad + "': write it alone on its line as"
                    + " '// BEGIN SOLUTION', '// STUB' or '// END SOLUTION'", e.getMessage(), bad);
        }
    }

    @Test
    void when_a_file_that_is_not_student_owned_has_a_marker_then_it_is_an_error() {
        HandoutException e = assertThrows(HandoutException.class,
                () -> Stripper.requireNoMarkers("tester/Config.java", lines("a", "b", "   // BEGIN SOLUTION")));

        assertEquals("tester/Config.java:3: // BEGIN SOLUTION in a file that is not student-owned"
                + " (see [student] files in grader/policy.toml)", e.getMessage());
    }
}
