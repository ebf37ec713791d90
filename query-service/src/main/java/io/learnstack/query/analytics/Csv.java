package io.learnstack.query.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Tables as RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a comma, quote or
 * line break. Text that a spreadsheet would take for a formula is prefixed with an apostrophe.
 */
final class Csv {

    private Csv() {
    }

    static String of(List<String> columns, List<Map<String, Object>> rows) {
        StringBuilder csv = new StringBuilder();
        line(csv, columns.stream().map(c -> (Object) c).toList());
        for (Map<String, Object> row : rows) {
            line(csv, columns.stream().map(row::get).toList());
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(values.get(i)));
        }
        csv.append("\r\n");
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value instanceof List<?> list ? String.join(" > ", list.stream().map(String::valueOf).toList())
                : value instanceof Instant instant ? instant.toString() : value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
