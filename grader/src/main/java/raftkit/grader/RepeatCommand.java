package raftkit.grader;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until repeat lands. */
@Command(name = "repeat", mixinStandardHelpOptions = true, description = "Runs tests many times (coming).")
public final class RepeatCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return ExitCodes.INTERNAL;
    }
}
