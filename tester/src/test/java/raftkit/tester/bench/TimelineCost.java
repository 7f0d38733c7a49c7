package raftkit.tester.bench;

import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** One line of {@link PartBenchmark}'s comparison: a part's CPU and wall with recording on, against off. */
final class TimelineCost {

    private TimelineCost() {
    }

    static String line(String part, String mode, List<Properties> off, List<Properties> on) {
        double cpuOff = mean(off, "cpuNanos");
        double cpuOn = mean(on, "cpuNanos");
        double wallOff = mean(off, "wallNanos");
        double wallOn = mean(on, "wallNanos");
        return String.format(Locale.ROOT, "%-4s timeline=%s: CPU %.1f s vs %.1f s off (%+.1f %%, runs spread %.1f %%), "
                        + "wall %.1f s vs %.1f s (%+.1f %%)", part, mode, cpuOn / 1e9, cpuOff / 1e9,
                100 * (cpuOn - cpuOff) / cpuOff, 100 * spread(off, on, "cpuNanos") / cpuOff, wallOn / 1e9,
                wallOff / 1e9, 100 * (wallOn - wallOff) / wallOff);
    }

    private static double mean(List<Properties> runs, String key) {
        return runs.stream().filter(p -> !p.isEmpty()).mapToLong(p -> Long.parseLong(p.getProperty(key))).average()
                .orElse(Double.NaN);
    }

    /** The largest distance of any single run of either mode from its mode's mean: the noise to compare with. */
    private static double spread(List<Properties> off, List<Properties> on, String key) {
        double worst = 0;
        for (List<Properties> runs : List.of(off, on)) {
            double m = mean(runs, key);
            for (Properties p : runs) {
                if (!p.isEmpty()) {
                    worst = Math.max(worst, Math.abs(Long.parseLong(p.getProperty(key)) - m));
                }
            }
        }
        return worst;
    }
}
