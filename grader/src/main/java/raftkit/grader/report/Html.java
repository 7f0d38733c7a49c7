package raftkit.grader.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Escaping for the HTML reports: every student-controlled string goes through here. */
final class Html {

    private Html() {
    }

    static String text(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (char c : raw.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** One path segment of a relative link. */
    static String link(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The shared page head: title and the small style sheet of both pages. */
    static String head(String title) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%s</title>
                <style>
                body { font-family: system-ui, sans-serif; margin: 1.5em; color: #222; }
                table { border-collapse: collapse; font-size: 13px; }
                th, td { border: 1px solid #ccc; padding: 3px 6px; text-align: left; vertical-align: top; }
                th { background: #f0f0f0; cursor: pointer; user-select: none; }
                th.test { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; }
                th.sorted-asc::after { content: " \\25B2"; } th.sorted-desc::after { content: " \\25BC"; }
                td.pass { background: #c8f0c8; } td.fail { background: #f6c1c1; } td.none { background: #e8e8e8; }
                td.num { text-align: right; font-variant-numeric: tabular-nums; }
                td.notes { max-width: 28em; font-size: 12px; }
                pre { background: #f7f7f7; padding: .4em .6em; margin: 0; white-space: pre-wrap; max-width: 90em; }
                .meta { color: #555; }
                </style></head><body>
                """.formatted(text(title));
    }
}
