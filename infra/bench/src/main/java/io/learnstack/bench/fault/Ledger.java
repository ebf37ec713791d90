package io.learnstack.bench.fault;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the writers were told: every statement id the system acknowledged, with the phase it was
 * acknowledged in and its verb, and the retries each phase took.
 */
final class Ledger {

    private final Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> retries = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> ackedWhileDown = new ConcurrentHashMap<>();
    private volatile String phase = "steady";
    private volatile String down;

    /** An acknowledged statement. */
    record Acknowledged(String id, String verb, String phase) {
    }

    String phase() {
        return phase;
    }

    void phase(String phase) {
        this.phase = phase;
    }

    /** Marks a part as down (null: none), so acknowledgments meanwhile are counted for it. */
    void down(String part) {
        this.down = part;
    }

    void acknowledge(List<String[]> idsAndVerbs) {
        String current = phase;
        String partDown = down;
        for (String[] statement : idsAndVerbs) {
            acknowledged.putIfAbsent(statement[0], new Acknowledged(statement[0], statement[1], current));
        }
        if (partDown != null) {
            ackedWhileDown.computeIfAbsent(partDown, p -> new AtomicLong()).addAndGet(idsAndVerbs.size());
        }
    }

    void retried() {
        retries.computeIfAbsent(phase, p -> new AtomicLong()).incrementAndGet();
    }

    Map<String, Acknowledged> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    long retries(String phase) {
        AtomicLong count = retries.get(phase);
        return count == null ? 0 : count.get();
    }

    long ackedWhileDown(String part) {
        AtomicLong count = ackedWhileDown.get(part);
        return count == null ? 0 : count.get();
    }

    /** Acknowledged statements per verb: the count the system's own must match. */
    Map<String, Long> verbCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        acknowledged.values().forEach(a -> counts.merge(a.verb(), 1L, Long::sum));
        return counts;
    }
}
