package raftkit.handout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A graded run's results grouped by part. A test's part is the suffix Go gave its name ({@code testReElection3A}),
 * or failing that its class's ({@code Election3ATest}).
 */
final class PartResults {

    private static final Pattern METHOD_PART = Pattern.compile("([0-9][A-Z])(\\(\\))?$");
    private static final Pattern CLASS_PART = Pattern.compile("([0-9][A-Z])Test$");

    private final Map<String, List<SurefireReport.TestResult>> byPart;

    private PartResults(Map<String, List<SurefireReport.TestResult>> byPart) {
        this.byPart = byPart;
    }

    static PartResults of(List<SurefireReport.TestResult> results, List<String> parts) {
        Map<String, List<SurefireReport.TestResult>> byPart = new LinkedHashMap<>();
        parts.forEach(p -> byPart.put(p, new ArrayList<>()));
        for (SurefireReport.TestResult result : results) {
            byPart.computeIfAbsent(partOf(result), p -> new ArrayList<>()).add(result);
        }
        return new PartResults(byPart);
    }

    static String partOf(SurefireReport.TestResult result) {
        Matcher method = METHOD_PART.matcher(result.name());
        if (method.find()) {
            return method.group(1);
        }
        Matcher type = CLASS_PART.matcher(result.className());
        return type.find() ? type.group(1) : "?";
    }

    /**
     * With the stub every test must fail, each within {@link SelfCheck#STUB_TEST_LIMIT} (so none waits for its 120 s
     * limit), and the whole of 3A, a student's first run, within {@link SelfCheck#STUB_3A_LIMIT}.
     */
    Check judgeStub(String what) {
        List<String> details = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        double testLimit = SelfCheck.STUB_TEST_LIMIT.toSeconds();
        double partLimit = SelfCheck.STUB_3A_LIMIT.toSeconds();
        byPart.forEach((part, tests) -> {
            double seconds = seconds(tests);
            long failed = count(tests, SurefireReport.Outcome.FAILED);
            details.add(String.format(Locale.ROOT, "%s %d of %d failed in %.1f s", part, failed, tests.size(), seconds));
            if (tests.isEmpty()) {
                evidence.add(part + ": no graded test ran");
            }
            if (part.equals("3A") && seconds >= partLimit) {
                evidence.add(String.format(Locale.ROOT, "3A: took %.1f s, over the %.0f s limit", seconds, partLimit));
            }
            tests.stream().filter(t -> t.outcome() != SurefireReport.Outcome.FAILED)
                    .forEach(t -> evidence.add(describe(t) + " did not fail on the stub"));
            tests.stream().filter(t -> t.seconds() >= testLimit)
                    .forEach(t -> evidence.add(describe(t) + " took over " + (int) testLimit + " s to fail"));
        });
        String detail = String.join(", ", details) + String.format(Locale.ROOT,
                " (limits: 3A %.0f s, a test %.0f s)", partLimit, testLimit);
        return evidence.isEmpty() ? Check.passed(what, detail) : Check.failed(what, detail, evidence);
    }

    /** With the reference dropped back in, every test must pass. */
    Check judgeReference(String what) {
        List<String> details = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        byPart.forEach((part, tests) -> {
            long passed = count(tests, SurefireReport.Outcome.PASSED);
            details.add(String.format(Locale.ROOT, "%s %d of %d passed in %.1f s", part, passed, tests.size(),
                    seconds(tests)));
            if (tests.isEmpty()) {
                evidence.add(part + ": no graded test ran");
            }
            tests.stream().filter(t -> t.outcome() != SurefireReport.Outcome.PASSED)
                    .forEach(t -> evidence.add(describe(t) + " " + t.outcome().name().toLowerCase(Locale.ROOT)));
        });
        String detail = String.join(", ", details);
        return evidence.isEmpty() ? Check.passed(what, detail) : Check.failed(what, detail, evidence);
    }

    private static String describe(SurefireReport.TestResult test) {
        String type = test.className().substring(test.className().lastIndexOf('.') + 1);
        return String.format(Locale.ROOT, "%s.%s (%.1f s)", type, test.name(), test.seconds());
    }

    private static double seconds(List<SurefireReport.TestResult> tests) {
        return tests.stream().mapToDouble(SurefireReport.TestResult::seconds).sum();
    }

    private static long count(List<SurefireReport.TestResult> tests, SurefireReport.Outcome outcome) {
        return tests.stream().filter(t -> t.outcome() == outcome).count();
    }
}
