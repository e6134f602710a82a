package io.socialcare.feedback.rest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.socialcare.feedback.Theme;

/**
 * Themes as RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a comma, a quote or a line
 * break, quotes doubled. Text cells that a spreadsheet would read as a formula (starting with =, +, -, @) get a
 * leading apostrophe, since titles come from public posts.
 */
final class ThemeCsv {

    static final String HEADER = "id,brand,title,keywords,product,status,mentions,customers,sentiment,channels,"
            + "firstSeenAt,lastSeenAt";

    private ThemeCsv() {
    }

    static String write(List<Theme> themes, int keywords) {
        StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
        for (Theme t : themes) {
            StringBuilder channels = new StringBuilder();
            for (Map.Entry<String, Integer> e : new TreeMap<>(t.channels()).entrySet()) {
                if (!channels.isEmpty()) {
                    channels.append(' ');
                }
                channels.append(e.getKey()).append(':').append(e.getValue());
            }
            sb.append(String.join(",",
                    field(t.id()),
                    text(t.brand()),
                    text(t.title()),
                    text(String.join(" ", t.keywords(keywords))),
                    text(t.product()),
                    field(t.status()),
                    Integer.toString(t.mentions()),
                    Integer.toString(t.customers()),
                    Double.toString(t.sentiment()),
                    field(channels.toString()),
                    field(t.firstSeenAt() == null ? "" : t.firstSeenAt().toString()),
                    field(t.lastSeenAt() == null ? "" : t.lastSeenAt().toString())))
                    .append("\r\n");
        }
        return sb.toString();
    }

    /** A text cell, defused against formula injection. */
    static String text(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return field("'" + value);
        }
        return field(value);
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\r") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
