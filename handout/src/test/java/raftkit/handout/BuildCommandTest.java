package raftkit.handout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BuildCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new BuildCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    @Test
    void when_no_output_folder_is_given_then_the_usage_is_shown_with_exit_code_2() {
        assertEquals(BuildCommand.USAGE, run());

        assertTrue(err.toString().startsWith("Missing required parameter: 'OUT_DIR'"), err::toString);
        assertTrue(err.toString().contains("Usage: handout/build"), err::toString);
    }

    @Test
    void when_full_check_and_compile_only_are_combined_then_it_is_a_usage_error() {
        assertEquals(BuildCommand.USAGE, run("--full-check", "--compile-only", temp.resolve("kit").toString()));

        assertTrue(err.toString().startsWith("--full-check and --compile-only cannot be combined"), err::toString);
    }

    @Test
    void when_a_marker_is_bad_then_one_line_names_it_and_nothing_is_written() throws Exception {
        Path repo = Fixture.repository(temp.resolve("repo"));
        Fixture.write(repo, Fixture.RAFT, "class Raft {\n    // BEGIN SOLUTION\n    // BEGIN SOLUTION\n}\n");

        int code = run("--root", repo.toString(), temp.resolve("kit").toString());

        assertEquals(BuildCommand.USAGE, code);
        assertEquals("handout: " + Fixture.RAFT + ":3: nested // BEGIN SOLUTION (the block opened at line 2 is not"
                + " closed)\n", err.toString().replace(System.lineSeparator(), "\n"));
        assertFalse(Files.exists(temp.resolve("kit")));
    }

    @Test
    void when_the_root_is_not_a_raftkit_repository_then_the_error_says_so() {
        assertEquals(BuildCommand.USAGE, run("--root", temp.toString(), temp.resolve("kit").toString()));

        assertEquals("handout: " + temp.toAbsolutePath() + " is not a raftkit repository (no pom.xml or"
                + " handout/exclude.txt)", err.toString().strip());
    }

    @Test
    void when_help_is_asked_for_then_the_options_and_exit_codes_are_listed() {
        assertEquals(BuildCommand.OK, run("--help"));

        for (String expected : new String[] {"OUT_DIR", "--git", "--full-check", "--compile-only", "Exit codes:"}) {
            assertTrue(out.toString().contains(expected), expected);
        }
        assertFalse(out.toString().contains("--root"), "--root is for the script only");
    }
}
