package raftkit.tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import raftkit.tester.fakes.FakeOnly;
import raftkit.tester.fakes.PartFake;
import raftkit.tester.fakes.TwoLeadersFake;

class PartTotalsListenerTest {

    private static final long HALF_A_SECOND = 500_000_000L;
    private static final Pattern LINE = Pattern.compile(
            "Part 9Z: 2 tests \\(1 failed\\), (\\d+\\.\\d) s wall, (\\d+\\.\\d) s CPU, (\\d+) RPCs, (\\d+) bytes");

    /** Runs a tagged fake part (one passing test with traffic, one failing) and an untagged fake test. */
    private static void runFakes(PartTotalsListener listener) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(PartFake.class), selectClass(TwoLeadersFake.class))
                .configurationParameter(FakeOnly.ENABLE, "true")
                .build();
        LauncherConfig noAutoListeners = LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build();
        LauncherFactory.create(noAutoListeners).execute(request, listener);
    }

    @Test
    void when_a_part_runs_then_one_line_sums_its_tests_and_untagged_tests_are_left_out() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PartTotalsListener listener = new PartTotalsListener(new PrintStream(printed, true, StandardCharsets.UTF_8));
        runFakes(listener);

        String out = printed.toString(StandardCharsets.UTF_8);
        Matcher line = LINE.matcher(out.strip());
        assertTrue(line.matches(), out);
        assertEquals(2L * PartFake.STARTS, PartFake.rpcs, "each start pings two peers");
        assertEquals(PartFake.rpcs, Long.parseLong(line.group(3)));
        assertEquals(PartFake.bytes, Long.parseLong(line.group(4)));
        assertTrue(PartFake.bytes > 0);
        PartTotal total = listener.totals().get("9Z");
        // CPU time moves in scheduler ticks, so a short part may show none; wall time always moves
        assertTrue(total.wallSeconds() > 0 && total.cpuSeconds() >= 0, total.toString());
        assertEquals(Map.of("9Z", total), listener.totals());
    }

    @Test
    void when_the_jvm_runs_a_child_process_then_its_cpu_counts_as_the_tests() throws Exception {
        // a shell that spins, then sleeps: the peer host's part of a test's cost, in small
        Process child = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 5000000 ]; do i=$((i+1)); done; sleep 60")
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (cpuOf(child.toHandle()) < HALF_A_SECOND && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long childCpu = cpuOf(child.toHandle());
            assertTrue(childCpu >= HALF_A_SECOND, "the child spun for " + childCpu + " ns");
            long own = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            assertTrue(PartTotalsListener.processCpuNanos() >= own + childCpu, "the child's CPU is counted");
        } finally {
            child.destroyForcibly();
        }
    }

    private static long cpuOf(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    @Test
    void when_each_test_asked_for_then_a_line_per_graded_test_with_its_rpcs() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PartTotalsListener listener = new PartTotalsListener(new PrintStream(printed, true, StandardCharsets.UTF_8),
                true);
        runFakes(listener);

        Matcher test = Pattern.compile("(?m)^  \\S+\\(\\) +\\d+\\.\\d s wall +\\d+\\.\\d\\d s CPU +(\\d+) RPCs$")
                .matcher(printed.toString(StandardCharsets.UTF_8));
        long lines = 0;
        long rpcs = 0;
        while (test.find()) {
            lines++;
            rpcs += Long.parseLong(test.group(1));
        }
        assertEquals(2, lines, printed.toString(StandardCharsets.UTF_8));
        assertEquals(PartFake.rpcs, rpcs, "the tests' lines add up to the part's RPCs");
    }
}
