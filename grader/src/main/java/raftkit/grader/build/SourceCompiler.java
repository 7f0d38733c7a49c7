package raftkit.grader.build;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a submission's kit (its student source roots) with the JDK's compiler. Annotation processing is off,
 * so nothing from the submission runs while it compiles; that is what makes compiling in the grader's own JVM
 * safe, and it saves a JVM start per submission.
 */
public final class SourceCompiler {

    /** How many lines of compiler output the report shows. */
    static final int SHOWN_LINES = 12;

    /**
     * @param ok         whether it compiled
     * @param classes    the output folder
     * @param firstLines the first lines of the compiler's output (the first errors), empty on success
     */
    public record Result(boolean ok, Path classes, String firstLines) {
    }

    private final List<Path> classpath;

    /**
     * @param classpath the kit's compiled classes and libraries the student code may use, without the student
     *                  package
     */
    public SourceCompiler(List<Path> classpath) {
        this.classpath = List.copyOf(classpath);
    }

    /**
     * Compiles every Java file under {@code kitDir}'s {@code sourceRoots} into {@code scratch/classes}; the
     * compiler's output goes to {@code scratch/compile.log}.
     */
    public Result compile(Path scratch, Path kitDir, Iterable<String> sourceRoots) throws IOException {
        Path classes = Files.createDirectories(scratch.resolve("classes"));
        List<File> sources = new ArrayList<>();
        for (String root : sourceRoots) {
            Path dir = kitDir.resolve(root);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                            .forEach(p -> sources.add(p.toFile()));
                }
            }
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IOException("this Java runtime has no compiler; run the grader with a JDK");
        }
        List<String> options = List.of("--release", "17", "-proc:none", "-encoding", "UTF-8", "-nowarn",
                "-Xmaxerrs", "20", "-implicit:none", "-d", classes.toString(),
                "-cp", classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        StringWriter output = new StringWriter();
        boolean ok;
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            ok = javac.getTask(output, files, null, options, null, files.getJavaFileObjectsFromFiles(sources)).call();
        }
        String log = output.toString().replace(kitDir.toAbsolutePath() + File.separator, "");
        Files.writeString(scratch.resolve("compile.log"), log, StandardCharsets.UTF_8);
        return new Result(ok, classes, ok ? "" : firstLines(log));
    }

    private static String firstLines(String log) {
        return log.lines().limit(SHOWN_LINES).collect(Collectors.joining("\n"));
    }
}
