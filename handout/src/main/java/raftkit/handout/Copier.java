package raftkit.handout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Copies the repository into the kit: every file not on the exclude list, student-owned files with their solution
 * blocks stripped, everything else byte for byte after checking it holds no solution marker. Folders are walked in
 * name order so two builds of the same commit write the same files in the same way.
 */
public final class Copier {

    /** A student-owned file and what stripping it removed. */
    public record StrippedFile(Path relative, Stripper.Result result) {
    }

    /** What was copied: every file written (relative to the kit root, in walk order) and the stripped ones. */
    public record Copied(List<Path> files, List<StrippedFile> stripped) {
    }

    private final Path root;
    private final StudentFiles owned;
    private final ExcludeList excludes;
    private final Set<Path> skip;

    /**
     * @param skip absolute paths never entered, such as the output folder when it lies inside the repository
     */
    public Copier(Path root, StudentFiles owned, ExcludeList excludes, Set<Path> skip) {
        this.root = root.toAbsolutePath().normalize();
        this.owned = owned;
        this.excludes = excludes;
        this.skip = Set.copyOf(skip.stream().map(p -> p.toAbsolutePath().normalize()).toList());
    }

    /** Copies into {@code dest}, which must exist and be empty. */
    public Copied copy(Path dest) throws HandoutException, IOException {
        List<Path> files = new ArrayList<>();
        List<StrippedFile> stripped = new ArrayList<>();
        walk(root, dest, files, stripped);
        return new Copied(List.copyOf(files), List.copyOf(stripped));
    }

    private void walk(Path dir, Path dest, List<Path> files, List<StrippedFile> stripped)
            throws HandoutException, IOException {
        for (Path source : sortedChildren(dir)) {
            Path relative = root.relativize(source);
            boolean folder = Files.isDirectory(source);
            if (skip.contains(source) || excludes.excludes(relative, folder)) {
                continue;
            }
            Path target = dest.resolve(relative.toString());
            if (folder) {
                walk(source, dest, files, stripped);
            } else {
                Files.createDirectories(target.getParent());
                copyFile(source, relative, target).ifPresent(stripped::add);
                Permissions.copyExecutable(source, target);
                files.add(relative);
            }
        }
    }

    private Optional<StrippedFile> copyFile(Path source, Path relative, Path target)
            throws HandoutException, IOException {
        String name = HandoutException.display(relative);
        byte[] bytes = Files.readAllBytes(source);
        Optional<String> text = utf8(bytes);
        if (owned.owns(relative)) {
            if (text.isEmpty()) {
                throw new HandoutException(name + ": a student-owned file must be UTF-8 text");
            }
            Stripper.Result result = Stripper.strip(name, text.get());
            Files.writeString(target, result.text(), StandardCharsets.UTF_8);
            return Optional.of(new StrippedFile(relative, result));
        }
        if (text.isPresent()) {
            Stripper.requireNoMarkers(name, text.get());
        }
        Files.write(target, bytes);
        return Optional.empty();
    }

    static List<Path> sortedChildren(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
    }

    /** The text of a file, or empty when it is not valid UTF-8 (a binary file, which cannot hold markers). */
    static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
