package raftkit.grader.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;
import raftkit.grader.engine.Kit;
import raftkit.grader.plan.Settings;
import raftkit.grader.plan.UserException;

/**
 * The root command. It only declares the subcommands; {@code grade} is assumed when none is named, so
 * {@code grader/grade 3A} grades part 3A. A course adds a command by listing its class here.
 */
@Command(name = "grader/grade", mixinStandardHelpOptions = true, version = "raftkit grader 1.0",
        description = {"Grades the Raft lab (parts 3A-3E and 3X) by running the kit's tests in separate JVMs.",
            "With no command, grade is assumed: grader/grade 3A"},
        subcommands = {GradeCommand.class, RepeatCommand.class, BatchCommand.class, BatchMergeCommand.class,
            LogsCommand.class,
            CommandLine.HelpCommand.class})
public final class GraderCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line: user errors become one line and exit 2, stack traces need --verbose. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new GraderCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            PrintWriter err = commandLine.getErr();
            boolean verbose = parsed.originalArgs().contains("--verbose") || parsed.originalArgs().contains("-v")
                    || Settings.verbose();
            if (verbose) {
                e.printStackTrace(err);
            }
            if (e instanceof UserException) {
                err.println("grade: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            if (e instanceof Kit.NotBuiltException) {
                err.println("grade: " + e.getMessage());
                return ExitCodes.INTERNAL;
            }
            err.println("grade: internal error: " + e + (verbose ? "" : " (run with --verbose for details)"));
            return ExitCodes.INTERNAL;
        });
        return cli;
    }

    /** Runs the command line, assuming {@code grade} when the first argument names no command or help option. */
    public static int execute(String[] args, CommandLine cli) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        boolean named = !all.isEmpty() && (cli.getSubcommands().containsKey(all.get(0))
                || List.of("-h", "--help", "-V", "--version").contains(all.get(0)));
        if (!named) {
            all.add(0, "grade");
        }
        return cli.execute(all.toArray(new String[0]));
    }
}
