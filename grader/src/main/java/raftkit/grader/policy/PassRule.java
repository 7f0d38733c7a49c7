package raftkit.grader.policy;

import java.util.Locale;

/** How a test's runs turn into points. */
public enum PassRule {
    /** Every run must pass for the test's points; one failing run gives zero. */
    ALL,
    /** The points are scaled by the fraction of runs that passed. */
    SCALED;

    /** The points earned by {@code passes} passing runs out of {@code runs}. */
    public double points(double max, int passes, int runs) {
        if (runs <= 0) {
            return 0;
        }
        return switch (this) {
            case ALL -> passes == runs ? max : 0;
            case SCALED -> max * passes / runs;
        };
    }

    /** The spelling used in the policy file. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
