package raftkit.handout;

import java.util.List;
import java.util.Locale;

/**
 * One line of the build's check report: what was checked, how it came out, the numbers behind it, and (for a
 * failure) a few lines that show why.
 */
public record Check(String what, Status status, String detail, List<String> evidence) {

    /** A skipped check does not stop the build; the report says it was skipped and why. */
    public enum Status { OK, FAIL, SKIP }

    static Check passed(String what, String detail) {
        return new Check(what, Status.OK, detail, List.of());
    }

    static Check failed(String what, String detail, List<String> evidence) {
        return new Check(what, Status.FAIL, detail, List.copyOf(evidence));
    }

    static Check skipped(String what, String why) {
        return new Check(what, Status.SKIP, why, List.of());
    }

    /** Whether the build may go on: the check held or was skipped. */
    public boolean ok() {
        return status != Status.FAIL;
    }

    String line() {
        String label = status == Status.FAIL ? "FAIL" : status.name().toLowerCase(Locale.ROOT);
        return String.format("  %-5s %s: %s", label, what, detail);
    }
}
