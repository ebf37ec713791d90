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
    private final Map<String, AtomicLong> acceptedWhileDown = new ConcurrentHashMap<>();
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

    /** Marks a part as down (null: none), so writes sent meanwhile are counted for it. */
    void down(String part) {
        this.down = part;
    }

    /** The part that is down now, or null. */
    String down() {
        return down;
    }

    /**
     * Records an acknowledged batch.
     *
     * @param sentWhileDown the part that was down when the batch was first sent, if it was accepted at that
     *                      first attempt (the answer may come after the part is back); else null
     */
    void acknowledge(List<String[]> idsAndVerbs, String sentWhileDown) {
        String current = phase;
        for (String[] statement : idsAndVerbs) {
            acknowledged.putIfAbsent(statement[0], new Acknowledged(statement[0], statement[1], current));
        }
        if (sentWhileDown != null) {
            acceptedWhileDown.computeIfAbsent(sentWhileDown, p -> new AtomicLong()).addAndGet(idsAndVerbs.size());
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

    /** Statements sent while the part was down and accepted without a retry. */
    long acceptedWhileDown(String part) {
        AtomicLong count = acceptedWhileDown.get(part);
        return count == null ? 0 : count.get();
    }

    /** Acknowledged statements per verb: the count the system's own must match. */
    Map<String, Long> verbCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        acknowledged.values().forEach(a -> counts.merge(a.verb(), 1L, Long::sum));
        return counts;
    }
}
