package raftkit.tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The test JVM options start this JDK's JVM (the kit's CI runs this on JDK 17 and 25) and take effect. */
class TestJvmOptionsTest {

    @Test
    void when_a_jvm_starts_with_the_options_then_it_accepts_them_all_and_uses_them() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
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

    private static String read(Process jvm) throws IOException {
        return new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
