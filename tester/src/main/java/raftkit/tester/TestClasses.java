package raftkit.tester;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.Collection;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * Where a test JVM looks for the tests it runs: the classes of one package (not of its subpackages) whose simple
 * names match a pattern. JUnit loads every class it is shown to see whether it holds tests, and the tester's
 * package also holds the harness and, in the kit's own build, the harness's tests and their doubles: loading
 * those cost each test JVM about a third of a CPU second. Naming the graded classes keeps discovery to them. The
 * grader's test JVMs and the benchmark's part JVMs both discover through {@link #discovery}, so a benchmark costs
 * what grading costs.
 *
 * @param packageName the package, e.g. {@code raftkit.tester}
 * @param namePattern a regular expression every simple name of a test class in it matches
 */
public record TestClasses(String packageName, String namePattern) {

    /** The graded tests: a topic, a part and "Test", as in {@code Election3ATest} or {@code PreVote3ETest}. */
    public static final TestClasses GRADED = new TestClasses(RaftTest.class.getPackageName(), "[A-Z]\\w*\\d[A-Z]Test");

    /** @throws IllegalArgumentException if {@code namePattern} is not a regular expression */
    public TestClasses {
        try {
            Pattern.compile(namePattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a regular expression: " + namePattern + " ("
                    + e.getDescription() + ")", e);
        }
    }

    /** Whether {@code type} is one of these classes. */
    public boolean contains(Class<?> type) {
        return type.getPackageName().equals(packageName) && type.getSimpleName().matches(namePattern)
                && type.getEnclosingClass() == null;
    }

    /** A discovery request for the tests of these classes carrying one of {@code tags}, or any tag when empty. */
    public LauncherDiscoveryRequestBuilder discovery(Collection<String> tags) {
        // the filters see binary names, and JUnit applies them before it loads a class
        String prefix = packageName.isEmpty() ? "" : Pattern.quote(packageName + ".");
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(packageName))
                .filters(ClassNameFilter.includeClassNamePatterns(prefix + "(?:" + namePattern + ")"),
                        ClassNameFilter.excludeClassNamePatterns(prefix + "[^.]*\\..*")); // a subpackage's
        if (!tags.isEmpty()) {
            request.filters(TagFilter.includeTags(tags.toArray(new String[0])));
        }
        return request;
    }

    /** As messages name them: {@code the classes of raftkit.tester named [A-Z]\w*\d[A-Z]Test}. */
    @Override
    public String toString() {
        return "the classes of " + packageName + " named " + namePattern;
    }
}
