package raftkit.handout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A graded run's results grouped by the part the grader gave each test. */
final class PartResults {

    private final Map<String, List<KitGrader.TestResult>> byPart;

    private PartResults(Map<String, List<KitGrader.TestResult>> byPart) {
        this.byPart = byPart;
    }

    static PartResults of(List<KitGrader.TestResult> results, List<String> parts) {
        Map<String, List<KitGrader.TestResult>> byPart = new LinkedHashMap<>();
        parts.forEach(p -> byPart.put(p, new ArrayList<>()));
        for (KitGrader.TestResult result : results) {
            byPart.computeIfAbsent(result.part(), p -> new ArrayList<>()).add(result);
        }
        return new PartResults(byPart);
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
            long failed = tests.stream().filter(t -> !t.passed()).count();
            details.add(String.format(Locale.ROOT, "%s %d of %d failed in %.1f s", part, failed, tests.size(), seconds));
            if (tests.isEmpty()) {
                evidence.add(part + ": no graded test ran");
            }
            if (part.equals("3A") && seconds >= partLimit) {
                evidence.add(String.format(Locale.ROOT, "3A: took %.1f s, over the %.0f s limit", seconds, partLimit));
            }
            tests.stream().filter(KitGrader.TestResult::passed)
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
            long passed = tests.stream().filter(KitGrader.TestResult::passed).count();
            details.add(String.format(Locale.ROOT, "%s %d of %d passed in %.1f s", part, passed, tests.size(),
                    seconds(tests)));
            if (tests.isEmpty()) {
                evidence.add(part + ": no graded test ran");
            }
            tests.stream().filter(t -> !t.passed())
                    .forEach(t -> evidence.add(describe(t) + " " + t.status().toLowerCase(Locale.ROOT).replace('_', ' ')));
        });
        String detail = String.join(", ", details);
        return evidence.isEmpty() ? Check.passed(what, detail) : Check.failed(what, detail, evidence);
    }

    private static String describe(KitGrader.TestResult test) {
        return String.format(Locale.ROOT, "%s (%.1f s)", test.name(), test.seconds());
    }

    private static double seconds(List<KitGrader.TestResult> tests) {
        return tests.stream().mapToDouble(KitGrader.TestResult::seconds).sum();
    }
}
