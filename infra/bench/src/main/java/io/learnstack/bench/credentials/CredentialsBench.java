package io.learnstack.bench.credentials;

import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The stackable-credential path end to end, as an RTO uses it: a catalogue of two units, a
 * micro-credential on both and a skill set on that, all issued automatically; learners' statements that
 * earn the units; and, per sampled learner, the time from the answer to their last statement until the
 * skill set shows {@code issued} and until its badge verifies. Then one unit is revised and the time until
 * the projector has decided every learner of the tenant again is taken from its log.
 */
public final class CredentialsBench {

    /**
     * What to run against.
     *
     * @param baseUrl      the entry point
     * @param key          a key with the xapi, catalogue and analyst roles
     * @param secret       its secret
     * @param learners     learners written under load
     * @param clients      concurrent writers
     * @param projectorLog the projector's log, where recomputations report their progress
     * @param recomputeOnly credentials issued on approval instead, no learner followed: the learners are
     *                      loaded, and once the projector has decided them all, only the revision's
     *                      recompute is timed
     */
    public record Settings(String baseUrl, String key, String secret, int learners, int clients, Path projectorLog,
            boolean recomputeOnly) {
    }

    static final int BATCH = 100;
    static final int STATEMENTS_PER_LEARNER = 2;
    static final int IDLE_LEARNERS = 5;

    private static final long POLL_MILLIS = 20;
    private static final long SAMPLE_TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(20);
    private static final Pattern RECOMPUTE = Pattern.compile("eligibility recompute: (\\d+) of (\\d+) learners");

    private final Settings settings;
    private final ApiClient api;
    private final ObjectMapper json = new ObjectMapper();
    private final String run = Long.toString(System.currentTimeMillis() / 1000, 36);
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();

    private CredentialsBench(Settings settings) {
        this.settings = settings;
        this.api = new ApiClient(settings.baseUrl(), settings.key(), settings.secret());
    }

    /**
     * The outcome of a run.
     *
     * @param figures    what was measured
     * @param errors     requests not answered as expected and samples that never completed
     * @param firstError what the first of them said, or {@code null}
     */
    public record Outcome(List<Measured> figures, long errors, String firstError) {
    }

    /** Runs the scenario; progress goes to standard output. */
    public static Outcome run(Settings settings) throws Exception {
        return new CredentialsBench(settings).measure();
    }

    private Outcome measure() throws Exception {
        List<Measured> figures = new ArrayList<>();
        figures.add(new Measured("credentials.load-average.start", loadAverage(), "load"));
        if (settings.recomputeOnly()) {
            return measureRecomputeOnly(figures);
        }
        say("defining the catalogue (run %s): two units -> a micro-credential -> a skill set", run);
        defineCatalogue();
        // Each new definition decides every learner of the tenant again: the idle learners come after that.
        awaitCatalogueApplied();

        say("%d single learners, one after another, on the idle system", IDLE_LEARNERS);
        Timings idle = new Timings();
        for (int i = 0; i < IDLE_LEARNERS; i++) {
            Sample sample = write(List.of("idle-" + i)).get(0);
            follow(List.of(sample));
            idle.add(sample);
        }
        idle.addTo(figures, "credentials.idle");

        int learners = settings.learners();
        say("%d learners, %d statements each, in batches of %d with %d clients", learners, STATEMENTS_PER_LEARNER,
                BATCH, settings.clients());
        long start = System.nanoTime();
        List<Sample> samples = writeLoad(learners);
        long written = System.nanoTime();
        figures.add(new Measured("credentials.load.statements-per-s",
                learners * STATEMENTS_PER_LEARNER * 1e9 / (written - start), "statements/s"));
        say("following %d sampled learners", samples.size());
        follow(samples);
        Timings load = new Timings();
        samples.forEach(load::add);
        load.addTo(figures, "credentials.load");
        awaitAllIssued(learners + IDLE_LEARNERS + 1).ifPresent(at -> figures.add(new Measured(
                "credentials.load.all-issued-after-s", (at - start) / 1e9, "s")));
        figures.add(new Measured("credentials.load-average.after-load", loadAverage(), "load"));

        say("revising %s and waiting for every learner to be decided again", id("unit-a"));
        recompute(figures);
        figures.add(new Measured("credentials.load-average.end", loadAverage(), "load"));
        return new Outcome(figures, errors.get(), firstError.get());
    }

