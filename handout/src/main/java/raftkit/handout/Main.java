package raftkit.handout;

import picocli.CommandLine;

/** Entry point of {@code handout/build}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BuildCommand()).execute(args));
    }
}
