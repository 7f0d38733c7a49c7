package raftkit.handout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Maven side of the self-check, on a one-module project small enough to compile in seconds. */
class SelfCheckTest {

    @TempDir
    Path temp;

    private final StringWriter report = new StringWriter();

    /** The fixture repository, with its Raft module made a real Maven project (plugins pinned as in the kit). */
    private Path mavenRepository(String stub) throws Exception {
        Path repo = Fixture.repository(temp.resolve("repo"));
        String plugins = plugin("maven-resources-plugin", "3.3.1") + plugin("maven-compiler-plugin", "3.14.1")
                + plugin("maven-surefire-plugin", "3.5.4") + plugin("maven-jar-plugin", "3.5.0");
        Fixture.write(repo, "pom.xml", String.join("\n", "<project>", "  <modelVersion>4.0.0</modelVersion>",
                "  <groupId>fixture</groupId>", "  <artifactId>parent</artifactId>", "  <version>1</version>",
                "  <packaging>pom</packaging>", "  <modules>", "    <module>raft</module>",
                "    <module>handout</module>", "  </modules>", "</project>", ""));
        Fixture.write(repo, "raft/pom.xml", String.join("\n", "<project>", "  <modelVersion>4.0.0</modelVersion>",
                "  <groupId>fixture</groupId>", "  <artifactId>raft</artifactId>", "  <version>1</version>",
                "  <properties><maven.compiler.release>17</maven.compiler.release>",
                "    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>",
                "  <build><pluginManagement><plugins>" + plugins + "</plugins></pluginManagement></build>",
                "</project>", ""));
        Fixture.write(repo, Fixture.RAFT, String.join("\n", "package raftkit.raft;", "class Raft {",
                "    int timeout() {", "        // BEGIN SOLUTION", "        return 317;", "        // STUB",
                "        // " + stub, "        // END SOLUTION", "    }", "}", ""));
        return repo;
    }

    private static String plugin(String artifact, String version) {
        return "<plugin><groupId>org.apache.maven.plugins</groupId><artifactId>" + artifact + "</artifactId><version>"
                + version + "</version></plugin>";
    }

    private HandoutBuilder.Outcome build(Path repo) throws Exception {
        return new HandoutBuilder(new PrintWriter(report)).build(
                new HandoutBuilder.Options(repo, temp.resolve("kit"), false, CheckLevel.COMPILE));
    }

    @Test
    void when_the_kit_compiles_then_the_compile_check_holds_and_the_kit_has_no_build_output() throws Exception {
        HandoutBuilder.Outcome outcome = build(mavenRepository("return 0;"));

        assertTrue(outcome.ok(), report::toString);
        assertEquals(List.of(Check.Status.OK, Check.Status.OK, Check.Status.SKIP, Check.Status.SKIP),
                outcome.checks().stream().map(Check::status).toList());
        assertFalse(Files.exists(temp.resolve("kit/raft/target")), "Maven ran in the kit itself");
    }

    @Test
    void when_the_stub_does_not_compile_then_the_check_fails_with_the_compiler_error_and_nothing_is_written()
            throws Exception {
        HandoutBuilder.Outcome outcome = build(mavenRepository("return \"zero\";"));

        assertFalse(outcome.ok());
        Check compile = outcome.checks().get(1);
        assertEquals(Check.Status.FAIL, compile.status());
        assertTrue(compile.detail().startsWith("Maven exited with 1"), compile.detail());
        assertTrue(compile.evidence().stream().anyMatch(line -> line.contains("Raft.java")), compile::toString);
        assertEquals("the kit does not compile", outcome.checks().get(2).detail());
        assertFalse(Files.exists(temp.resolve("kit")));
    }
}
