package io.learnstack.bench.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Kills each part of a running system in turn, under a steady load of statements, restarts it, and then
 * holds what the system serves against what it acknowledged: every acknowledged statement readable exactly
 * once, the read models equal to a rebuild from the event stream, the counts equal to the writers' own.
 */
public final class FaultRun {

    private static final String STEADY = "steady";
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(300);
    private static final int READERS = 4;

    private final FaultOptions options;
    private final Parts parts;
    private final ObjectMapper json = new ObjectMapper();
    private final Ledger ledger = new Ledger();
    private final List<String> problems = new ArrayList<>();

    private FaultRun(FaultOptions options, Parts parts) {
        this.options = options;
        this.parts = parts;
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.print(FaultOptions.USAGE);
            return;
        }
        FaultOptions options;
        try {
            options = FaultOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("fault: " + e.getMessage());
            System.err.print(FaultOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            Outcome outcome = run(options, new ScriptParts(options.script()));
            System.exit(outcome.passed() ? 0 : 1);
        } catch (Exception e) {
            System.err.println("fault: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            e.printStackTrace();
            System.exit(1);
        }
    }

    /**
     * One line of the table: the statements acknowledged while a part was killed, down and back (or before
     * the first kill), and what became of them.
     */
    public record Row(String phase, long acknowledged, long readable, long duplicated, long lost, long retried) {
    }

    /**
     * A finished run.
     *
     * @param rows     one per phase, then the total
     * @param problems every check that failed, in words; empty when the run passed
     */
    public record Outcome(List<Row> rows, List<String> problems) {

        public boolean passed() {
            return problems.isEmpty();
        }

        /** @return the total line */
        public Row total() {
            return rows.get(rows.size() - 1);
        }
    }

    /** Runs the faults on these parts and prints the table; the outcome says what failed. */
    public static Outcome run(FaultOptions options, Parts parts) throws Exception {
        return new FaultRun(options, parts).run();
    }

    private Outcome run() throws Exception {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        Lrs lrs = new Lrs(options.baseUrl(), options.key(), options.key());
        FaultStatements statements = new FaultStatements(json, runId);
        Readback readback = new Readback(lrs, json, statements.platform());
        LoadWriters writers = new LoadWriters(lrs, statements, ledger, options);
        say("run " + runId + ": " + options);

        writers.start();
        pause(options.steady());
        for (String part : options.parts()) {
            ledger.phase(part);
            say("kill -9 " + part);
            parts.kill(part);
            ledger.down(part);
            pause(options.downtime());
            say("restarting " + part + " (" + ledger.acknowledged().size() + " acknowledged so far)");
            ledger.down(null);
            long restarting = System.nanoTime();
            parts.restart(part);
            say(part + " is back, every service ready, in " + (System.nanoTime() - restarting) / 1_000_000_000 + " s");
            pause(options.settle());
        }
        say("stopping the load");
        writers.stop();
        if (writers.rejected() > 0) {
            problems.add(writers.rejected() + " batches rejected as wrong requests; last: " + writers.lastError());
        }
        if (options.parts().contains("kafka") && ledger.acceptedWhileDown("kafka") == 0) {
            problems.add("no statement sent while the broker was down was accepted at its first attempt");
        }

        Map<String, Ledger.Acknowledged> acknowledged = ledger.acknowledged();
        Readback.Listing listing = awaitCaughtUp(readback, acknowledged);
        Map<String, Boolean> readable = readEach(readback, acknowledged, listing);
        List<Row> rows = table(acknowledged, listing, readable);
        compareCounts(listing);
        compareWithRebuild(readback, listing);

        print(rows);
        if (options.parts().contains("kafka")) {
            say("sent while the broker was down and accepted at the first attempt: "
                    + ledger.acceptedWhileDown("kafka") + " statements");
        }
        if (problems.isEmpty()) {
            say("PASSED: nothing lost, nothing duplicated, the read models equal their rebuild");
        } else {
            problems.forEach(problem -> say("FAILED: " + problem));
        }
        return new Outcome(rows, List.copyOf(problems));
    }

    /** Lists until every acknowledged statement is there, or the projector had time enough. */
    private Readback.Listing awaitCaughtUp(Readback readback, Map<String, Ledger.Acknowledged> acknowledged)
            throws Exception {
        long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
        while (true) {
            Readback.Listing listing = readback.list();
            long present = acknowledged.keySet().stream().filter(listing.occurrences()::containsKey).count();
            if (present == acknowledged.size() || System.nanoTime() > deadline) {
                say("listed " + listing.total() + " statements, " + present + " of the " + acknowledged.size()
                        + " acknowledged");
                return listing;
            }
            say("waiting for the projector: " + present + " of " + acknowledged.size() + " acknowledged listed");
            Thread.sleep(2000);
        }
    }

    /** Reads each acknowledged statement on its own, a few at a time. */
    private Map<String, Boolean> readEach(Readback readback, Map<String, Ledger.Acknowledged> acknowledged,
                                          Readback.Listing listing)
            throws Exception {
        Map<String, Boolean> readable = new ConcurrentHashMap<>();
        ExecutorService readers = Executors.newFixedThreadPool(READERS);
        try {
            List<Future<?>> reads = new ArrayList<>();
            for (String id : acknowledged.keySet()) {
                if (!listing.occurrences().containsKey(id)) {
                    // Lost already; a read by id would only wait out the read barrier for it.
                    readable.put(id, false);
                    continue;
                }
                reads.add(readers.submit(() -> {
                    readable.put(id, readback.readable(id));
                    return null;
                }));
            }
            for (Future<?> read : reads) {
                read.get();
            }
        } finally {
            readers.shutdownNow();
        }
        say("read each listed acknowledged statement by id: "
                + readable.values().stream().filter(Boolean::booleanValue).count() + " found");
        return readable;
    }

    private List<Row> table(Map<String, Ledger.Acknowledged> acknowledged, Readback.Listing listing,
                            Map<String, Boolean> readable) {
        // A part killed twice is one line: its statements are told apart by part, not by kill.
        Set<String> phases = new LinkedHashSet<>();
        phases.add(STEADY);
        phases.addAll(options.parts());
        List<Row> rows = new ArrayList<>();
        long[] total = new long[5];
        for (String phase : phases) {
            long acked = 0;
            long readOk = 0;
            long duplicated = 0;
            long lost = 0;
            for (Ledger.Acknowledged statement : acknowledged.values()) {
                if (!statement.phase().equals(phase)) {
                    continue;
                }
                acked++;
                int seen = listing.occurrences().getOrDefault(statement.id(), 0);
                boolean byId = readable.getOrDefault(statement.id(), false);
                if (byId && seen >= 1) {
                    readOk++;
                } else {
                    lost++;
                }
                if (seen > 1) {
                    duplicated++;
                }
            }
            long retried = ledger.retries(phase);
            rows.add(new Row(phase, acked, readOk, duplicated, lost, retried));
            total[0] += acked;
            total[1] += readOk;
            total[2] += duplicated;
            total[3] += lost;
            total[4] += retried;
        }
        rows.add(new Row("total", total[0], total[1], total[2], total[3], total[4]));
        if (total[3] > 0) {
            problems.add(total[3] + " acknowledged statements lost");
        }
        if (total[2] > 0) {
            problems.add(total[2] + " statements listed more than once");
        }
        long unacknowledged = listing.occurrences().keySet().stream().filter(id -> !acknowledged.containsKey(id)).count();
        if (unacknowledged > 0) {
            // A request whose answer was lost with a killed part may still have been stored; the writer sent it
            // again, so this cannot happen unless an id the writers never had appeared.
            problems.add(unacknowledged + " statements of this run listed that were never acknowledged");
        }
        return rows;
    }

    /** The system's count per verb against the writers' own, computed from what they were told. */
    private void compareCounts(Readback.Listing listing) {
        Map<String, Long> expected = new TreeMap<>(ledger.verbCounts());
        Map<String, Long> served = listing.verbCounts();
        if (!expected.equals(served)) {
            problems.add("statements per verb: the writers counted " + expected + ", the system lists " + served);
        } else {
            say("statements per verb, writers and system alike: " + expected);
        }
    }

    /** The read models now, then after rebuilding every one of them from the event stream: the same. */
    private void compareWithRebuild(Readback readback, Readback.Listing before) throws Exception {
        JsonNode summaryBefore = readback.summary();
        ReadModels readModels = options.readModel() == null ? null : new ReadModels(options.readModel());
        Map<String, List<String>> modelsBefore = readModels == null ? null : readModels.snapshot();
        say("rebuilding the read models from the event stream");
        parts.rebuild();
        Readback.Listing after = readback.list();
        JsonNode summaryAfter = readback.summary();
        if (readModels != null) {
            Map<String, List<String>> modelsAfter = readModels.snapshot();
            Map<String, Integer> differences = ReadModels.differences(modelsBefore, modelsAfter);
            if (differences.isEmpty()) {
                say("every read model equals its rebuild: " + sizes(modelsAfter));
            } else {
                problems.add("read models differ from their rebuild (documents on one side only): " + differences
                        + "; sizes before " + sizes(modelsBefore) + ", after " + sizes(modelsAfter)
                        + "; e.g. " + ReadModels.example(modelsBefore, modelsAfter));
            }
        }
        if (before.total() != after.total()) {
            problems.add("statements listed: " + before.total() + " before the rebuild, " + after.total() + " after");
        }
        long differing = before.statements().keySet().stream()
                .filter(id -> !Objects.equals(before.statements().get(id), after.statements().get(id))).count();
        differing += after.statements().keySet().stream().filter(id -> !before.statements().containsKey(id)).count();
        if (differing > 0) {
            problems.add(differing + " of this run's statements differ after the rebuild");
        }
        if (!summaryBefore.equals(summaryAfter)) {
            problems.add("the analytics summary differs after the rebuild: " + summaryBefore + " / " + summaryAfter);
        }
        say("after the rebuild: " + after.total() + " statements listed (" + before.total() + " before), "
                + differing + " of this run's differ; analytics summary "
                + (summaryBefore.equals(summaryAfter) ? "equal" : "DIFFERENT"));
    }

    private static Map<String, Integer> sizes(Map<String, List<String>> models) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        models.forEach((name, documents) -> sizes.put(name, documents.size()));
        return sizes;
    }

    private static void print(List<Row> rows) {
        String format = "%-16s %12s %9s %11s %5s %8s%n";
        System.out.println();
        System.out.printf(format, "killed part", "acknowledged", "readable", "duplicated", "lost", "retried");
        for (Row row : rows) {
            System.out.printf(format, row.phase().equals(STEADY) ? "(none, steady)" : row.phase(), row.acknowledged(),
                    row.readable(), row.duplicated(), row.lost(), row.retried());
        }
        System.out.println();
    }

    private static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    private static void say(String line) {
        System.out.println(Instant.now().toString().substring(11, 19) + " fault: " + line);
    }
}
