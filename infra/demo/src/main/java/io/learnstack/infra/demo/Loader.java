package io.learnstack.infra.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends a plan through the public entry point, as a registrar, a catalogue editor and an LMS would. Every
 * id is fixed by the plan, so a second run changes nothing: a 409 (already there) counts as done.
 */
final class Loader {

    private static final int ATTEMPTS = 4;
    private static final Set<Integer> DONE = Set.of(200, 201, 204, 409);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String baseUrl;
    /** How each kind of request was answered: "POST /api/enrolments 201" -> count. */
    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();

    Loader(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    void loadCatalogue(Tenant tenant) {
        for (Map<String, Object> credential : Catalogue.credentials(tenant)) {
            post(tenant, "/api/credentials", "POST /api/credentials", credential);
        }
    }

    void load(Plan plan, int threads, Progress progress) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (Plan.Learner learner : plan.learners()) {
                pending.add(pool.submit(() -> {
                    load(learner);
                    progress.step();
                }));
            }
            for (Future<?> future : pending) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void load(Plan.Learner learner) {
        Tenant tenant = learner.tenant();
        for (Plan.Enrolment enrolment : learner.enrolments()) {
            Map<String, Object> enrol = new LinkedHashMap<>();
            enrol.put("id", enrolment.id());
            enrol.put("learner", learner.learnerKey());
            enrol.put("course", enrolment.course().iri());
            enrol.put("cohort", enrolment.cohort());
            enrol.put("enrolled", enrolment.enrolled().toString());
            post(tenant, "/api/enrolments", "POST /api/enrolments", enrol);
            if (!enrolment.activities().isEmpty()) {
                post(tenant, "/xapi/statements", "POST /xapi/statements", Statements.of(learner, enrolment));
            }
            String base = "/api/enrolments/" + enrolment.id();
            switch (enrolment.outcome()) {
                case COMPLETED -> post(tenant, base + "/completion", "POST /api/enrolments/{id}/completion",
                        Map.of("success", true, "at", enrolment.ended().toString()));
                case WITHDRAWN -> post(tenant, base + "/withdrawal", "POST /api/enrolments/{id}/withdrawal",
                        Map.of("reason", "left after " + enrolment.lastUnit().code(), "at",
                                enrolment.ended().toString()));
                case IN_PROGRESS -> { }
            }
        }
    }

    /** Sends statements as they are, in batches, to one tenant. */
    void loadVolume(Tenant tenant, java.nio.file.Path file, Progress progress) throws IOException {
        new Volume().read(file, 500, batch -> {
            post(tenant, "/xapi/statements", "POST /xapi/statements (volume)", batch);
            batch.forEach(statement -> progress.step());
        });
    }

    /** How every kind of request was answered, e.g. {@code POST /xapi/statements 200 -> 812}. */
    Map<String, Integer> answers() {
        Map<String, Integer> sorted = new java.util.TreeMap<>();
        answers.forEach((key, count) -> sorted.put(key, count.get()));
        return sorted;
    }

    /** The kinds of request that were refused, with how often. */
    Map<String, Integer> refusals() {
        Map<String, Integer> refused = new java.util.TreeMap<>();
        answers().forEach((key, count) -> {
            int status = Integer.parseInt(key.substring(key.lastIndexOf(' ') + 1));
            if (!DONE.contains(status)) {
                refused.put(key, count);
            }
        });
        return refused;
    }

    private void post(Tenant tenant, String path, String kind, Object body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (tenant.key() + ":" + tenant.secret()).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .header("X-Experience-API-Version", "1.0.3")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                // A busy server may answer 503 or 5xx for a moment; anything else is its final word.
                if (response.statusCode() < 500 || attempt == ATTEMPTS) {
                    answers.computeIfAbsent(kind + " " + response.statusCode(), k -> new AtomicInteger())
                            .incrementAndGet();
                    return;
                }
            } catch (IOException e) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("cannot reach " + baseUrl + path + ": " + e, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            try {
                Thread.sleep(250L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
