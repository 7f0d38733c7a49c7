package raftkit.grader.build;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftkit.grader.fixtures.BatchFixtures;

class SourceCompilerTest {

    @TempDir
    Path dir;

    private SourceCompiler.Result compile(String fixture) throws Exception {
        PristineKit kit = BatchFixtures.kit();
        Path kitDir = dir.resolve("kit");
        new Overlay(kit).apply(BatchFixtures.SUBMISSIONS.resolve(fixture), kitDir);
        SourceCompiler compiler = new SourceCompiler(List.of(BatchFixtures.KIT_ROOT.resolve("labrpc/target/classes")));
        return compiler.compile(dir, kitDir, kit.layout().studentSourceRoots());
    }

    @Test
    void when_submission_compiles_then_its_raft_and_the_kit_api_are_in_classes() throws Exception {
        SourceCompiler.Result result = compile("correct");
        assertTrue(result.ok(), result.firstLines());
        assertTrue(Files.isRegularFile(result.classes().resolve("raftkit/raft/Raft.class")));
        assertTrue(Files.isRegularFile(result.classes().resolve("raftkit/raft/api/StartResult.class")));
    }

    @Test
    void when_submission_does_not_compile_then_the_first_errors_name_the_file_as_the_student_knows_it()
            throws Exception {
        SourceCompiler.Result result = compile("not-compiling");
        assertFalse(result.ok());
        assertTrue(result.firstLines().startsWith("raft/src/main/java/raftkit/raft/Raft.java:"), result.firstLines());
        assertTrue(result.firstLines().contains("incompatible types"), result.firstLines());
    }
}
