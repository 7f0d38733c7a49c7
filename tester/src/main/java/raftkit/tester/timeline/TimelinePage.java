package raftkit.tester.timeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a test's timeline as one self-contained HTML page: the page's markup, style and script come from
 * {@code page.html} beside this class, and the recordings go in as JSON inside a {@code <script>} element, so the
 * page works offline with nothing else beside it. Peer marks beyond {@link #MAX_EVENT_BYTES} of data are dropped,
 * oldest first, and the page says how many.
 */
public final class TimelinePage {

    /**
     * Keeps a page under 4 MiB whatever the test did: under the 5 MB a page may take, and under the cap at which a
     * batch report cuts a copied log.
     */
    static final int MAX_EVENT_BYTES = 3_900_000;
    /** The element whose text is the page's data. */
    public static final String DATA_ID = "timeline-data";
    private static final String DATA_SLOT = "/*TIMELINE-DATA*/";
    private static final String TITLE_SLOT = "<!--TIMELINE-TITLE-->";
    private static final int STACK_FRAMES = 8;

    private TimelinePage() {
    }

    /** The page of test {@code testName}: its recordings (one per config), and its failure or null. */
    public static String render(String testName, List<Recording> runs, Throwable failure) {
        String template = template();
        String data = data(testName, runs, failure);
        return template.replace(TITLE_SLOT, escapeHtml(testName)).replace(DATA_SLOT, data);
    }

    static String data(String testName, List<Recording> runs, Throwable failure) {
        String message = failure == null ? null : String.valueOf(failure.getMessage());
        int peers = runs.stream().mapToInt(Recording::peers).max().orElse(0);
        StringBuilder out = new StringBuilder().append("{\"test\":").append(PageJson.string(testName))
                .append(",\"failure\":");
        if (failure == null) {
            out.append("null");
        } else {
            out.append("{\"message\":").append(PageJson.string(message)).append(",\"peers\":[");
            List<FailurePeers.Named> named = FailurePeers.in(message, peers);
            for (int i = 0; i < named.size(); i++) {
                FailurePeers.Named n = named.get(i);
                out.append(i == 0 ? "" : ",").append("{\"peer\":").append(n.peer()).append(",\"stuck\":")
                        .append(n.stuck()).append(",\"line\":").append(PageJson.string(n.line())).append('}');
            }
            out.append("],\"where\":").append(PageJson.string(where(failure))).append('}');
        }
        out.append(",\"runs\":[");
        int budget = MAX_EVENT_BYTES / Math.max(1, runs.size());
        for (int r = 0; r < runs.size(); r++) {
            out.append(r == 0 ? "" : ",");
            run(out, runs.get(r), budget);
        }
        return out.append("]}").toString();
    }

    private static void run(StringBuilder out, Recording run, int budget) {
        List<Boolean> isMark = new ArrayList<>();
        long size = 0;
        List<String> encoded = new ArrayList<>(run.events().size());
        for (Event e : run.events()) {
            String json = PageJson.event(e);
            encoded.add(json);
            isMark.add(isMark(e.kind()));
            size += json.length() + 1;
        }
        // over budget: drop the oldest peer marks until it fits; the tester's story is always kept
        long cut = 0;
        for (int i = 0; i < encoded.size() && size > budget; i++) {
            if (isMark.get(i)) {
                size -= encoded.get(i).length() + 1;
                encoded.set(i, null);
                cut++;
            }
        }
        out.append("{\"title\":").append(PageJson.string(run.title())).append(",\"peers\":").append(run.peers())
                .append(",\"start\":").append(run.startMillis()).append(",\"droppedStory\":")
                .append(run.droppedStory()).append(",\"droppedMarks\":").append(run.droppedMarks() + cut)
                .append(",\"events\":[");
        boolean first = true;
        for (String json : encoded) {
            if (json != null) {
                out.append(first ? "" : ",\n").append(json);
                first = false;
            }
        }
        out.append("]}");
    }

    private static boolean isMark(Kind kind) {
        return kind == Kind.APPLY || kind == Kind.SNAPSHOT_APPLIED || kind == Kind.DEBUG;
    }

    /** Where the failing thread was: the first frames in the kit's and the student's code. */
    private static String where(Throwable failure) {
        StringBuilder out = new StringBuilder();
        int kept = 0;
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().startsWith("raftkit.") && kept < STACK_FRAMES) {
                out.append(kept == 0 ? "" : "\n").append("at ").append(frame);
                kept++;
            }
        }
        return out.toString();
    }

    private static String template() {
        try (InputStream in = TimelinePage.class.getResourceAsStream("page.html")) {
            if (in == null) {
                throw new IllegalStateException("page.html is missing beside " + TimelinePage.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
