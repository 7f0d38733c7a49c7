package raftkit.handout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Removes solution blocks from a student-owned file. A block is the lines between {@code // BEGIN SOLUTION} and
 * {@code // END SOLUTION}, each marker alone on its line. A block may end with stub text after a {@code // STUB}
 * line, written as comments ({@code // return null;}) so the reference still compiles; the handout shows those
 * lines with the {@code // } taken off, keeping their indentation. Blocks do not nest.
 */
public final class Stripper {

    static final String BEGIN = "// BEGIN SOLUTION";
    static final String STUB = "// STUB";
    static final String END = "// END SOLUTION";

    /**
     * The stripped text, plus what the self-check needs to prove nothing leaked: the removed solution lines and the
     * stub lines that were put in their place.
     */
    public record Result(String text, List<String> solutionLines, List<String> stubLines, int blocks) {
    }

    private enum Marker { NONE, BEGIN, STUB, END }

    private enum State { OUTSIDE, SOLUTION, STUB }

    private Stripper() {
    }

    /** Strips {@code text}; {@code file} only names the file in error messages. */
    public static Result strip(String file, String text) throws HandoutException {
        Scan scan = new Scan(file);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            scan.accept(i + 1, lines[i]);
        }
        if (scan.state != State.OUTSIDE) {
            throw HandoutException.at(file, scan.openedAt, BEGIN + " is never closed by " + END);
        }
        return new Result(String.join("\n", scan.out), List.copyOf(scan.solution), List.copyOf(scan.stubs),
                scan.blocks);
    }

    /** The walk through one file: where we are (outside, in a block's solution, in its stub) and what we kept. */
    private static final class Scan {
        private final String file;
        private final List<String> out = new ArrayList<>();
        private final List<String> solution = new ArrayList<>();
        private final List<String> stubs = new ArrayList<>();
        private State state = State.OUTSIDE;
        private int openedAt;
        private int blocks;

        Scan(String file) {
            this.file = file;
        }

        void accept(int lineNo, String line) throws HandoutException {
            Marker marker = markerOf(file, lineNo, line);
            if (state == State.OUTSIDE) {
                outside(lineNo, line, marker);
            } else if (marker == Marker.BEGIN) {
                throw HandoutException.at(file, lineNo,
                        "nested " + BEGIN + " (the block opened at line " + openedAt + " is not closed)");
            } else if (marker == Marker.STUB && state == State.STUB) {
                throw HandoutException.at(file, lineNo, "second " + STUB + " in the block opened at line " + openedAt);
            } else if (marker == Marker.STUB) {
                state = State.STUB;
            } else if (marker == Marker.END) {
                state = State.OUTSIDE;
            } else if (state == State.SOLUTION) {
                solution.add(line);
            } else {
                String stub = uncomment(file, lineNo, line);
                out.add(stub);
                stubs.add(stub);
            }
        }

        private void outside(int lineNo, String line, Marker marker) throws HandoutException {
            if (marker == Marker.BEGIN) {
                state = State.SOLUTION;
                openedAt = lineNo;
                blocks++;
            } else if (marker == Marker.NONE) {
                out.add(line);
            } else {
                throw HandoutException.at(file, lineNo, line.strip() + " outside a solution block");
            }
        }
    }

    /** Fails at the first marker of a file that may not hold solution blocks (it is not student-owned). */
    public static void requireNoMarkers(String file, String text) throws HandoutException {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (markerOf(file, i + 1, lines[i]) != Marker.NONE) {
                throw HandoutException.at(file, i + 1, lines[i].strip()
                        + " in a file that is not student-owned (see [student] files in grader/policy.toml)");
            }
        }
    }

    /**
     * Classifies a line. A comment that looks like a marker but is not exactly one ({@code //BEGIN SOLUTION},
     * {@code // end solution (3B)}) is an error: silently keeping it would ship the solution it was meant to hide.
     */
    private static Marker markerOf(String file, int lineNo, String line) throws HandoutException {
        String text = line.strip();
        switch (text) {
            case BEGIN:
                return Marker.BEGIN;
            case STUB:
                return Marker.STUB;
            case END:
                return Marker.END;
            default:
                break;
        }
        if (!text.startsWith("//")) {
            return Marker.NONE;
        }
        String words = text.substring(2).strip().toUpperCase(Locale.ROOT);
        boolean lookalike = words.contains("BEGIN SOLUTION") || words.contains("END SOLUTION")
                || words.equals("STUB") || words.startsWith("STUB:");
        if (lookalike) {
            throw HandoutException.at(file, lineNo, "malformed marker '" + text + "': write it alone on its line as '"
                    + BEGIN + "', '" + STUB + "' or '" + END + "'");
        }
        return Marker.NONE;
    }

    /** A stub line is a comment; the handout shows it uncommented, at the same indentation. */
    private static String uncomment(String file, int lineNo, String line) throws HandoutException {
        String body = line.stripLeading();
        String indent = line.substring(0, line.length() - body.length());
        if (body.strip().equals("//")) {
            return "";
        }
        if (!body.startsWith("// ")) {
            throw HandoutException.at(file, lineNo,
                    "stub line must be a comment '// <code>' (the reference has to compile with the stub in it)");
        }
        return indent + body.substring(3);
    }
}
