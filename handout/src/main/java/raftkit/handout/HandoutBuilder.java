package raftkit.handout;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds the student kit: copies and strips the repository into a temporary folder beside the output, adds the
 * kit-only files, checks the result, and only when every check holds moves it into place. On any error nothing is
 * left at the output path.
 */
public final class HandoutBuilder {

    /** What to build: from which repository, into which folder, with a Git commit or not, checked how far. */
    public record Options(Path root, Path out, boolean git, CheckLevel level) {
    }

    /** The result: whether every check held (and so the kit was written), and the checks themselves. */
    public record Outcome(boolean ok, List<Check> checks) {
    }

    private final PrintWriter report;

    public HandoutBuilder(PrintWriter report) {
        this.report = report;
    }

    public Outcome build(Options options) throws HandoutException, IOException, InterruptedException {
        Path root = options.root().toAbsolutePath().normalize();
        Path out = options.out().toAbsolutePath().normalize();
        requireRepository(root);
        requireFreeOutput(root, out);
        StudentFiles owned = StudentFiles.read(root);
        ExcludeList excludes = ExcludeList.read(root);
        Files.createDirectories(out.getParent());
        try (TempFolder staging = TempFolder.create(out.getParent(), "." + out.getFileName() + ".partial-")) {
            Path stage = staging.path();
            Copier.Copied copied = new Copier(root, owned, excludes, Set.of(out, stage)).copy(stage);
            if (copied.stripped().isEmpty()) {
                throw new HandoutException("no file matches [student] files " + owned.globs() + " in "
                        + StudentFiles.POLICY);
            }
            List<Path> kitFiles = KitFiles.write(root, stage, owned);
            List<String> dropped = PomModules.keepPresent(stage);
            summarise(copied, kitFiles, dropped);
            List<Check> checks = new SelfCheck(root, stage, copied, kitFiles, options.level(), report).run();
            boolean ok = checks.stream().allMatch(Check::ok);
            printChecks(checks);
            if (ok) {
                String commit = options.git() ? " (git commit " + GitRepo.init(stage) + ")" : "";
                moveIntoPlace(stage, out);
                report.println("kit written to " + out + commit);
            } else {
                report.println("a check failed: nothing written to " + out);
            }
            report.flush();
            return new Outcome(ok, checks);
        }
    }

    private static void requireRepository(Path root) throws HandoutException {
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isRegularFile(root.resolve(ExcludeList.FILE))) {
            throw new HandoutException(root + " is not a raftkit repository (no pom.xml or " + ExcludeList.FILE + ")");
        }
    }

    private static void requireFreeOutput(Path root, Path out) throws HandoutException, IOException {
        if (root.startsWith(out)) {
            throw new HandoutException("the output folder " + out + " would contain the repository itself");
        }
        if (Files.exists(out) && !isEmptyFolder(out)) {
            throw new HandoutException(out + " already exists and is not an empty folder; remove it or pick another");
        }
    }

    private static boolean isEmptyFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.findAny().isEmpty();
        }
    }

    private void summarise(Copier.Copied copied, List<Path> kitFiles, List<String> dropped) {
        int blocks = copied.stripped().stream().mapToInt(f -> f.result().blocks()).sum();
        List<String> names = new ArrayList<>();
        kitFiles.forEach(f -> names.add(HandoutException.display(f)));
        int owned = copied.stripped().size();
        report.printf("copied %d files, stripped %d solution blocks from %d student-owned file%s, added %s%n",
                copied.files().size(), blocks, owned, owned == 1 ? "" : "s", String.join(", ", names));
        if (!dropped.isEmpty()) {
            report.println("left out of the parent pom's modules: " + String.join(", ", dropped));
        }
        report.flush();
    }

    private void printChecks(List<Check> checks) {
        report.println("check report");
        for (Check check : checks) {
            report.println(check.line());
            check.evidence().forEach(line -> report.println("          " + line));
        }
    }

    private static void moveIntoPlace(Path stage, Path out) throws IOException {
        Permissions.set(stage, true);
        Files.deleteIfExists(out);
        try {
            Files.move(stage, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(stage, out);
        }
    }
}
