package io.learnstack.bench;

import java.util.ArrayList;
import java.util.List;

/** Latencies collected from several threads, in milliseconds. */
final class Samples {

    private final List<Double> millis = new ArrayList<>();

    synchronized void addNanos(long nanos) {
        millis.add(Percentiles.millis(nanos));
    }

    synchronized int size() {
        return millis.size();
    }

    /** Adds {@code <prefix>.p50} and {@code <prefix>.p99} in ms; nothing when there are no samples. */
    synchronized void addTo(List<Figure> figures, String prefix) {
        if (millis.isEmpty()) {
            return;
        }
        double[] values = millis.stream().mapToDouble(Double::doubleValue).toArray();
        figures.add(new Figure(prefix + ".p50", Percentiles.percentile(values, 50), "ms"));
        figures.add(new Figure(prefix + ".p99", Percentiles.percentile(values, 99), "ms"));
    }
}
