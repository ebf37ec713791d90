package io.learnstack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The figures as an aligned table, beside the previous run's. */
final class Report {

    private Report() {
    }

    static String table(Run run, Optional<Run> previous) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"figure", "value", "unit", "previous", "change"});
        for (Figure figure : run.figures()) {
            Optional<Figure> before = previous.flatMap(p -> p.figure(figure.name()));
            rows.add(new String[] {figure.name(), format(figure.value()), figure.unit(),
                    before.map(b -> format(b.value())).orElse("-"),
                    before.map(b -> change(b.value(), figure.value())).orElse("-")});
        }
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        table.append(previous.map(p -> "Compared with the " + p.mode() + " run of " + p.startedAt())
                .orElse("No earlier " + run.mode() + " run to compare with")).append('\n');
        for (String[] row : rows) {
            table.append(String.format("%-" + widths[0] + "s  %" + widths[1] + "s  %-" + widths[2] + "s  %"
                    + widths[3] + "s  %" + widths[4] + "s", (Object[]) row).stripTrailing()).append('\n');
        }
        return table.toString();
    }

    /** The relative change from {@code before} to {@code now}, e.g. {@code +12.5%}. */
    static String change(double before, double now) {
        if (before == 0 || Double.isNaN(before) || Double.isNaN(now)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%+.1f%%", (now - before) / before * 100);
    }

    /** Three significant figures at least, no exponent: 0.0123, 1.23, 123, 12345. */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100 || value == 0) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
