package raftkit.grader.policy;

import java.util.ArrayList;
import java.util.List;
import org.tomlj.TomlTable;

/** The run keys a table may set, each falling back to the enclosing level: test, part, [defaults], built-in. */
record RunSettings(double points, int runs, PassRule rule, double limitSeconds) {

    /** Go's per-test limit is 120 s; one run and all-must-pass keep a missing [defaults] table sensible. */
    static final RunSettings BUILT_IN = new RunSettings(5, 1, PassRule.ALL, 120);

    static RunSettings read(PolicyLoader loader, TomlTable table, List<String> path, RunSettings parent)
            throws PolicyException {
        double points = number(loader, table, path, "points", parent.points());
        double runs = number(loader, table, path, "runs", parent.runs());
        double limit = number(loader, table, path, "time_limit", parent.limitSeconds());
        if (points < 0) {
            throw loader.error(at(path, "points"), "points must not be negative");
        }
        if (runs < 1 || runs != Math.rint(runs)) {
            throw loader.error(at(path, "runs"), "runs must be a whole number of at least 1");
        }
        if (limit <= 0) {
            throw loader.error(at(path, "time_limit"), "time_limit must be a positive number of seconds");
        }
        PassRule rule = parent.rule();
        Object value = table.get(List.of("pass_rule"));
        if (value != null) {
            rule = switch (PolicyLoader.lower(String.valueOf(value))) {
                case "all" -> PassRule.ALL;
                case "scaled" -> PassRule.SCALED;
                default -> throw loader.error(at(path, "pass_rule"),
                        "pass_rule must be \"all\" or \"scaled\", not \"" + value + "\"");
            };
        }
        return new RunSettings(points, (int) runs, rule, limit);
    }

    TestPolicy test(String name, String part) {
        return new TestPolicy(name, part, points, runs, rule, limitSeconds);
    }

    private static double number(PolicyLoader loader, TomlTable table, List<String> path, String key, double fallback)
            throws PolicyException {
        Object value = table.get(List.of(key));
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number number)) {
            throw loader.error(at(path, key), key + " must be a number, not \"" + value + "\"");
        }
        return number.doubleValue();
    }

    private static List<String> at(List<String> path, String key) {
        List<String> full = new ArrayList<>(path);
        full.add(key);
        return full;
    }
}
