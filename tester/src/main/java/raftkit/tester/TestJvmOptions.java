package raftkit.tester;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The JVM options of every JVM that runs graded tests: the grader's test JVMs and the per-part benchmark's. Such a
 * JVM lives for one part, a few seconds to a few minutes, and its tests mostly wait on Raft's timers, so the JVM's
 * own work (compiling, collecting, starting up) is much of what it costs; these options cut that work. Each one is
 * a product option of HotSpot that JDK 17 and JDK 25 both accept.
 */
public final class TestJvmOptions {

    private static final List<String> OPTIONS = List.of(
            // The first compiler only: its code is good enough for tests that mostly wait, and the second,
            // optimising compiler would spend more CPU compiling than its faster code saves in a short JVM.
            "-XX:TieredStopAtLevel=1",
            // One compiler thread is enough for the first compiler alone (the default is one per compiler).
            "-XX:CICompilerCount=1",
            // One collector thread, no concurrent collector work: the live data is small.
            "-XX:+UseSerialGC",
            // No shared-memory performance counters, which nothing reads and which are updated all the time.
            "-XX:-UsePerfData");

    private TestJvmOptions() {
    }

    /** The options, to go on a test JVM's command line before its main class. */
    public static List<String> options() {
        return OPTIONS;
    }

    /**
     * The options and the class path ({@code -cp}) of a test JVM: its jars first, then its folders, with a class
     * archive of the jars (see {@link ClassArchive}), built in {@code archiveDir} on first use and reused by every
     * later test JVM. Without an archive (none could be built, or {@code archiveDir} is null) the options alone.
     */
    public static List<String> withClasspath(List<Path> classpath, Path archiveDir) {
        List<String> command = new ArrayList<>(OPTIONS);
        List<Path> jars = classpath.stream().filter(TestJvmOptions::isJar).toList();
        List<Path> ordered = new ArrayList<>(jars);
        classpath.stream().filter(p -> !isJar(p)).forEach(ordered::add);
        Optional<Path> archive = archiveDir == null ? Optional.empty() : ClassArchive.of(jars, archiveDir);
        archive.ifPresent(a -> {
            command.add("-XX:SharedArchiveFile=" + a);
            // A JDK that cannot use the archive (e.g. a jar changed since) runs without it; no warning in a test's log.
            command.add("-Xlog:cds=off");
        });
        command.add("-cp");
        command.add(joined(archive.isPresent() ? ordered : classpath));
        return command;
    }

    static String joined(List<Path> classpath) {
        return classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static boolean isJar(Path entry) {
        return entry.getFileName() != null && entry.getFileName().toString().endsWith(".jar")
                && Files.isRegularFile(entry);
    }
}
