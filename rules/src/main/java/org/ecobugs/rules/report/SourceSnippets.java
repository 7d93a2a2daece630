package org.ecobugs.rules.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecobugs.rules.Finding;

/**
 * The lines of one source file as the HTML report shows them around a finding: the reported lines with the construct
 * marked, a little context, line numbers. The report must come out whatever the file holds, so what is read and shown
 * is capped: a generated or hostile file cannot make the page huge, and text that would not display as itself (control
 * characters, bidirectional overrides that reorder a line on screen) is replaced.
 */
final class SourceSnippets {

    /** Larger files are generated or not source at all; their findings are shown without code. */
    static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

    static final int MAX_LINE_CHARS = 240;
    static final int CONTEXT_LINES = 2;
    static final int MAX_REPORTED_LINES = 8;

    /** How much of a long line is kept before the reported construct, so that it is seen where it starts. */
    private static final int LEAD_BEFORE_CONSTRUCT = 40;

    private static final String ELLIPSIS = "…";
    private static final char REPLACEMENT = '\uFFFD';

    private final List<String> lines;

    private SourceSnippets(List<String> lines) {
        this.lines = lines;
    }

    /**
     * The lines of a finding's file, read once for all of its findings; a relative path is read from the base
     * directory, and only there. A file that cannot be read (a class file's source that is not there, a file too large or gone) gives
     * empty snippets.
     */
    static SourceSnippets of(Path file, Path baseDir) {
        Path resolved = baseDir.resolve(file).normalize();
        if (!file.isAbsolute() && !resolved.startsWith(baseDir)) {
            // A class file names its source itself: a name that climbs out of the project would show any file's lines.
            return new SourceSnippets(List.of());
        }
        return new SourceSnippets(read(resolved));
    }

    private static List<String> read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return List.of();
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                // Read one byte past the cap rather than trusting the size, which may change under us.
                bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            }
            if (bytes.length > MAX_FILE_BYTES) {
                return List.of();
            }
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return List.of(text.split("\r\n|\r|\n", -1));
        } catch (IOException | RuntimeException e) {
            // A file that went away or cannot be read only costs its snippets, never the report.
            return List.of();
        }
    }

    /** The snippet of a finding as a {@code <pre>} element, or an empty string when its lines are not in the file. */
    String html(Finding finding) {
        int first = finding.line();
        int last = Math.max(first, finding.endLine());
        if (first > lines.size()) {
            return "";
        }
        last = Math.min(last, lines.size());
        int shownLast = Math.min(last, first + MAX_REPORTED_LINES - 1);
        StringBuilder html = new StringBuilder("<pre class=\"snippet\"><code>");
        for (int n = Math.max(1, first - CONTEXT_LINES); n < first; n++) {
            appendLine(html, n, lines.get(n - 1), -1, -1);
        }
        for (int n = first; n <= shownLast; n++) {
            String line = lines.get(n - 1);
            int start = n == first && finding.hasColumn() ? finding.column() - 1 : firstNonBlank(line);
            int end = n == last && finding.hasEnd() && finding.endLine() == n ? finding.endColumn() : line.length();
            if (start >= line.length() || end <= start) {
                // A position the line does not hold (the file changed since the analysis): mark the whole line.
                start = firstNonBlank(line);
                end = line.length();
            }
            appendLine(html, n, line, start, end);
        }
        if (shownLast < last) {
            html.append("<span class=\"ln\">")
                    .append(ELLIPSIS)
                    .append("</span><span class=\"elided\">")
                    .append(last - shownLast)
                    .append(last - shownLast == 1 ? " more reported line" : " more reported lines")
                    .append("</span>\n");
        } else {
            for (int n = last + 1; n <= Math.min(lines.size(), last + CONTEXT_LINES); n++) {
                appendLine(html, n, lines.get(n - 1), -1, -1);
            }
        }
        trimFinalNewline(html);
        return html.append("</code></pre>\n").toString();
    }

    /** One line, with its characters {@code [markStart, markEnd)} marked when {@code markStart} is not negative. */
    private static void appendLine(StringBuilder html, int number, String line, int markStart, int markEnd) {
        boolean reported = markStart >= 0;
        html.append(reported ? "<span class=\"ln reported\">" : "<span class=\"ln\">")
                .append(number)
                .append("</span>");
        int from = 0;
        int to = line.length();
        if (line.length() > MAX_LINE_CHARS) {
            int anchor = reported ? Math.max(0, markStart - LEAD_BEFORE_CONSTRUCT) : 0;
            from = Math.min(anchor, line.length() - MAX_LINE_CHARS);
            to = from + MAX_LINE_CHARS;
        }
        html.append(from > 0 ? ELLIPSIS : "");
        if (reported && markEnd > from && markStart < to) {
            int start = Math.max(markStart, from);
            int end = Math.min(markEnd, to);
            html.append(visible(line.substring(from, start)))
                    .append("<mark>")
                    .append(visible(line.substring(start, end)))
                    .append("</mark>")
                    .append(visible(line.substring(end, to)));
        } else {
            html.append(visible(line.substring(from, to)));
        }
        html.append(to < line.length() ? ELLIPSIS : "").append('\n');
    }

    /** Escaped, with the characters that would not show as themselves replaced (tabs are kept: CSS sizes them). */
    static String visible(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t') || (c >= 0x7F && c < 0xA0);
            boolean reordering = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
            shown.append(control || reordering ? REPLACEMENT : c);
        }
        return HtmlReport.escape(shown.toString());
    }

    private static int firstNonBlank(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i == line.length() ? 0 : i;
    }

    private static void trimFinalNewline(StringBuilder html) {
        if (html.charAt(html.length() - 1) == '\n') {
            html.setLength(html.length() - 1);
        }
    }
}
