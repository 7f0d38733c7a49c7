package raftkit.raft;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import raftkit.labrpc.ClientEnd;
import raftkit.labrpc.Persister;
import raftkit.raft.api.ApplyMsg;
import raftkit.raft.api.PeerState;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.StartResult;

/**
 * Batch fixture: forges its grade. In make it looks for the results file on its own command line and on its
 * ancestors', appends a passing line for every fake test and a "done" line, prints Go-style passing lines, and
 * halts with status 0, so that an unguarded grader would read a full score.
 */
public final class Raft implements RaftPeer {

    private static final String[] TESTS = {"testFreshPeer", "testStartOnFollower", "testFollowerState"};

    public static Raft make(ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
        for (Optional<ProcessHandle> p = Optional.of(ProcessHandle.current()); p.isPresent(); p = p.get().parent()) {
            for (String arg : p.get().info().arguments().orElse(new String[0])) {
                if (arg.startsWith("results=")) {
                    forge(Path.of(arg.substring("results=".length())));
                }
            }
        }
        for (String test : TESTS) {
            System.out.println("Test (F1): " + test + " ...");
            System.out.println("  ... Passed --   0.1  1    0       0    0");
        }
        System.out.flush();
        Runtime.getRuntime().halt(0);
        return new Raft();
    }

    private static void forge(Path results) {
        StringBuilder lines = new StringBuilder();
        for (String test : TESTS) {
            String className = test.equals("testFreshPeer") ? "FakeGradedF1" : "FakeGradedF2";
            lines.append("{\"event\":\"finished\",\"className\":\"raftkit.grader.fixtures.fake.").append(className)
                    .append("\",\"method\":\"").append(test)
                    .append("\",\"result\":\"SUCCESSFUL\",\"seconds\":0.1,\"message\":\"\"}\n");
        }
        lines.append("{\"event\":\"done\"}\n");
        try {
            Files.writeString(results, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            System.out.println("could not forge " + results + ": " + e);
        }
    }

    @Override
    public StartResult start(Object command) {
        return new StartResult(-1, 0, false);
    }

    @Override
    public PeerState getState() {
        return new PeerState(0, false);
    }

    @Override
    public void snapshot(int index, byte[] snapshot) {
    }

    @Override
    public void kill() {
    }
}
