package raftkit.tester.timeline;

/** The few JSON pieces the page's data needs, safe to embed in a {@code <script>} element. */
final class PageJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PageJson() {
    }

    /**
     * {@code text} as a JSON string. {@code <}, {@code >} and {@code &} are escaped so no tag can close early, and
     * everything past ASCII too, so a page's size in bytes is its length in characters.
     */
    static String string(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e || c == '<' || c == '>' || c == '&') {
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[c >> 8 & 15]).append(HEX[c >> 4 & 15])
                                .append(HEX[c & 15]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** One event: {@code [tenths of ms, peer, kind, value, text]}, plus the topic tag for a debug line. */
    static String event(Event e) {
        StringBuilder out = new StringBuilder(48).append('[').append(e.nanos() / 100_000).append(',')
                .append(e.peer()).append(',').append('"').append(e.kind().code()).append('"').append(',')
                .append(e.value()).append(',').append(string(e.text() == null ? null : e.render()));
        if (e.topic() != null) {
            out.append(',').append(string(e.topic().tag()));
        }
        return out.append(']').toString();
    }
}
