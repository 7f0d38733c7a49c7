package raftkit.grader.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import raftkit.tester.TestClasses;

/**
 * What one child JVM runs: the tests of {@code classes} carrying one of {@code tags} (any tag when empty) whose
 * method is one of {@code methods} (any method when empty). Each test's output also goes to {@code <method>.log}
 * beside {@code results}, up to {@code outputCap} characters. Travels to {@link ChildMain} as {@code key=value}
 * arguments. The time limit is not part of it: the tester reads it from {@code raftkit.timeout}
 * (see {@code TestRunner.limitProperty}).
 */
public record ChildRequest(Path results, long outputCap, TestClasses classes, List<String> tags,
                           List<String> methods) {

    public ChildRequest {
        tags = List.copyOf(tags);
        methods = methods.stream().map(TestNames::methodName).toList();
    }

    List<String> toArgs() {
        List<String> args = new ArrayList<>();
        args.add("results=" + results);
        args.add("cap=" + outputCap);
        args.add("package=" + classes.packageName());
        args.add("classes=" + classes.namePattern());
        tags.forEach(t -> args.add("tag=" + t));
        methods.forEach(m -> args.add("method=" + m));
        return args;
    }

    static ChildRequest parse(String[] args) {
        Path results = null;
        long cap = Long.MAX_VALUE;
        String pkg = "";
        String names = ".*";
        List<String> tags = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String key = eq < 0 ? arg : arg.substring(0, eq);
            String value = eq < 0 ? "" : arg.substring(eq + 1);
            switch (key) {
                case "results" -> results = Path.of(value);
                case "cap" -> cap = Long.parseLong(value);
                case "package" -> pkg = value;
                case "classes" -> names = value;
                case "tag" -> tags.add(value);
                case "method" -> methods.add(value);
                default -> throw new IllegalArgumentException("unknown child argument: " + arg);
            }
        }
        if (results == null) {
            throw new IllegalArgumentException("the child needs results=FILE");
        }
        return new ChildRequest(results, cap, new TestClasses(pkg, names), tags, methods);
    }
}
