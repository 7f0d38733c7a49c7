package raftkit.tester.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The peers a failure message names, so the page can point at their lanes: a peer thread the timeout report
 * found blocked or deadlocked ({@code "raft-2-applier" waits in ...}) is stuck; {@code server 2} or
 * {@code 2 claims to be leader} only names it.
 */
final class FailurePeers {

    /** A peer a failure names, with the line of the message that names it. */
    record Named(int peer, boolean stuck, String line) {
    }

    private static final Pattern THREAD = Pattern.compile("\"raft-(\\d+)-[^\"]*\"");
    private static final Pattern SERVER = Pattern.compile("\\bserver (\\d+)\\b|\\b(\\d+) claims to be leader");

    private FailurePeers() {
    }

    static List<Named> in(String message, int peers) {
        List<Named> named = new ArrayList<>();
        if (message == null) {
            return named;
        }
        for (String line : message.split("\n")) {
            String trimmed = line.strip();
            boolean stuckLine = trimmed.startsWith("blocked:") || trimmed.startsWith("deadlock:");
            Matcher thread = THREAD.matcher(line);
            if (stuckLine && thread.find()) {
                add(named, new Named(Integer.parseInt(thread.group(1)), true, trimmed), peers);
                continue;
            }
            Matcher server = SERVER.matcher(line);
            while (server.find()) {
                String id = server.group(1) != null ? server.group(1) : server.group(2);
                add(named, new Named(Integer.parseInt(id), false, trimmed), peers);
            }
        }
        return named;
    }

    private static void add(List<Named> named, Named one, int peers) {
        if (one.peer() < peers && named.stream().noneMatch(n -> n.peer() == one.peer() && n.stuck() == one.stuck())) {
            named.add(one);
        }
    }
}
