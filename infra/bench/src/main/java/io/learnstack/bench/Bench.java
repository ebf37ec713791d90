package io.learnstack.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.learnstack.bench.credentials.CredentialsBench;

/**
 * Measures a running system through its public API, the raw limits of its broker and database servers
 * beside it, and the peak memory of each part; keeps the run and prints it beside the previous one.
 */
public final class Bench {

    /** The batch sizes written, one round each. */
    static final int[] BATCH_SIZES = {1, 5, 100};

    private static final Pattern REBUILD_COMPLETE =
            Pattern.compile("rebuild: complete, (\\d+) records in [0-9.]+ s \\(([0-9.]+) records/s\\)");

    /** Statements written per top-up round, between two progress lines. */
    private static final int TOP_UP_ROUND = 10_000;

    /** How often the soak prints its counts and samples memory. */
    private static final long SOAK_WINDOW_SECONDS = 10;

    private final BenchOptions options;
    private final ObjectMapper json = new ObjectMapper();
    private long errors;

    private Bench(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            Outcome outcome = run(options);
            System.exit(outcome.errors() == 0 ? 0 : 1);
        } catch (Exception e) {
            System.err.println("bench: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            System.exit(1);
        }
    }

    /**
     * A finished run.
     *
     * @param run    the figures, as kept
     * @param file   where they were kept
     * @param errors requests the system did not answer as expected, and limits that could not be measured
     */
    public record Outcome(Run run, Path file, long errors) {

        /** @return every figure by name */
        public Map<String, Double> figures() {
            Map<String, Double> figures = new LinkedHashMap<>();
            run.figures().forEach(figure -> figures.put(figure.name(), figure.value()));
            return figures;
        }
    }

    /** Runs the benchmark with these command-line options, prints its table, and keeps it. */
    public static Outcome run(String... args) throws Exception {
        return run(BenchOptions.parse(args));
    }

    static Outcome run(BenchOptions options) throws Exception {
        return new Bench(options).measure();
    }

    private Outcome measure() throws Exception {
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        XapiClient xapi = new XapiClient(options.baseUrl(), options.key(), options.secret(), "1.0.3");
        checkReachable(xapi);
        if (options.credentials()) {
            return measureCredentials(startedAt);
        }
        if (options.soak()) {
            return measureSoak(startedAt, xapi);
        }
        StatementSource source = StatementSource.load(json, options.data(), options.isShort() ? 300 : 25_000, 42);
        List<Figure> figures = new ArrayList<>();

        // Stored times are the server's: a second's margin covers a clock a little ahead of this one.
        Instant since = startedAt.minusSeconds(1);
        List<ObjectNode> written = new ArrayList<>();
        Map<Integer, Double> writeRates = new LinkedHashMap<>();
        WriteLoad writes = new WriteLoad(xapi, json, source);
        long accepted = 0;
        for (int batchSize : BATCH_SIZES) {
            int statements = Math.max(options.statements(), batchSize * options.clients() * 2);
            say("writing %d statements in batches of %d with %d clients", statements, batchSize, options.clients());
            WriteLoad.Result result = writes.run(batchSize, statements, options.clients(),
                    Math.max(1, options.sampleEvery() / batchSize));
            report(result.errors(), result.firstError());
            String prefix = "write.batch-" + batchSize;
            if (result.accepted() > 0) {
                writeRates.put(batchSize, result.statementsPerSecond());
                figures.add(new Figure(prefix + ".statements-per-s", result.statementsPerSecond(), "statements/s"));
            }
            result.latency().addTo(figures, prefix + ".request");
            result.lag().addTo(figures, prefix + ".visibility-lag");
            written.addAll(result.written());
            accepted += result.accepted();
        }

        if (written.isEmpty()) {
            throw new IllegalStateException("no statement was accepted, so there is nothing to query");
        }
        if (options.stored() > accepted) {
            accepted = topUp(xapi, writes, accepted, written);
        }
        figures.add(new Figure("stored.statements-written", accepted, "statements"));
        say("querying %d times per filter", options.queries());
        QueryLoad queryLoad = new QueryLoad(xapi);
        QueryLoad.Result queries = queryLoad.run(written, options.queries(), since);
        report(queries.errors(), queries.firstError());
        queries.latency().forEach((filter, samples) -> samples.addTo(figures, "query." + filter));
        QueryLoad.Result analyst = queryLoad.runAnalyst(options.queries());
        report(analyst.errors(), analyst.firstError());
        analyst.latency().forEach((name, samples) -> samples.addTo(figures, "query." + name));

        if (options.rebuild()) {
            rebuildRate().ifPresent(rate -> figures.add(new Figure("rebuild.records-per-s", rate, "records/s")));
        }

        measureLimits(source, writeRates, figures);
        figures.addAll(PeakMemory.read(options.runDir()));

        return keep(new Run(startedAt.toString(), options.mode(), machine(), options.describe(), figures));
    }

