package raftkit.grader.score;

import java.util.Locale;

/** Points as people write them, in every report: {@code 5}, {@code 2.5}, {@code 3.33}. */
public final class Points {

    private Points() {
    }

    public static String format(double value) {
        if (value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "");
    }
}
