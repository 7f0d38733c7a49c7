package raftkit.grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import raftkit.grader.build.AtomicFiles;
import raftkit.grader.score.SubmissionResult;

/**
 * The per-submission results in the report folder: {@code <name>/result.json}, written atomically when a
 * submission is done. A submission with this file is finished; a re-run skips it unless told otherwise.
 * {@code grade} writes the same file into its output folder, for tools that read what the grader found.
 */
public final class ResultStore {

    /** A submission's stored result, in its folder. */
    public static final String RESULT_FILE = "result.json";

    private final Path reportDir;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ResultStore(Path reportDir) {
        this.reportDir = reportDir;
    }

    public Path reportDir() {
        return reportDir;
    }

    /** The submission's own report folder (logs, notes page, Gradescope results). */
    public Path folderOf(String name) {
        return reportDir.resolve(name);
    }

    public void save(SubmissionResult result) throws IOException {
        write(result, folderOf(result.name()).resolve(RESULT_FILE));
    }

    /** Writes {@code result} as JSON to {@code file}, atomically. */
    public static void write(SubmissionResult result, Path file) throws IOException {
        AtomicFiles.write(file, JSON.writeValueAsBytes(result));
    }

    /** The stored result, or empty when the submission has not finished (or its file is unreadable). */
    public Optional<SubmissionResult> load(String name) {
        Path file = folderOf(name).resolve(RESULT_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), SubmissionResult.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public boolean isFinished(String name) {
        return load(name).isPresent();
    }
}
