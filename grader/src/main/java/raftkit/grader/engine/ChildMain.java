package raftkit.grader.engine;

import java.util.List;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import raftkit.tester.PeerHost;
import raftkit.tester.timeline.Timelines;

/**
 * The main class of a child JVM: runs the tests a {@link ChildRequest} selects through the JUnit Platform
 * Launcher and records them with {@link ResultsListener}. Auto-registration of engines and listeners is off and
 * ours are added by hand, because the student's classes share this classpath. It always ends with
 * {@code halt}, so threads a student left running cannot keep the JVM alive, and first ends any process the tests
 * started.
 */
public final class ChildMain {

    /** The child's exit code when the launcher itself failed (bad arguments, an engine error). */
    static final int EXIT_INTERNAL = 98;
    /** The child's exit code when a test ran out of heap: JUnit treats that as unrecoverable and stops the run. */
    static final int EXIT_OUT_OF_MEMORY = 96;

    private ChildMain() {
    }

    public static void main(String[] args) {
        int code = 0;
        try {
            ChildRequest request = ChildRequest.parse(args);
            PerTestOutput output = new PerTestOutput(System.out, request.results().toAbsolutePath().getParent(),
                    request.outputCap());
            output.install();
            // the tester writes a failing test's timeline page beside the test's own log
            System.setProperty(Timelines.DIR_PROPERTY, request.results().toAbsolutePath().getParent().toString());
            try (ResultsWriter results = new ResultsWriter(request.results())) {
                run(request, new ResultsListener(results, output));
            }
        } catch (OutOfMemoryError e) {
            code = EXIT_OUT_OF_MEMORY;
            e.printStackTrace();
        } catch (Throwable t) {
            t.printStackTrace();
            code = EXIT_INTERNAL;
        }
        exit(code);
    }

    private static void run(ChildRequest request, ResultsListener listener) {
        LauncherConfig config = LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .addTestEngines(new JupiterTestEngine())
                .build();
        LauncherDiscoveryRequestBuilder builder = request.classes().discovery(request.tags());
        if (!request.methods().isEmpty()) {
            builder.filters(methodFilter(request.methods()));
        }
        LauncherDiscoveryRequest discovery = builder.build();
        try (LauncherSession session = LauncherFactory.openSession(config)) {
            // Not the tester's PartTotalsListener: a child runs one test, so its "part" totals would be one test's.
            session.getLauncher().execute(discovery, listener);
        }
    }

    /** Keeps test methods named in {@code methods}; containers stay, and empty ones are pruned by the launcher. */
    private static PostDiscoveryFilter methodFilter(List<String> methods) {
        return descriptor -> {
            if (!descriptor.isTest()) {
                return FilterResult.included("container");
            }
            boolean wanted = descriptor.getSource().filter(MethodSource.class::isInstance)
                    .map(s -> methods.contains(((MethodSource) s).getMethodName())).orElse(false);
            return FilterResult.includedIf(wanted, () -> "selected", () -> "not selected");
        };
    }

    /** Ends every process the tests started, flushes the console and halts, skipping the student's hooks. */
    static void exit(int code) {
        PeerHost.shutDown();
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }
}