    private Outcome keep(Run run) throws Exception {
        ResultsStore store = new ResultsStore(options.resultsDir(), json);
        Optional<Run> previous = store.latest(run.mode());
        Path file = store.save(run);
        System.out.println();
        System.out.print(Report.table(run, previous));
        System.out.println("Kept in " + file.toAbsolutePath().normalize());
        if (errors > 0) {
            System.out.println(errors + " request(s) or limit(s) failed; see above");
        }
        return new Outcome(run, file, errors);
    }

    private Outcome measureCredentials(Instant startedAt) throws Exception {
        CredentialsBench.Outcome outcome = CredentialsBench.run(new CredentialsBench.Settings(options.baseUrl(),
                options.key(), options.secret(), options.learners(), options.clients(),
                options.dataDir().resolve("logs").resolve("projector.log"), options.recomputeOnly()));
        report(outcome.errors(), outcome.firstError());
        List<Figure> figures = new ArrayList<>();
        outcome.figures().forEach(figure -> figures.add(new Figure(figure.name(), figure.value(), figure.unit())));
        figures.addAll(PeakMemory.read(options.runDir()));
        return keep(new Run(startedAt.toString(), options.mode(), machine(), options.describe(), figures));
    }

    private Outcome measureSoak(Instant startedAt, XapiClient xapi) throws Exception {
        StatementSource source = StatementSource.load(json, options.data(), 25_000, 42);
        say("offering %d statements/s in batches of %d with up to %d requests at once, for %d minutes",
                options.rate(), options.batch(), options.clients(), options.minutes());
        SoakLoad.Result result = new SoakLoad(xapi, json, source, options.runDir())
                .run(options.rate(), options.batch(), options.clients(), options.minutes() * 60L, SOAK_WINDOW_SECONDS);
        report(result.total(SoakLoad.Window::errors), result.firstError());
        List<Figure> figures = new ArrayList<>(SoakFigures.of(result, options.rate()));
        say("waiting for the last accepted batch to be readable");
        figures.add(new Figure("soak.last-batch-readable-after",
                secondsUntilReadable(xapi, result.lastIds(), Duration.ofMinutes(2)), "s"));
        figures.addAll(PeakMemory.read(options.runDir()));
        return keep(new Run(startedAt.toString(), options.mode(), machine(), options.describe(), figures));
    }

    /**
     * Writes batches of 100 until the run has written {@code --stored} statements, in rounds with progress,
     * then waits for the last of them to be readable, so the queries measure a store of that size rather
     * than the read barrier waiting for a backlog.
     */
    private long topUp(XapiClient xapi, WriteLoad writes, long written, List<ObjectNode> queried) throws Exception {
        long total = written;
        List<ObjectNode> last = List.of();
        while (total < options.stored()) {
            int round = (int) Math.min(TOP_UP_ROUND, options.stored() - total);
            WriteLoad.Result result = writes.run(100, round, options.clients(), 0);
            report(result.errors(), result.firstError());
            if (result.accepted() == 0) {
                throw new IllegalStateException("the top-up to " + options.stored() + " statements stalled at " + total);
            }
            total += result.accepted();
            last = result.lastBatch();
            say("stored %d of %d statements (%.0f statements/s)", total, options.stored(),
                    result.statementsPerSecond());
        }
        if (!last.isEmpty()) {
            queried.add(last.get(last.size() - 1));
            say("waiting for the projector to catch up");
            double seconds = secondsUntilReadable(xapi,
                    last.stream().map(statement -> statement.get("id").asText()).toList(), Duration.ofMinutes(30));
            say("caught up %.1f s after the last write", seconds);
        }
        return total;
    }