    /**
     * Without issuance the load is the learners' statements alone, which the projector takes in minutes
     * even for 10,000 learners; their evidence and statuses are then what a revision recomputes.
     */
    private Outcome measureRecomputeOnly(List<Measured> figures) throws Exception {
        say("defining the catalogue (run %s), issued on approval: two units -> a micro-credential -> a skill set",
                run);
        defineCatalogue();
        // Each definition's own recompute would otherwise run over the learners arriving meanwhile.
        awaitCatalogueApplied();
        int learners = settings.learners();
        say("%d learners, %d statements each, in batches of %d with %d clients", learners, STATEMENTS_PER_LEARNER,
                BATCH, settings.clients());
        long start = System.nanoTime();
        writeLoad(learners);
        figures.add(new Measured("credentials.load.statements-per-s",
                learners * STATEMENTS_PER_LEARNER * 1e9 / (System.nanoTime() - start), "statements/s"));
        awaitAllCounted("unit-b", "eligible", learners).ifPresent(at -> figures.add(new Measured(
                "credentials.load.all-decided-after-s", (at - start) / 1e9, "s")));
        figures.add(new Measured("credentials.load-average.after-load", loadAverage(), "load"));
        say("revising %s and waiting for every learner to be decided again", id("unit-a"));
        recompute(figures);
        figures.add(new Measured("credentials.load-average.end", loadAverage(), "load"));
        return new Outcome(figures, errors.get(), firstError.get());
    }

