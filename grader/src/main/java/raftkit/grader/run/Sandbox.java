package raftkit.grader.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Wraps a submission's test JVMs in bubblewrap where it is available: no network, the
 * submissions, the report and the reference sources hidden (see {@link #hiding}), the rest of the file system
 * read-only except the submission's scratch folder (even {@code /tmp}, where a kit or a
 * report may live: test JVMs get a temporary folder inside their scratch folder instead), a process namespace
 * of its own (every process in it dies with it), and {@code --die-with-parent} so nothing outlives the grader.
 *
 * <p>With isolated peers (the default) it wraps only the peer host, where the student's code runs, and the tester's
 * JVM, which writes the results, stays outside it. With in-process peers it wraps the whole test JVM, and what it
 * does not prevent is code in that JVM calling the test listener or writing a forged results file into its own
 * scratch folder; the engine limits that by trusting a results file only when the child's exit status agrees with
 * it and every expected test is in it. It never bounds CPU or memory beyond what the caps allow, and the machine's
 * other folders stay readable.
 */
public final class Sandbox {

    /** The environment variable that marks every process a submission's runs start. */
    public static final String TAG_VARIABLE = "RAFTKIT_BATCH_TAG";

    private static final String BWRAP = "bwrap";
    private static final String ENV = "/usr/bin/env";

    private final Optional<Path> bwrap;
    private final String description;
    private final List<Path> hidden;

    private Sandbox(Optional<Path> bwrap, String description, List<Path> hidden) {
        this.bwrap = bwrap;
        this.description = description;
        this.hidden = List.copyOf(hidden);
    }

    private Sandbox(Optional<Path> bwrap, String description) {
        this(bwrap, description, List.of());
    }

    /**
     * The same sandbox with {@code folders} hidden behind empty ones: the submissions, the report (a
     * submission's own scratch folder stays visible) and the kit's reference sources, so a submission can
     * neither read another student's work nor the model answer.
     */
    public Sandbox hiding(List<Path> folders) {
        List<Path> all = new ArrayList<>(hidden);
        folders.stream().map(f -> f.toAbsolutePath().normalize()).filter(Files::isDirectory).forEach(all::add);
        return new Sandbox(bwrap, description, all);
    }

    /** No sandbox, with the reason shown once in the report. */
    public static Sandbox none(String reason) {
        return new Sandbox(Optional.empty(), "unsandboxed: " + reason);
    }

    /** bubblewrap if it is installed and can create namespaces here, else none with the reason. */
    public static Sandbox detect() {
        Optional<Path> found = onPath(BWRAP);
        if (found.isEmpty()) {
            return none("bwrap (package bubblewrap) is not installed");
        }
        Sandbox candidate = new Sandbox(found, "sandboxed with bwrap: no network, other submissions and the "
                + "report hidden, read-only file system except the submission's scratch folder, own process namespace");
        if (!candidate.works()) {
            return none("bwrap is installed but cannot create namespaces on this machine");
        }
        return candidate;
    }

    public boolean isActive() {
        return bwrap.isPresent();
    }

    /** One line for the report header. */
    public String description() {
        return description;
    }

    /**
     * {@code command} to run with {@code writable} (the submission's scratch folder) as its working folder, and
     * {@code tag} in the environment {@link #TAG_VARIABLE} of every process it starts, so processes it leaves
     * behind can be found (see {@link Leftovers}).
     */
    public List<String> wrap(List<String> command, Path writable, String tag) {
        return wrap(command, writable, List.of(), tag);
    }

    /**
     * As above, with {@code readable} folders (e.g. the student's compiled classes, inside a hidden folder) visible,
     * read-only.
     */
    public List<String> wrap(List<String> command, Path writable, List<Path> readable, String tag) {
        if (bwrap.isEmpty()) {
            // A session of its own, as bwrap gives: Ctrl-C reaches the grader, which stops its children itself.
            List<String> tagged = new ArrayList<>();
            onPath("setsid").ifPresent(setsid -> tagged.add(setsid.toString()));
            tagged.addAll(List.of(ENV, TAG_VARIABLE + "=" + tag));
            tagged.addAll(command);
            return tagged;
        }
        String dir = writable.toAbsolutePath().normalize().toString();
        List<String> wrapped = new ArrayList<>(List.of(bwrap.get().toString(),
                "--die-with-parent", "--unshare-all", "--new-session",
                "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"));
        hidden.forEach(h -> wrapped.addAll(List.of("--tmpfs", h.toString())));
        wrapped.addAll(List.of("--bind", dir, dir));
        for (Path folder : readable) {
            String path = folder.toAbsolutePath().normalize().toString();
            wrapped.addAll(List.of("--ro-bind", path, path));
        }
        // Read-only once the scratch folder's mount point exists inside them.
        hidden.forEach(h -> wrapped.addAll(List.of("--remount-ro", h.toString())));
        wrapped.addAll(List.of("--chdir", dir, "--setenv", TAG_VARIABLE, tag, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private boolean works() {
        try {
            Path probe = Files.createTempDirectory("raftkit-sandbox-probe");
            try {
                Process p = new ProcessBuilder(wrap(List.of("true"), probe, "probe"))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
