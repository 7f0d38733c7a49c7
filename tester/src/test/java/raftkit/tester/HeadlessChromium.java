package raftkit.tester;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium}, run headless on a local page with a fresh profile and no network of its own, for the
 * tests that check a timeline page really loads. Found at {@code -Draftkit.chromium=PATH} or on the PATH.
 */
final class HeadlessChromium {

    private static final long TIMEOUT_SECONDS = 90;

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** The browser, if one is installed. */
    static Optional<HeadlessChromium> find() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("raftkit.chromium");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "chromium"));
                candidates.add(Path.of(dir, "chromium-browser"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().map(HeadlessChromium::new);
    }

    /** The page's DOM after its scripts ran. */
    String dumpDom(Path page, Path scratch) throws IOException, InterruptedException {
        return run(page, scratch, "--dump-dom");
    }

    /** Saves a screenshot of the page at {@code width} x {@code height}. */
    void screenshot(Path page, Path png, int width, int height, Path scratch) throws IOException, InterruptedException {
        run(page, scratch, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height);
    }

    private String run(Path page, Path scratch, String... mode) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(scratch, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(mode));
        command.add(page.toUri().toString());
        Path out = scratch.resolve("chromium-out.txt");
        Path err = scratch.resolve("chromium-err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IOException("chromium did not finish within " + TIMEOUT_SECONDS + " s");
        }
        String dom = Files.readString(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("chromium exited with " + p.exitValue() + ": " + Files.readString(err));
        }
        return dom;
    }
}
