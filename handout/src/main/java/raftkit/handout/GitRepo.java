package raftkit.handout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes the kit a Git repository with one commit, for courses that hand it out through a Git server. Author, committer,
 * date and message are fixed and local configuration is overridden, so the same kit always gives the same commit id.
 */
final class GitRepo {

    static final String MESSAGE = "Raft lab starter kit";
    private static final String WHO = "raftkit handout";
    private static final String EMAIL = "handout@raftkit.invalid";
    private static final String DATE = "2000-01-01T00:00:00+0000";

    private GitRepo() {
    }

    /** Initialises {@code dir} on branch main and commits everything in it; returns the commit id. */
    static String init(Path dir) throws HandoutException, IOException, InterruptedException {
        git(dir, "init", "-q");
        git(dir, "symbolic-ref", "HEAD", "refs/heads/main");
        git(dir, "add", "-A");
        git(dir, "commit", "-q", "--no-verify", "-m", MESSAGE);
        return git(dir, "rev-parse", "HEAD").strip();
    }

    private static String git(Path dir, String... args) throws HandoutException, IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git",
                "-c", "core.autocrlf=false", "-c", "core.fileMode=true", "-c", "commit.gpgsign=false",
                "-c", "core.hooksPath=/dev/null", "-c", "user.name=" + WHO, "-c", "user.email=" + EMAIL));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("GIT_AUTHOR_NAME", WHO);
        env.put("GIT_AUTHOR_EMAIL", EMAIL);
        env.put("GIT_AUTHOR_DATE", DATE);
        env.put("GIT_COMMITTER_NAME", WHO);
        env.put("GIT_COMMITTER_EMAIL", EMAIL);
        env.put("GIT_COMMITTER_DATE", DATE);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new HandoutException("--git needs git on the PATH: " + e.getMessage(), e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new HandoutException("git " + String.join(" ", args) + " failed: " + output.strip());
        }
        return output;
    }
}
