package raftkit.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import raftkit.grader.plan.UserException;
import raftkit.raft.api.Topic;

/** {@code logs FILE}: a run's debug lines, one column per peer, like the Go lab's dslogs. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        header = "Shows a run's debug lines in one column per peer.",
        description = {"Reads a test's log (debug lines are printed when the tests run with",
            "-Draftkit.debug=true, e.g. RAFTKIT_JAVA_OPTS=-Draftkit.debug=true grader/grade 3B)",
            "and prints each peer's lines in a column of its own, coloured by topic on a",
            "terminal. Other lines (the tester's) are printed as they are.",
            "Topics: TIMR VOTE LEAD TERM LOG1 CMIT APLY PERS SNAP INFO WARN."})
public final class LogsCommand implements Callable<Integer> {

    private static final int DEFAULT_WIDTH = 160;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A test's log, e.g. the one grade prints beside a failure.")
    Path file;

    @Option(names = "--peers", paramLabel = "N", description = "Columns (default: as many peers as the log has).")
    Integer peers;

    @Option(names = "--only", split = ",", paramLabel = "TOPIC", description = "Show only these topics.")
    List<String> only = new ArrayList<>();

    @Option(names = "--ignore", split = ",", paramLabel = "TOPIC", description = "Leave these topics out.")
    List<String> ignore = new ArrayList<>();

    @Option(names = "--width", paramLabel = "COLUMNS",
            description = "Line width (default: the terminal's COLUMNS, else " + DEFAULT_WIDTH + ").")
    Integer width;

    @Option(names = "--color", paramLabel = "WHEN", description = "auto (on a terminal), always or never.")
    String color = "auto";

    @Override
    public Integer call() throws IOException, UserException {
        if (!Files.isRegularFile(file)) {
            throw new UserException("no log file " + file);
        }
        if (peers != null && peers < 1) {
            throw new UserException("--peers must be at least 1, got " + peers);
        }
        boolean colour = switch (color) {
            case "always" -> true;
            case "never" -> false;
            case "auto" -> System.console() != null && System.getenv("NO_COLOR") == null;
            default -> throw new UserException("--color takes auto, always or never, not '" + color + "'");
        };
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        PeerColumns columns = new PeerColumns(peers != null ? peers : PeerColumns.peersIn(lines), lineWidth(),
                topics(only, "--only"), topics(ignore, "--ignore"), colour);
        PrintWriter out = spec.commandLine().getOut();
        for (String line : lines) {
            columns.format(line).forEach(out::println);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private int lineWidth() {
        if (width != null) {
            return width;
        }
        try {
            return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", String.valueOf(DEFAULT_WIDTH)));
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }

    private static Set<Topic> topics(List<String> names, String option) throws UserException {
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        for (String name : names) {
            Topic topic = Topic.byTag(name.trim());
            if (topic == null) {
                throw new UserException(option + ": no topic '" + name + "'; topics are " + Arrays.stream(Topic.values())
                        .map(Topic::tag).collect(Collectors.joining(", ")));
            }
            topics.add(topic);
        }
        return topics;
    }
}
