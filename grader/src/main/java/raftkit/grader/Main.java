package raftkit.grader;

import raftkit.grader.cli.GraderCommand;

/** The entry point of {@code grader/grade}; everything else is in {@link GraderCommand}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(GraderCommand.execute(args, GraderCommand.commandLine()));
    }
}
