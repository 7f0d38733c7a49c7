package raftkit.tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * The test JVM options start this JDK's JVM (the kit's CI runs this on JDK 17 and 25) and take effect, and the
 * class archive is built once and used.
 */
class TestJvmOptionsTest {

    @Test
    void when_a_jvm_starts_with_the_options_then_it_accepts_them_all_and_uses_them() throws Exception {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(TestJvmOptions.options());
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = read(jvm);
        assertTrue(jvm.waitFor(60, TimeUnit.SECONDS), "the JVM did not exit");

        assertEquals(0, jvm.exitValue(), output);
        assertFalse(output.contains("VM warning"), output); // e.g. an option ignored or deprecated
        assertTrue(output.matches("(?s).*\\bTieredStopAtLevel\\s+= 1\\b.*"), "C1 only not in effect");
        assertTrue(output.matches("(?s).*\\bUseSerialGC\\s+= true\\b.*"), "the serial collector not in effect");
    }

    @Test
    void when_the_jars_have_an_archive_then_a_test_jvm_maps_their_classes_from_it(@TempDir Path dir)
            throws Exception {
        Path jar = codeSource(AssertionFailedError.class);
        Path classes = codeSource(Probe.class);
        List<String> options = TestJvmOptions.withClasspath(List.of(classes, jar), dir);
        assertEquals(List.of("-cp", jar + File.pathSeparator + classes),
                options.subList(options.size() - 2, options.size()), "the jar comes first, then the folder");
        Path archive = Path.of(options.stream().filter(o -> o.startsWith("-XX:SharedArchiveFile="))
                .findFirst().orElseThrow().substring("-XX:SharedArchiveFile=".length()));
        FileTime built = Files.getLastModifiedTime(archive);

        List<String> command = new ArrayList<>(List.of(java()));
        // -Xshare:on: a JVM that cannot map the archive fails instead of running without it
        command.addAll(List.of("-Xshare:on", "-Xlog:class+load=info"));
        command.addAll(TestJvmOptions.withClasspath(List.of(classes, jar), dir));
        command.add(Probe.class.getName());
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = read(jvm);
        assertTrue(jvm.waitFor(60, TimeUnit.SECONDS), "the JVM did not exit");

        assertEquals(0, jvm.exitValue(), output);
        assertTrue(output.contains("org.opentest4j.AssertionFailedError source: shared objects file"),
                "the jar's class was not mapped from the archive:\n" + output);
        assertEquals(built, Files.getLastModifiedTime(archive), "the archive was built again");
    }

    /** Loads a class of a jar. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println(new AssertionFailedError("probe").getMessage());
        }
    }

    private static Path codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String read(Process jvm) throws IOException {
        return new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