    /** Seconds from now until every one of these statements is readable; -1 if one is not within the timeout. */
    private double secondsUntilReadable(XapiClient xapi, List<String> ids, Duration timeout) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        for (String id : ids) {
            while (xapi.get(Map.of("statementId", id)).statusCode() != 200) {
                if (System.nanoTime() > deadline) {
                    report(1, "statement " + id + " not readable within " + timeout.toMinutes() + " minutes");
                    return -1;
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private void checkReachable(XapiClient xapi) throws Exception {
        HttpResponse<String> response;
        try {
            response = xapi.get(Map.of("limit", "1"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot reach " + options.baseUrl() + " (" + e
                    + "); start the system with 'learnstack up' or pass --base-url");
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET statements at " + options.baseUrl() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }

    private void measureLimits(StatementSource source, Map<Integer, Double> writeRates, List<Figure> figures) {
        List<Payload> payloads = new ArrayList<>(options.limitRecords());
        for (ObjectNode statement : source.batch(options.limitRecords())) {
            payloads.add(payload(statement));
        }
        Limits limits = new Limits();
        say("writing %d records straight to the broker, the read-model server and the event store",
                payloads.size());
        Map<String, Double> measured = new LinkedHashMap<>();
        limit(measured, figures, "kafka", "records/s", () -> limits.kafka(options.kafka(), payloads));
        limit(measured, figures, "read-model", "documents/s", () -> limits.readModel(options.readModel(), payloads));
        limit(measured, figures, "event-store", "rows/s",
                () -> limits.eventStore(options.eventStore(), "sa", "", payloads));
        writeRates.forEach((batchSize, rate) -> measured.forEach((name, limit) -> figures.add(new Figure(
                "write.batch-" + batchSize + ".ratio-to-" + name, Percentiles.ratio(rate, limit), "ratio"))));
    }

    private interface Measurement {
        double run() throws Exception;
    }

    private void limit(Map<String, Double> measured, List<Figure> figures, String name, String unit,
                       Measurement measurement) {
        try {
            double rate = measurement.run();
            measured.put(name, rate);
            figures.add(new Figure("limit." + name + "." + unit.replace("/s", "-per-s"), rate, unit));
        } catch (Exception e) {
            report(1, "the " + name + " limit could not be measured: " + e);
        }
    }

    /** Runs the script's rebuild and takes the rate it reports when complete. */
    private Optional<Double> rebuildRate() throws Exception {
        if (options.script() == null) {
            report(1, "--rebuild needs --script (the run script passes it)");
            return Optional.empty();
        }
        say("rebuilding the read models (the projector is stopped and started again)");
        Process rebuild = new ProcessBuilder(options.script(), "rebuild").redirectErrorStream(true).start();
        Double rate = null;
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(rebuild.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                System.out.println("  " + line.strip());
                Matcher complete = REBUILD_COMPLETE.matcher(line);
                if (complete.find()) {
                    rate = Double.parseDouble(complete.group(2));
                }
            }
        }
        if (rebuild.waitFor() != 0 || rate == null) {
            report(1, "the rebuild did not report its rate (exit " + rebuild.exitValue() + ")");
            return Optional.empty();
        }
        return Optional.of(rate);
    }

    static Payload payload(JsonNode statement) {
        JsonNode actor = statement.path("actor");
        String learnerKey = actor.has("mbox") ? "mbox:" + actor.get("mbox").asText()
                : "account:" + actor.at("/account/homePage").asText() + "|" + actor.at("/account/name").asText();
        return new Payload(statement.get("id").asText(), learnerKey, statement.at("/verb/id").asText(),
                statement.at("/object/id").asText(), statement.toString());
    }

    private static Map<String, String> machine() {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.version"));
        return machine;
    }

    private void report(long count, String first) {
        if (count > 0) {
            errors += count;
            System.err.println("bench: " + count + " failure(s); the first: " + first);
        }
    }

    private static void say(String format, Object... args) {
        System.out.println("bench: " + String.format(format, args));
    }
}
