package raftkit.grader.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import raftkit.raft.api.Debug;
import raftkit.raft.api.Topic;

/**
 * Lays a run's debug lines ({@link Debug#LINE_FORMAT}: {@code 004512 LEAD S2 became leader at term 5}) out in one
 * column per peer, the time and topic at the left, the text wrapped inside its peer's column; lines that are not
 * debug lines (the tester's own) pass through whole. With colour, each topic has its own (ANSI escapes).
 */
final class PeerColumns {

    /** A debug line: time, tag, peer, text. */
    static final Pattern LINE = Pattern.compile("^(\\d{6,}) ([A-Z0-9]{4}) S(\\d+) (.*)$");
    private static final String SEPARATOR = " | ";
    private static final int PREFIX = 12;
    private static final String RESET = "\u001b[0m";
    private static final Map<Topic, String> COLOURS = new EnumMap<>(Map.ofEntries(
            Map.entry(Topic.TIMER, "\u001b[90m"), Map.entry(Topic.VOTE, "\u001b[34m"),
            Map.entry(Topic.LEADER, "\u001b[33;1m"), Map.entry(Topic.TERM, "\u001b[36m"),
            Map.entry(Topic.LOG, "\u001b[32m"), Map.entry(Topic.COMMIT, "\u001b[35m"),
            Map.entry(Topic.APPLY, "\u001b[92m"), Map.entry(Topic.PERSIST, "\u001b[94m"),
            Map.entry(Topic.SNAPSHOT, "\u001b[95m"), Map.entry(Topic.INFO, "\u001b[37m"),
            Map.entry(Topic.WARN, "\u001b[31;1m")));

    private final int peers;
    private final int width;
    private final Set<Topic> only;
    private final Set<Topic> ignore;
    private final boolean colour;

    /**
     * @param peers   columns, one per peer
     * @param total   the whole line's width, in characters
     * @param only    topics to keep (empty: all)
     * @param ignore  topics to drop
     */
    PeerColumns(int peers, int total, Set<Topic> only, Set<Topic> ignore, boolean colour) {
        this.peers = peers;
        this.width = Math.max(12, (total - PREFIX - SEPARATOR.length() * (peers - 1)) / peers);
        this.only = only;
        this.ignore = ignore;
        this.colour = colour;
    }

    /** The highest peer number among the debug lines, plus one (at least 1). */
    static int peersIn(List<String> lines) {
        int max = 0;
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                max = Math.max(max, Integer.parseInt(m.group(3)) + 1);
            }
        }
        return Math.max(1, max);
    }

    /** The printed rows of one input line; none when its topic is filtered out or its peer has no column. */
    List<String> format(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return List.of(line);
        }
        Topic topic = Topic.byTag(m.group(2));
        int peer = Integer.parseInt(m.group(3));
        if (peer >= peers || topic != null && (!only.isEmpty() && !only.contains(topic) || ignore.contains(topic))
                || topic == null && !only.isEmpty()) {
            return List.of();
        }
        List<String> rows = new ArrayList<>();
        List<String> pieces = wrap(m.group(4));
        for (int r = 0; r < pieces.size(); r++) {
            String prefix = r == 0 ? String.format("%-6s %-4s ", m.group(1), m.group(2)) : " ".repeat(PREFIX);
            rows.add(prefix + row(peer, pieces.get(r), topic));
        }
        return rows;
    }

    private String row(int peer, String text, Topic topic) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < peers; c++) {
            out.append(c == 0 ? "" : SEPARATOR);
            if (c == peer) {
                String cell = text + " ".repeat(width - text.length());
                out.append(colour && topic != null ? COLOURS.get(topic) + cell + RESET : cell);
            } else {
                out.append(" ".repeat(width));
            }
        }
        return out.toString().stripTrailing();
    }

    /** {@code text} cut into pieces of at most the column's width, at spaces where it can. */
    private List<String> wrap(String text) {
        List<String> pieces = new ArrayList<>();
        String rest = text;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            cut = cut <= 0 ? width : cut;
            pieces.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        pieces.add(rest);
        return pieces;
    }
}
