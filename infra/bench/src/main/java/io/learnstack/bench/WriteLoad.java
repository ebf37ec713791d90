package io.learnstack.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Several clients posting batches of one size as fast as they are answered, and a sample of the written
 * statements followed until they can be read back.
 */
final class WriteLoad {

    private static final long POLL_MILLIS = 5;
    private static final long VISIBILITY_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final XapiClient xapi;
    private final ObjectMapper json;
    private final StatementSource source;

    WriteLoad(XapiClient xapi, ObjectMapper json, StatementSource source) {
        this.xapi = xapi;
        this.json = json;
        this.source = source;
    }

    /**
     * What one round measured.
     *
     * @param accepted   statements the system accepted
     * @param elapsedNanos from the first request to the last answer
     * @param latency    per request
     * @param lag        from a sampled write's answer until its statement was readable
     * @param errors     requests not answered 200, or samples never readable
     * @param firstError what the first of them said
     * @param written    some of the accepted statements, for the queries
     * @param lastBatch  the batch accepted last
     */
    record Result(long accepted, long elapsedNanos, Samples latency, Samples lag, long errors, String firstError,
                  List<ObjectNode> written, List<ObjectNode> lastBatch) {

        double statementsPerSecond() {
            return Percentiles.perSecond(accepted, elapsedNanos);
        }
    }

    /** Writes {@code statements} in batches; one request in {@code sampleEvery} is followed, none when it is 0. */
    Result run(int batchSize, int statements, int clients, int sampleEvery) throws InterruptedException {
        int requests = Math.max(1, (statements + batchSize - 1) / batchSize);
        AtomicInteger nextRequest = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        Samples latency = new Samples();
        Samples lag = new Samples();
        List<ObjectNode> written = new ArrayList<>();
        AtomicReference<List<ObjectNode>> lastBatch = new AtomicReference<>(List.of());
        ExecutorService writers = Executors.newFixedThreadPool(clients);
        // Enough checkers that a sample rarely waits for one: a queued check would add its wait to the lag.
        ExecutorService checkers = Executors.newFixedThreadPool(Math.max(2, clients));
        long start = System.nanoTime();
        for (int client = 0; client < clients; client++) {
            writers.execute(() -> {
                int request;
                while ((request = nextRequest.getAndIncrement()) < requests) {
                    List<ObjectNode> batch = source.batch(batchSize);
                    try {
                        String body = json.writeValueAsString(batchSize == 1 ? batch.get(0) : batch);
                        long sent = System.nanoTime();
                        HttpResponse<String> response = xapi.post(body);
                        long answered = System.nanoTime();
                        if (response.statusCode() != 200) {
                            fail(errors, firstError, "POST answered " + response.statusCode() + ": " + response.body());
                            continue;
                        }
                        latency.addNanos(answered - sent);
                        accepted.addAndGet(batchSize);
                        lastBatch.set(batch);
                        if (sampleEvery > 0 && request % sampleEvery == 0) {
                            ObjectNode sample = batch.get(batch.size() - 1);
                            synchronized (written) {
                                written.add(sample);
                            }
                            checkers.execute(() -> awaitVisible(sample.get("id").asText(), answered, lag, errors,
                                    firstError));
                        }
                    } catch (Exception e) {
                        fail(errors, firstError, "POST failed: " + e);
                    }
                }
            });
        }
        writers.shutdown();
        writers.awaitTermination(1, TimeUnit.HOURS);
        long elapsed = System.nanoTime() - start;
        checkers.shutdown();
        checkers.awaitTermination(5, TimeUnit.MINUTES);
        return new Result(accepted.get(), elapsed, latency, lag, errors.get(), firstError.get(), written,
                lastBatch.get());
    }

    private void awaitVisible(String id, long answered, Samples lag, AtomicLong errors,
                              AtomicReference<String> firstError) {
        try {
            while (System.nanoTime() - answered < VISIBILITY_TIMEOUT_NANOS) {
                HttpResponse<String> response = xapi.get(Map.of("statementId", id));
                if (response.statusCode() == 200) {
                    lag.addNanos(System.nanoTime() - answered);
                    return;
                }
                if (response.statusCode() != 404) {
                    fail(errors, firstError, "GET statementId answered " + response.statusCode() + ": "
                            + response.body());
                    return;
                }
                Thread.sleep(POLL_MILLIS);
            }
            fail(errors, firstError, "statement " + id + " not readable within 60 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            fail(errors, firstError, "GET statementId failed: " + e);
        }
    }

    private static void fail(AtomicLong errors, AtomicReference<String> firstError, String message) {
        errors.incrementAndGet();
        firstError.compareAndSet(null, message.length() > 300 ? message.substring(0, 300) + "..." : message);
    }
}
