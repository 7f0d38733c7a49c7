package raftkit.tester;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * A class-data-sharing archive of the JDK's start-up classes and every class in a test JVM's jars (JUnit, Kryo),
 * so that test JVMs map those classes ready-parsed instead of loading and verifying them each time. Built once per
 * set of jars and JDK, by the process that starts the test JVMs (never inside a sandbox, which only reads it), in
 * a folder of the kit's build output. JDK 17 cannot archive classes from a folder on the class path, so only the
 * jars are archived and the test JVM gets them first on its class path; the kit's own classes, which change with
 * every edit, load as usual from their folders.
 */
final class ClassArchive {

    private static final long DUMP_LIMIT_SECONDS = 300;
    /** Archives already built or found by this process, and null where building one failed. */
    private static final Map<Path, Optional<Path>> KNOWN = new ConcurrentHashMap<>();

    private ClassArchive() {
    }

    /**
     * The archive of {@code jars} for this JDK in {@code dir}, built now if it is not there; empty if it cannot
     * be built (the test JVMs then run without it).
     */
    static Optional<Path> of(List<Path> jars, Path dir) {
        if (jars.isEmpty()) {
            return Optional.empty();
        }
        Path archive = dir.resolve("classes-" + key(jars) + ".jsa");
        return KNOWN.computeIfAbsent(archive, a -> Files.isReadable(a) ? Optional.of(a) : build(jars, a));
    }

    /** Names the JDK and each jar's path, size and time, which the JVM checks before it uses an archive. */
    private static String key(List<Path> jars) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            StringBuilder text = new StringBuilder(System.getProperty("java.home"))
                    .append('\n').append(System.getProperty("java.vm.version"));
            for (Path jar : jars) {
                text.append('\n').append(jar.toAbsolutePath()).append(' ').append(Files.size(jar)).append(' ')
                        .append(Files.getLastModifiedTime(jar).toMillis());
            }
            return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (IOException e) {
            return "unreadable";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Optional<Path> build(List<Path> jars, Path archive) {
        try {
            Files.createDirectories(archive.getParent());
            Path list = Files.createTempFile(archive.getParent(), "classes-", ".classlist");
            Path partial = Files.createTempFile(archive.getParent(), "classes-", ".jsa.partial");
            Path log = archive.resolveSibling(archive.getFileName() + ".log");
            try {
                Files.write(list, classList(jars), StandardCharsets.UTF_8);
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                List<String> command = new ArrayList<>(List.of(java, "-Xshare:dump",
                        "-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + partial,
                        "-cp", TestJvmOptions.joined(jars)));
                Process dump = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
                if (!dump.waitFor(DUMP_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                    dump.destroyForcibly();
                    return Optional.empty();
                }
                if (dump.exitValue() != 0 || Files.size(partial) == 0) {
                    return Optional.empty(); // the log says why; the tests run as fast without it, only dearer
                }
                // Atomic, so a test JVM started by another process never maps half an archive.
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                removeOthers(archive);
                return Optional.of(archive);
            } finally {
                Files.deleteIfExists(list);
                Files.deleteIfExists(partial);
            }
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Archives of jars since rebuilt are tens of megabytes each; only the newest is kept. */
    private static void removeOthers(Path archive) throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(archive.getParent(), "classes-*.jsa")) {
            for (Path other : old) {
                if (!other.equals(archive)) {
                    Files.deleteIfExists(other);
                    Files.deleteIfExists(other.resolveSibling(other.getFileName() + ".log"));
                }
            }
        }
    }

    /** The JDK's own start-up class list, then every class of the jars (one that cannot load is skipped). */
    private static List<String> classList(List<Path> jars) throws IOException {
        List<String> names = new ArrayList<>();
        Path jdkList = Path.of(System.getProperty("java.home"), "lib", "classlist");
        if (Files.isReadable(jdkList)) {
            names.addAll(Files.readAllLines(jdkList, StandardCharsets.UTF_8));
        }
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                file.stream().map(ZipEntry::getName)
                        .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class"))
                        .map(n -> n.substring(0, n.length() - ".class".length()))
                        .forEach(names::add);
            }
        }
        return names;
    }
}
