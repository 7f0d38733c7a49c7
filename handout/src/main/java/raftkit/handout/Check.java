package raftkit.handout;

import java.util.List;

/**
 * One line of the build's check report: what was checked, whether it held, the numbers behind it, and (for a
 * failure) a few lines that show why.
 */
public record Check(String what, boolean ok, String detail, List<String> evidence) {

    static Check passed(String what, String detail) {
        return new Check(what, true, detail, List.of());
    }

    static Check failed(String what, String detail, List<String> evidence) {
        return new Check(what, false, detail, List.copyOf(evidence));
    }

    static Check skipped(String what, String why) {
        return new Check(what, true, "skipped: " + why, List.of());
    }

    String line() {
        return String.format("  %-5s %s: %s", ok ? "ok" : "FAIL", what, detail);
    }
}
