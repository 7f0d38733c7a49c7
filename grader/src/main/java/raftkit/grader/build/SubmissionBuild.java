package raftkit.grader.build;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import raftkit.grader.engine.Kit;

/**
 * Turns a hand-in (a folder or a zip) into compiled classes, the one way both {@code grade --submission} and
 * {@code batch} do it: extract the zip safely, overlay the student-owned files onto the pristine kit, compile.
 * A problem with the hand-in is an outcome with notes, never an exception.
 */
public final class SubmissionBuild {

    /** How far the build got. */
    public enum Outcome {
        /** The archive was refused as a whole (unreadable, too large, too many entries). */
        REFUSED,
        /** No student-owned file was found in the hand-in. */
        NO_FILES,
        /** The overlaid kit did not compile. */
        NOT_COMPILED,
        /** Compiled: {@link Result#classes()} holds the classes. */
        COMPILED
    }

    /**
     * @param outcome    how far the build got
     * @param classes    the compiled classes (the student's and the kit's student source roots); null unless
     *                   compiled
     * @param firstLines the compiler's first lines when it did not compile, else empty
     * @param notes      lines for the student and the report, in the order they arose: skipped zip entries, an
     *                   inner zip, kit files that differed, duplicate copies, nothing found, why an archive was
     *                   refused
     */
    public record Result(Outcome outcome, Path classes, String firstLines, List<String> notes) {

        public Result {
            notes = List.copyOf(notes);
        }
    }

    private final Overlay overlay;
    private final SafeUnzip unzip;
    private final SourceCompiler compiler;

    public SubmissionBuild(PristineKit kit, SafeUnzip unzip, SourceCompiler compiler) {
        this.overlay = new Overlay(kit);
        this.unzip = unzip;
        this.compiler = compiler;
    }

    /** The build for this kit with its student-owned files and the default archive limits. */
    public static SubmissionBuild forKit(Kit kit, List<String> studentGlobs) throws IOException {
        return new SubmissionBuild(PristineKit.index(new KitLayout(kit.root(), studentGlobs)),
                new SafeUnzip(SafeUnzip.DEFAULT_MAX_BYTES, SafeUnzip.DEFAULT_MAX_ENTRIES),
                new SourceCompiler(compileClasspath(kit)));
    }

    /** What student code compiles against: the kit's dependencies without the raft module's own output. */
    public static List<Path> compileClasspath(Kit kit) throws IOException {
        Path raft = kit.raftOutput().toAbsolutePath().normalize();
        return kit.dependencies().stream().filter(p -> !p.toAbsolutePath().normalize().startsWith(raft)).toList();
    }

    /**
     * Builds {@code source} in {@code scratch}, emptied first: the extracted zip goes to {@code submission/},
     * the overlaid kit to {@code kit/}, the classes to {@code classes/} and the compiler's output to
     * {@code compile.log}.
     *
     * @param zip whether {@code source} is a zip file rather than a folder
     */
    public Result build(Path source, boolean zip, Path scratch) throws IOException {
        Scratch.fresh(scratch);
        List<String> notes = new ArrayList<>();
        Path tree;
        try {
            tree = zip ? unpack(source, scratch, notes) : source;
        } catch (SafeUnzip.RefusedArchiveException e) {
            notes.add(e.getMessage());
            return new Result(Outcome.REFUSED, null, "", notes);
        }
        Path kitDir = scratch.resolve("kit");
        Overlay.Result overlaid = overlay.apply(tree, kitDir);
        notes.addAll(overlaid.notes());
        if (overlaid.taken().isEmpty()) {
            return new Result(Outcome.NO_FILES, null, "", notes);
        }
        SourceCompiler.Result compiled = compiler.compile(scratch, kitDir,
                overlay.kit().layout().studentSourceRoots());
        if (!compiled.ok()) {
            return new Result(Outcome.NOT_COMPILED, null, compiled.firstLines(), notes);
        }
        return new Result(Outcome.COMPILED, compiled.classes(), "", notes);
    }

    /** Extracts the zip; a zip holding just one zip and no sources (zipped twice) is extracted again. */
    private Path unpack(Path zip, Path scratch, List<String> notes) throws IOException {
        Path tree = scratch.resolve("submission");
        notes.addAll(unzip.extract(zip, tree));
        List<String> files = Overlay.regularFiles(tree);
        List<String> zips = files.stream().filter(f -> f.toLowerCase(Locale.ROOT).endsWith(".zip")).toList();
        if (files.stream().noneMatch(f -> f.endsWith(".java")) && zips.size() == 1) {
            notes.add("the archive holds one zip, " + zips.get(0) + "; it was extracted too");
            Path inner = scratch.resolve("submission-inner");
            notes.addAll(unzip.extract(tree.resolve(zips.get(0)), inner));
            return inner;
        }
        return tree;
    }
}
