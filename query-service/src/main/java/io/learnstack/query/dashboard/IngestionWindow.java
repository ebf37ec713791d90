package io.learnstack.query.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Samples of the topic's total end offset over time, from which the recent ingestion rate follows: the
 * records appended between the oldest sample still inside the window and the newest, divided by the time
 * between them. Thread-safe.
 */
final class IngestionWindow {

    private final Duration span;
    private final Deque<Sample> samples = new ArrayDeque<>();

    IngestionWindow(Duration span) {
        this.span = span;
    }

    /** One reading of the topic: when, and the sum of every partition's end offset. */
    record Sample(Instant at, long totalEnd) {
    }

    synchronized void add(Sample sample) {
        Sample newest = samples.peekLast();
        if (newest != null) {
            // An end offset only goes back when the topic was recreated; the old samples then mean nothing.
            if (sample.totalEnd() < newest.totalEnd()) {
                samples.clear();
            } else if (!sample.at().isAfter(newest.at())) {
                return;
            }
        }
        samples.addLast(sample);
        // Keep one sample at or before the window's start, so a full window is measured from its edge.
        while (samples.size() > 2 && !second().at().isAfter(sample.at().minus(span))) {
            samples.removeFirst();
        }
    }

    private Sample second() {
        var iterator = samples.iterator();
        iterator.next();
        return iterator.next();
    }

    /** Records per second over the window ending at the newest sample; 0 until two samples exist. */
    synchronized double perSecond() {
        if (samples.size() < 2) {
            return 0;
        }
        Sample newest = samples.peekLast();
        Sample oldest = samples.peekFirst();
        Instant windowStart = newest.at().minus(span);
        double seconds;
        double records;
        if (oldest.at().isBefore(windowStart)) {
            // Only the share of the first interval that lies inside the window counts, at that interval's rate.
            Sample second = second();
            double interval = Duration.between(oldest.at(), second.at()).toNanos();
            double inside = Duration.between(windowStart, second.at()).toNanos();
            records = (second.totalEnd() - oldest.totalEnd()) * (inside / interval)
                    + (newest.totalEnd() - second.totalEnd());
            seconds = span.toNanos() / 1e9;
        } else {
            records = newest.totalEnd() - oldest.totalEnd();
            seconds = Duration.between(oldest.at(), newest.at()).toNanos() / 1e9;
        }
        return seconds <= 0 ? 0 : records / seconds;
    }

    /**
     * Records not yet consumed, summed over partitions. A partition the group has committed nothing on
     * counts whole, since the projector starts such a partition at its beginning.
     */
    static long lag(Map<Integer, Long> endOffsets, Map<Integer, Long> committedOffsets) {
        long behind = 0;
        for (Map.Entry<Integer, Long> end : endOffsets.entrySet()) {
            long committed = committedOffsets.getOrDefault(end.getKey(), 0L);
            behind += Math.max(0, end.getValue() - committed);
        }
        return behind;
    }
}
