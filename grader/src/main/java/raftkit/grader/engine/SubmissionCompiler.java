package raftkit.grader.engine;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a submission: takes only the student-owned files (the policy's globs) from a folder or zip, and
 * compiles them together with the kit's own API sources, so edits to kit files in a submission change nothing.
 * A submission laid out flat (e.g. just {@code Raft.java}, as Gradescope uploads often are) is found by its
 * {@code package raftkit.raft;} line.
 */
public final class SubmissionCompiler {

    /** The outcome: {@code ok} with {@code classes} to put on the test classpath, or the compiler's messages. */
    public record Compilation(boolean ok, Path classes, List<Path> sources, String messages) {
    }

    private static final String STUDENT_PACKAGE = "raftkit/raft";

    private SubmissionCompiler() {
    }

    public static Compilation compile(Path submission, List<String> globs, Kit kit, Path work) throws IOException {
        Path root = Files.isDirectory(submission) ? submission : unzip(submission, work.resolve("submission"));
        List<Path> found = studentFiles(root, globs);
        if (found.isEmpty()) {
            return new Compilation(false, null, List.of(), "no student files in " + submission + " (expected "
                    + String.join(", ", globs) + ", or .java files in package raftkit.raft)");
        }
        Path src = work.resolve("src").resolve(STUDENT_PACKAGE);
        Files.createDirectories(src);
        Files.createDirectories(work.resolve("classes"));
        List<String> options = List.of("-d", work.resolve("classes").toString(), "--release", "17",
                "-encoding", "UTF-8", "-nowarn", "-cp", dependencies(kit));
        List<Path> sources = new ArrayList<>();
        for (Path file : found) {
            Path copy = src.resolve(file.getFileName());
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            sources.add(copy);
        }
        try (Stream<Path> api = Files.list(kit.apiSources())) {
            api.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IOException("compiling a submission needs a JDK, not a JRE");
        }
        StringWriter messages = new StringWriter();
        boolean ok;
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            ok = javac.getTask(messages, files, null, options, null, files.getJavaFileObjectsFromPaths(sources))
                    .call();
        }
        return new Compilation(ok, work.resolve("classes"), found, messages.toString());
    }

    private static List<Path> studentFiles(Path root, List<String> globs) throws IOException {
        List<PathMatcher> matchers = globs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g))
                .toList();
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = walk.filter(Files::isRegularFile).toList();
        }
        List<Path> matched = all.stream().filter(p -> matchers.stream().anyMatch(m -> m.matches(root.relativize(p))))
                .toList();
        if (!matched.isEmpty()) {
            return matched;
        }
        List<Path> flat = new ArrayList<>();
        for (Path p : all) {
            if (p.toString().endsWith(".java") && Files.readString(p).contains("package raftkit.raft;")) {
                flat.add(p);
            }
        }
        return flat;
    }

    private static String dependencies(Kit kit) throws IOException {
        Path raft = kit.raftOutput().toAbsolutePath().normalize();
        return String.join(File.pathSeparator, kit.dependencies().stream()
                .filter(p -> !p.toAbsolutePath().normalize().startsWith(raft)).map(Path::toString).toList());
    }

    /** Extracts a zip, refusing entries that would land outside {@code dir}. */
    private static Path unzip(Path zip, Path dir) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IOException("no such submission: " + zip);
        }
        Files.createDirectories(dir);
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("unsafe path in " + zip + ": " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return dir;
    }
}
