package raftkit.grader.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;
import raftkit.grader.engine.TestNames;
import raftkit.tester.TestClasses;

/**
 * Reads a policy file (TOML, see the kit's {@code grader/policy.toml} for every key). Every mistake, from a TOML
 * syntax error to a misspelt key or a pass rule that does not exist, is a {@link PolicyException} naming the line.
 */
public final class PolicyLoader {

    private static final Set<String> TOP = Set.of("tests", "defaults", "student", "parts", "overrides");
    private static final Set<String> RUN_KEYS = Set.of("points", "runs", "pass_rule", "time_limit");
    private static final Set<String> PART_KEYS = union(RUN_KEYS, Set.of("title", "tag", "tests"));

    private final String file;
    private final TomlParseResult toml;

    private PolicyLoader(String file, TomlParseResult toml) {
        this.file = file;
        this.toml = toml;
    }

    public static Policy load(Path path) throws PolicyException {
        if (!Files.isRegularFile(path)) {
            throw new PolicyException("policy file not found: " + path);
        }
        try {
            return parse(path.getFileName().toString(), Files.readString(path));
        } catch (IOException e) {
            throw new PolicyException("cannot read the policy file " + path + ": " + e.getMessage());
        }
    }

    /** Parses policy text; {@code file} is the name used in messages. */
    public static Policy parse(String file, String text) throws PolicyException {
        TomlParseResult toml = Toml.parse(text);
        if (toml.hasErrors()) {
            var error = toml.errors().get(0);
            throw new PolicyException(file + ":" + error.position().line() + ": " + error.getMessage());
        }
        return new PolicyLoader(file, toml).policy();
    }

    private Policy policy() throws PolicyException {
        checkKeys(toml, List.of(), TOP);
        TomlTable tests = table(toml, "tests", List.of("package", "classes", "heap"));
        TomlTable defaults = table(toml, "defaults", RUN_KEYS);
        TomlTable student = table(toml, "student", List.of("files"));
        RunSettings base = RunSettings.read(this, defaults, List.of("defaults"), RunSettings.BUILT_IN);
        List<PartPolicy> parts = new ArrayList<>();
        TomlTable partTables = table(toml, "parts", null);
        for (String name : partTables.keySet()) {
            parts.add(part(name, base));
        }
        if (parts.isEmpty()) {
            throw error(List.of(), "the policy defines no parts (add a [parts.3A] table)");
        }
        checkUnique(parts);
        checkOverridesExist(parts);
        List<String> files = strings(student, List.of("student", "files"));
        if (files.isEmpty()) {
            throw error(List.of("student"), "[student] files must list the files a student owns");
        }
        return new Policy(testClasses(tests), tests.getString("heap", () -> "512m"), parts, files);
    }

    /** The package and class names of [tests]; each one the tester's graded tests have where it is not given. */
    private TestClasses testClasses(TomlTable tests) throws PolicyException {
        String names = tests.getString("classes", TestClasses.GRADED::namePattern);
        try {
            return new TestClasses(tests.getString("package", TestClasses.GRADED::packageName), names);
        } catch (IllegalArgumentException e) {
            throw error(List.of("tests", "classes"), "[tests] classes is " + e.getMessage());
        }
    }

    private PartPolicy part(String name, RunSettings base) throws PolicyException {
        List<String> path = List.of("parts", name);
        TomlTable table = table(toml, path, PART_KEYS);
        RunSettings partSettings = RunSettings.read(this, table, path, base);
        List<TestPolicy> tests = new ArrayList<>();
        for (String test : strings(table, List.of("parts", name, "tests"))) {
            if (!test.startsWith("Test") && !test.startsWith("test")) {
                throw error(path, "test names start with Test (as in Go): " + test);
            }
            String go = TestNames.goName(test);
            List<String> overridePath = List.of("overrides", go);
            TomlTable override = table(toml, overridePath, RUN_KEYS);
            tests.add(RunSettings.read(this, override, overridePath, partSettings).test(go, name));
        }
        if (tests.isEmpty()) {
            throw error(path, "part " + name + " lists no tests");
        }
        String title = table.getString("title", () -> "");
        return new PartPolicy(name, title, table.getString("tag", () -> name), tests);
    }

    private void checkUnique(List<PartPolicy> parts) throws PolicyException {
        Set<String> seen = new HashSet<>();
        for (PartPolicy part : parts) {
            for (TestPolicy test : part.tests()) {
                if (!seen.add(test.name())) {
                    throw error(List.of("parts", part.name()), test.name() + " is listed twice");
                }
            }
        }
    }

    private void checkOverridesExist(List<PartPolicy> parts) throws PolicyException {
        TomlTable overrides = table(toml, "overrides", null);
        for (String name : overrides.keySet()) {
            boolean known = parts.stream().flatMap(p -> p.tests().stream())
                    .anyMatch(t -> TestNames.same(t.name(), name));
            if (!known) {
                throw error(List.of("overrides", name), "[overrides." + name + "] names a test no part lists");
            }
        }
    }

    TomlTable table(TomlTable parent, String key, Iterable<String> allowed) throws PolicyException {
        return table(parent, List.of(key), allowed);
    }

    TomlTable table(TomlTable root, List<String> path, Iterable<String> allowed) throws PolicyException {
        Object value = root.get(path);
        if (value == null) {
            return Toml.parse("");
        }
        if (!(value instanceof TomlTable table)) {
            throw error(path, String.join(".", path) + " must be a table");
        }
        if (allowed != null) {
            checkKeys(table, path, allowed);
        }
        return table;
    }

    private void checkKeys(TomlTable table, List<String> path, Iterable<String> allowed) throws PolicyException {
        Set<String> ok = new HashSet<>();
        allowed.forEach(ok::add);
        for (String key : table.keySet()) {
            if (!ok.contains(key)) {
                List<String> at = new ArrayList<>(path);
                at.add(key);
                throw error(at, "unknown key '" + key + "'" + (path.isEmpty() ? "" : " in [" + String.join(".",
                        path) + "]") + "; expected one of " + new java.util.TreeSet<>(ok));
            }
        }
    }

    private List<String> strings(TomlTable table, List<String> path) throws PolicyException {
        String key = path.get(path.size() - 1);
        Object value = table.get(List.of(key));
        if (value == null) {
            return List.of();
        }
        String hint = key + " must be a list of strings, e.g. [\"a\", \"b\"]";
        if (!(value instanceof TomlArray array)) {
            throw error(path, hint);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof String s)) {
                throw error(path, hint);
            }
            out.add(s);
        }
        return out;
    }

    /** A message that names the line of {@code path} (or of its nearest enclosing table the file has). */
    PolicyException error(List<String> path, String message) {
        for (int n = path.size(); n > 0; n--) {
            TomlPosition at = toml.inputPositionOf(path.subList(0, n));
            if (at != null) {
                return new PolicyException(file + ":" + at.line() + ": " + message);
            }
        }
        return new PolicyException(file + ": " + message);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
