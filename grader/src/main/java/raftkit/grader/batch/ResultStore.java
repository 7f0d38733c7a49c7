package raftkit.grader.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The per-submission results in the report folder: {@code <name>/result.json}, written atomically when a
 * submission is done. A submission with this file is finished; a re-run skips it unless told otherwise.
 */
public final class ResultStore {

    static final String RESULT_FILE = "result.json";

    private final Path reportDir;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
        AtomicFiles.write(folderOf(result.name()).resolve(RESULT_FILE), json.writeValueAsBytes(result));
    }

    /** The stored result, or empty when the submission has not finished (or its file is unreadable). */
    public Optional<SubmissionResult> load(String name) {
        Path file = folderOf(name).resolve(RESULT_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.toFile(), SubmissionResult.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public boolean isFinished(String name) {
        return load(name).isPresent();
    }
}