    /** Writes one learner and waits until their statuses include the last credential defined. */
    private void awaitCatalogueApplied() throws Exception {
        say("waiting until the projector has the catalogue");
        write(List.of("warm-up"));
        long deadline = System.nanoTime() + SAMPLE_TIMEOUT_NANOS;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = api.get("/api/eligibility/learners?learner="
                    + ApiClient.encode("mbox:" + mbox("warm-up")), "application/json");
            if (response.statusCode() == 200 && response.body().contains(id("skills"))) {
                return;
            }
            Thread.sleep(250);
        }
        fail("the projector did not apply the catalogue within 20 minutes");
    }

    // --- the catalogue -------------------------------------------------------------------------------

    private String id(String name) {
        return "cb" + run + "-" + name;
    }

    private String activity(String unit) {
        return "https://bench.example/" + run + "/units/" + unit;
    }

    private void defineCatalogue() throws Exception {
        define("POST", unit("a", "A unit of the bench"));
        define("POST", unit("b", "A unit of the bench"));
        ObjectNode micro = definition("micro", "micro-credential", "Both units");
        ArrayNode of = micro.putObject("requirement").put("type", "allOf").putArray("of");
        of.addObject().put("type", "credentialHeld").put("credentialId", id("unit-a"));
        of.addObject().put("type", "credentialHeld").put("credentialId", id("unit-b"));
        define("POST", micro);
        ObjectNode skills = definition("skills", "skill set", "The micro-credential");
        skills.putObject("requirement").put("type", "credentialHeld").put("credentialId", id("micro"));
        define("POST", skills);
    }

    private ObjectNode unit(String unit, String description) {
        ObjectNode definition = definition("unit-" + unit, "unit", description);
        definition.putObject("requirement").put("type", "activityCompleted").put("activityId", activity(unit));
        return definition;
    }

    private ObjectNode definition(String name, String kind, String description) {
        ObjectNode definition = json.createObjectNode();
        definition.put("id", id(name)).put("name", "Bench " + name).put("description", description)
                .put("kind", kind).put("issuance", settings.recomputeOnly() ? "on-approval" : "automatic");
        return definition;
    }

    private void define(String method, ObjectNode definition) throws Exception {
        String body = json.writeValueAsString(definition);
        HttpResponse<String> response = method.equals("POST") ? api.postJson("/api/credentials", body)
                : api.putJson("/api/credentials/" + definition.get("id").asText(), body);
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IllegalStateException(method + " credential " + definition.get("id").asText() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }

    // --- statements ----------------------------------------------------------------------------------

    /** One learner followed from the answer to their last statement. */
    static final class Sample {
        final String learner;
        final long answered;
        volatile long issued;
        volatile long verified;
        volatile String awardId;
        volatile String jwt;

        Sample(String learner, long answered) {
            this.learner = learner;
            this.answered = answered;
        }
    }

    private String mbox(String learner) {
        return "mailto:" + learner + "." + run + "@bench.example";
    }

    /** Posts the statements that earn both units for these learners in one request. */
    private List<Sample> write(List<String> learners) throws Exception {
        ArrayNode batch = json.createArrayNode();
        for (String learner : learners) {
            for (String unit : List.of("a", "b")) {
                ObjectNode statement = batch.addObject();
                statement.putObject("actor").put("objectType", "Agent").put("mbox", mbox(learner));
                statement.putObject("verb").put("id", "http://adlnet.gov/expapi/verbs/completed");
                statement.putObject("object").put("objectType", "Activity").put("id", activity(unit));
            }
        }
        HttpResponse<String> response = api.postStatements(json.writeValueAsString(batch));
        long answered = System.nanoTime();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST statements answered " + response.statusCode() + ": "
                    + response.body());
        }
        return learners.stream().map(learner -> new Sample(learner, answered)).toList();
    }

    /** Writes every learner's statements; the last learner of each batch is sampled. */
    private List<Sample> writeLoad(int learners) throws InterruptedException {
        int perBatch = BATCH / STATEMENTS_PER_LEARNER;
        int batches = (learners + perBatch - 1) / perBatch;
        AtomicInteger next = new AtomicInteger();
        List<Sample> samples = new ArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(settings.clients());
        for (int client = 0; client < settings.clients(); client++) {
            writers.execute(() -> {
                int b;
                while ((b = next.getAndIncrement()) < batches) {
                    List<String> names = new ArrayList<>();
                    for (int i = b * perBatch; i < Math.min(learners, (b + 1) * perBatch); i++) {
                        names.add("learner-" + i);
                    }
                    try {
                        List<Sample> written = write(names);
                        synchronized (samples) {
                            samples.add(written.get(written.size() - 1));
                        }
                    } catch (Exception e) {
                        fail("writing batch " + b + ": " + e.getMessage());
                    }
                }
            });
        }
        writers.shutdown();
        writers.awaitTermination(1, TimeUnit.HOURS);
        return samples;
    }

    // --- following learners --------------------------------------------------------------------------

    private record Due(Sample sample, long at) implements java.util.concurrent.Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(at - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(java.util.concurrent.Delayed other) {
            return Long.compare(at, ((Due) other).at);
        }
    }

    /**
     * Polls every sample, each at most every {@value #POLL_MILLIS} ms, with two threads so the polling
     * itself does not become the load: first its eligibility until the skill set is issued, then the
     * verifier until its badge verifies.
     */
    private void follow(List<Sample> samples) throws InterruptedException {
        DelayQueue<Due> due = new DelayQueue<>();
        samples.forEach(sample -> due.add(new Due(sample, System.nanoTime())));
        AtomicInteger open = new AtomicInteger(samples.size());
        ExecutorService pollers = Executors.newFixedThreadPool(2);
        for (int t = 0; t < 2; t++) {
            pollers.execute(() -> {
                while (open.get() > 0) {
                    Due next;
                    try {
                        next = due.poll(100, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (next == null) {
                        continue;
                    }
                    Sample sample = next.sample();
                    if (poll(sample)) {
                        open.decrementAndGet();
                    } else if (System.nanoTime() - sample.answered > SAMPLE_TIMEOUT_NANOS) {
                        fail("learner " + sample.learner + " not issued and verified within 20 minutes");
                        open.decrementAndGet();
                    } else {
                        due.add(new Due(sample, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)));
                    }
                }
            });
        }
        pollers.shutdown();
        pollers.awaitTermination(1, TimeUnit.HOURS);
    }

    /** One step for a sample; true once it is done (verified, or failed for good). */
    private boolean poll(Sample sample) {
        try {
            if (sample.issued == 0) {
                HttpResponse<String> response = api.get("/api/eligibility/learners?learner="
                        + ApiClient.encode("mbox:" + mbox(sample.learner)), "application/json");
                if (response.statusCode() == 404) {
                    return false;
                }
                if (response.statusCode() != 200) {
                    fail("GET eligibility answered " + response.statusCode() + ": " + response.body());
                    return true;
                }
                for (JsonNode credential : json.readTree(response.body()).path("credentials")) {
                    if (credential.path("credentialId").asText().equals(id("skills"))
                            && credential.path("status").asText().equals("issued")) {
                        sample.issued = System.nanoTime();
                        sample.awardId = credential.path("awardId").asText();
                    }
                }
                return false;
            }
            if (sample.jwt == null) {
                HttpResponse<String> response = api.get("/credentials/" + sample.awardId, "application/vc+jwt");
                if (response.statusCode() == 200) {
                    sample.jwt = response.body().strip();
                } else if (response.statusCode() != 404) {
                    fail("GET credential answered " + response.statusCode() + ": " + response.body());
                    return true;
                }
                if (sample.jwt == null) {
                    return false;
                }
            }
            HttpResponse<String> response = api.verify(sample.jwt);
            if (response.statusCode() != 200) {
                fail("POST verify answered " + response.statusCode() + ": " + response.body());
                return true;
            }
            if (json.readTree(response.body()).path("verified").asBoolean()) {
                sample.verified = System.nanoTime();
                return true;
            }
            return false;
        } catch (Exception e) {
            fail("following " + sample.learner + ": " + e);
            return true;
        }
    }

    /** Waits until the funnel counts this many learners issued the skill set; when, if it did. */
    private Optional<Long> awaitAllIssued(int learners) throws Exception {
        say("waiting until all %d learners hold the skill set", learners);
        return awaitAllCounted("skills", "issued", learners);
    }

    /** Waits until the funnel counts this many learners with that status of a credential; when, if it did. */
    private Optional<Long> awaitAllCounted(String credential, String status, int learners) throws Exception {
        say("waiting until the funnel counts %d learners %s %s", learners, status, id(credential));
        long deadline = System.nanoTime() + SAMPLE_TIMEOUT_NANOS;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = api.get("/api/eligibility/funnel", "application/json");
            if (response.statusCode() == 200) {
                for (JsonNode row : json.readTree(response.body()).path("rows")) {
                    if (row.path("credentialId").asText().equals(id(credential))
                            && row.path(status).asInt() >= learners) {
                        return Optional.of(System.nanoTime());
                    }
                }
            }
            Thread.sleep(250);
        }
        fail("the funnel did not count every learner " + status + " " + id(credential) + " within 20 minutes");
        return Optional.empty();
    }

    // --- a revision ----------------------------------------------------------------------------------

    /**
     * Revises unit a's description, which keeps every learner eligible but makes the projector decide every
     * learner of the tenant again, and times that from the PUT's answer to the log line saying all were
     * decided.
     */
    private void recompute(List<Measured> figures) throws Exception {
        Path log = settings.projectorLog();
        if (log == null || !Files.isRegularFile(log)) {
            fail("no projector log at " + log + ", so the recomputation cannot be timed");
            return;
        }
        long offset = Files.size(log);
        define("PUT", unit("a", "A unit of the bench, revised"));
        long revised = System.nanoTime();
        long deadline = revised + SAMPLE_TIMEOUT_NANOS;
        StringBuilder pending = new StringBuilder();
        while (System.nanoTime() < deadline) {
            try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                if (file.length() > offset) {
                    byte[] read = new byte[(int) (file.length() - offset)];
                    file.seek(offset);
                    file.readFully(read);
                    offset += read.length;
                    pending.append(new String(read, StandardCharsets.UTF_8));
                }
            }
            int end;
            while ((end = pending.indexOf("\n")) >= 0) {
                Matcher line = RECOMPUTE.matcher(pending.substring(0, end));
                pending.delete(0, end + 1);
                if (line.find() && line.group(1).equals(line.group(2))) {
                    long done = System.nanoTime();
                    int learners = Integer.parseInt(line.group(2));
                    figures.add(new Measured("credentials.revision.recompute-learners", learners, "learners"));
                    figures.add(new Measured("credentials.revision.recompute-s", (done - revised) / 1e9, "s"));
                    figures.add(new Measured("credentials.revision.learners-per-s", learners * 1e9 / (done - revised),
                            "learners/s"));
                    return;
                }
            }
            Thread.sleep(POLL_MILLIS);
        }
        fail("the recomputation did not report completion within 20 minutes");
    }

    // --- figures ---------------------------------------------------------------------------------------

    /** The three latencies of a set of samples. */
    private static final class Timings {
        private final List<Double> issued = new ArrayList<>();
        private final List<Double> verified = new ArrayList<>();
        private final List<Double> issuedToVerified = new ArrayList<>();

        void add(Sample sample) {
            if (sample.issued != 0) {
                issued.add((sample.issued - sample.answered) / 1e6);
            }
            if (sample.verified != 0) {
                verified.add((sample.verified - sample.answered) / 1e6);
                issuedToVerified.add((sample.verified - sample.issued) / 1e6);
            }
        }

        void addTo(List<Measured> figures, String prefix) {
            percentiles(figures, prefix + ".statement-to-issued", issued);
            percentiles(figures, prefix + ".statement-to-verified", verified);
            percentiles(figures, prefix + ".issued-to-verified", issuedToVerified);
            figures.add(new Measured(prefix + ".samples", issued.size(), "learners"));
        }

        private static void percentiles(List<Measured> figures, String prefix, List<Double> values) {
            if (values.isEmpty()) {
                return;
            }
            figures.add(new Measured(prefix + ".p50", percentile(values, 50), "ms"));
            figures.add(new Measured(prefix + ".p99", percentile(values, 99), "ms"));
        }
    }

    /** Nearest rank, as the other figures: every figure is a latency that really happened. */
    static double percentile(List<Double> values, double percent) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private void fail(String message) {
        errors.incrementAndGet();
        firstError.compareAndSet(null, message.length() > 300 ? message.substring(0, 300) + "..." : message);
        System.err.println("bench: " + message);
    }

    private static void say(String format, Object... args) {
        System.out.println("bench: " + String.format(format, args));
    }

}
