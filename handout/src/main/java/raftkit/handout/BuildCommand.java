package raftkit.handout;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code handout/build OUT_DIR [--git] [--full-check]}: the instructor's command. */
@Command(name = "handout/build", mixinStandardHelpOptions = true, sortOptions = false, version = "raftkit handout 1.0",
        usageHelpWidth = 100,
        description = "Builds the student kit into OUT_DIR: solutions stripped, the handout module and CI left out,"
                + " the student README added. Then checks it: no solution line survives, it compiles, the stub fails"
                + " every 3A test quickly, and the reference passes them. OUT_DIR is written only if every check"
                + " holds.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the kit was built and every check held",
            "1:a check failed (nothing written)",
            "2:bad arguments or a problem in the repository, such as a bad solution marker",
            "3:an unexpected error (a file could not be read or written)"})
public final class BuildCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int CHECK_FAILED = 1;
    static final int USAGE = 2;
    static final int INTERNAL = 3;

    @Parameters(index = "0", paramLabel = "OUT_DIR", description = "Where to write the kit; must not exist or be empty.")
    private Path out;

    @Option(names = "--git", description = "Make OUT_DIR a Git repository with one reproducible commit.")
    private boolean git;

    @Option(names = "--full-check", description = "Run the stub and the reference on every part, 3A to 3E and 3X.")
    private boolean fullCheck;

    @Option(names = "--compile-only", description = "Check only that no solution survives and that the kit compiles.")
    private boolean compileOnly;

    @Option(names = "--root", hidden = true, defaultValue = ".", description = "The repository to build from.")
    private Path root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (fullCheck && compileOnly) {
            throw new ParameterException(spec.commandLine(), "--full-check and --compile-only cannot be combined");
        }
        CheckLevel level = compileOnly ? CheckLevel.COMPILE : fullCheck ? CheckLevel.FULL : CheckLevel.PART_3A;
        PrintWriter err = spec.commandLine().getErr();
        try {
            HandoutBuilder builder = new HandoutBuilder(spec.commandLine().getOut());
            return builder.build(new HandoutBuilder.Options(root, out, git, level)).ok() ? OK : CHECK_FAILED;
        } catch (HandoutException e) {
            err.println("handout: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("handout: " + e);
            return INTERNAL;
        }
    }
}
