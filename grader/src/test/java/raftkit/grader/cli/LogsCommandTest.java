package raftkit.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LogsCommandTest {

    private static final String LOG = String.join("\n",
            "Test (3B): basic agreement ...",
            "000012 TIMR S0 election timer reset",
            "000415 VOTE S1 became candidate at term 1",
            "000420 VOTE S0 votes for S1 at term 1",
            "000431 LEAD S1 became leader at term 1",
            "000500 LOG1 S2 appended 3 entries from S1, and this text is long enough to need a second row",
            "  ... Passed --   1.2  3   18    4528    3",
            "");

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run logs(String... args) throws Exception {
        Path file = dir.resolve("testBasicAgree3B.log");
        Files.writeString(file, LOG);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = GraderCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 2];
        all[0] = "logs";
        all[1] = file.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return new Run(GraderCommand.execute(all, cli), out.toString(), err.toString());
    }

    /** Where a text starts in a printed row, which tells its column. */
    private static int column(String out, String text) {
        return out.lines().filter(l -> l.contains(text)).findFirst().orElseThrow(() -> new AssertionError(text))
                .indexOf(text);
    }

    @Test
    void when_a_log_has_debug_lines_then_each_peer_gets_its_own_column_and_other_lines_pass_through() throws Exception {
        Run run = logs("--width", "120", "--color", "never");

        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("Test (3B): basic agreement ...", lines.get(0));
        assertTrue(lines.contains("  ... Passed --   1.2  3   18    4528    3"));
        int s0 = column(run.out(), "election timer reset");
        int s1 = column(run.out(), "became candidate at term 1");
        int s2 = column(run.out(), "appended 3 entries");
        assertEquals(12, s0, "peer 0 right after the time and topic");
        assertTrue(s0 < s1 && s1 < s2, "peers left to right: " + run.out());
        assertEquals(s0, column(run.out(), "votes for S1"));
        assertEquals(s1, column(run.out(), "became leader"));
        assertTrue(lines.get(1).startsWith("000012 TIMR "), lines.get(1));
        assertTrue(lines.stream().allMatch(l -> l.length() <= 120), "rows fit the width");
        // 120 columns leave 34 characters per peer: the 79-character line takes three rows, in S2's column
        assertEquals(9, lines.size(), run.out());
        assertEquals(s2, column(run.out(), "second row"));
        assertFalse(run.out().contains("\u001b["), "no colour unless asked");
    }

    @Test
    void when_only_or_ignore_name_topics_then_just_those_lines_are_kept_or_dropped() throws Exception {
        Run only = logs("--only", "VOTE,LEAD", "--color", "never");
        assertTrue(only.out().contains("became candidate") && only.out().contains("became leader"), only.out());
        assertFalse(only.out().contains("timer reset") || only.out().contains("appended"), only.out());

        Run ignore = logs("--ignore", "vote", "--color", "never");
        assertFalse(ignore.out().contains("became candidate") || ignore.out().contains("votes for"), ignore.out());
        assertTrue(ignore.out().contains("timer reset") && ignore.out().contains("became leader"), ignore.out());
    }

    @Test
    void when_colour_is_asked_then_each_topic_has_its_escape() throws Exception {
        Run run = logs("--color", "always");
        assertTrue(run.out().contains("\u001b[34m"), "VOTE in blue");
        assertTrue(run.out().contains("\u001b[0m"), "reset after each cell");
    }

    @Test
    void when_peers_is_given_then_lines_of_other_peers_are_left_out() throws Exception {
        Run run = logs("--peers", "2", "--color", "never");
        assertFalse(run.out().contains("appended 3 entries"), "S2 has no column");
    }

    @Test
    void when_a_topic_or_file_is_unknown_then_one_line_says_so_with_exit_code_2() throws Exception {
        Run bad = logs("--only", "VOTES");
        assertEquals(ExitCodes.USAGE, bad.exit());
        assertTrue(bad.err().contains("--only: no topic 'VOTES'; topics are TIMR, VOTE, LEAD"), bad.err());

        StringWriter err = new StringWriter();
        CommandLine cli = GraderCommand.commandLine();
        cli.setErr(new PrintWriter(err));
        assertEquals(ExitCodes.USAGE, GraderCommand.execute(new String[] {"logs", dir.resolve("none.log").toString()},
                cli));
        assertTrue(err.toString().contains("no log file"), err.toString());
    }
}
