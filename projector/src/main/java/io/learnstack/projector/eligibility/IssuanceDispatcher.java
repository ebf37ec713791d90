package io.learnstack.projector.eligibility;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends the issuance requests the eligibility projection recorded to the command service's
 * {@code POST /internal/awards}, until each is acknowledged.
 * <p>
 * 200 and 201 mark a request done; 404 (the credential is unknown or retired) gives it up, logged and
 * counted; anything else, a failed connection included, is tried again after a pause that doubles up
 * to {@link IssuanceProperties#retryMax()}. A request is sent only while the learner's document still
 * shows that eligibility. Several projectors may run this at once: each claims a
 * request by moving its {@code nextAttempt} past the attempt's timeout before sending, and should two
 * send the same request anyway, the endpoint answers the second with the award the first created.
 * <p>
 * A round runs as soon as the projection has recorded a request ({@link #wake()}), so each level of a
 * stack of credentials is sent without waiting for the poll; the poll remains for retries after their
 * pause and for requests another projector recorded. Rounds run one at a time on one thread; wakes that
 * arrive during a round run one more round after it.
 */
@Component
class IssuanceDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IssuanceDispatcher.class);

    private final MongoCollection<Document> requests;
    private final MongoCollection<Document> learners;
    private final IssuanceProperties properties;
    private final String token;
    private final Clock clock;
    private final HttpClient http;
    private final ExecutorService senders;
    private final ExecutorService rounds;
    private final AtomicBoolean roundQueued = new AtomicBoolean();
    private final ObjectMapper json;
    private final AtomicLong pending = new AtomicLong();
    private final Counter sent;
    private final Counter rejected;
    private final Counter failed;

    @Autowired
    IssuanceDispatcher(MongoDatabase readModels, IssuanceProperties properties,
            @Value("${learnstack.internal.token:learnstack-internal}") String token, ObjectMapper json,
            MeterRegistry meters) {
        this(readModels, properties, token, json, meters, Clock.systemUTC());
    }

    IssuanceDispatcher(MongoDatabase readModels, IssuanceProperties properties, String token, ObjectMapper json,
            MeterRegistry meters, Clock clock) {
        this.requests = readModels.getCollection(IssuanceOutbox.COLLECTION);
        this.learners = readModels.getCollection(EligibilityProjection.LEARNERS);
        this.properties = properties;
        this.token = token;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        this.senders = Executors.newFixedThreadPool(properties.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "issuance-sender");
            thread.setDaemon(true);
            return thread;
        });
        this.rounds = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "issuance-dispatch");
            thread.setDaemon(true);
            return thread;
        });
        meters.gauge("learnstack.eligibility.issuance.pending", pending);
        this.sent = meters.counter("learnstack.eligibility.issuance.sent");
        this.rejected = meters.counter("learnstack.eligibility.issuance.rejected");
        this.failed = meters.counter("learnstack.eligibility.issuance.failed");
    }

    @Scheduled(fixedDelayString = "${learnstack.issuance.poll-interval:1s}",
            initialDelayString = "${learnstack.issuance.poll-interval:1s}")
    void poll() {
        queue(true);
    }

    /** Runs a round now, or right after the one running, unless one is already waiting to run. */
    void wake() {
        queue(false);
    }

    private void queue(boolean count) {
        if (roundQueued.compareAndSet(false, true)) {
            try {
                rounds.execute(() -> {
                    roundQueued.set(false);
                    round(count);
                });
            } catch (RejectedExecutionException stopping) {
                roundQueued.set(false);
            }
        }
    }

    @Override
    public void destroy() {
        rounds.shutdownNow();
        senders.shutdownNow();
    }

    void sendDue() {
        round(true);
    }

    /**
     * One round. Counting what is pending reads every request on a server without secondary indexes, so
     * it is left to the poll: woken rounds follow each other closely under load.
     */
    private synchronized void round(boolean count) {
        try {
            Instant now = clock.instant();
            List<Document> due = new ArrayList<>();
            requests.find(and(eq("state", IssuanceOutbox.PENDING), lte("nextAttempt", Date.from(now))))
                    .limit(properties.batch()).forEach(due::add);
            List<CompletableFuture<Void>> sending = new ArrayList<>();
            for (Document request : due) {
                if (!stillEligible(request)) {
                    requests.deleteOne(and(eq("_id", request.getString("_id")), eq("state", IssuanceOutbox.PENDING)));
                } else if (claim(request, now)) {
                    log.debug("sending issuance request {}, due {} ms ago", request.getString("_id"),
                            now.toEpochMilli() - request.getDate("nextAttempt").getTime());
                    sending.add(CompletableFuture.runAsync(() -> send(request), senders));
                }
            }
            // Each issuance waits for its events to reach the bus; sent side by side, those waits overlap.
            CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).join();
            if (count) {
                pending.set(requests.countDocuments(eq("state", IssuanceOutbox.PENDING)));
            }
        } catch (RuntimeException e) {
            log.warn("issuance requests not sent this round: {}", e.toString());
        }
    }

    /**
     * Whether the learner is still eligible as the request says. The projection withdraws requests whose
     * eligibility went, but a decision racing another for the same learner can leave one behind: the
     * learner's document, read by id, has the last word.
     */
    private boolean stillEligible(Document request) {
        Document learner = learners.find(eq("_id", request.getString("tenant") + "|" + request.getString("learnerKey")))
                .projection(Projections.include("statuses")).first();
        return supports(learner, request);
    }

    /** Whether the learner's document (null for none) still holds the eligibility the request was made for. */
    static boolean supports(Document learner, Document request) {
        if (learner == null) {
            return false;
        }
        return learner.getList("statuses", Document.class, List.of()).stream().anyMatch(status ->
                request.getString("credentialId").equals(status.getString("credentialId"))
                        && Status.ELIGIBLE.wire().equals(status.getString("status"))
                        && request.getString("eligibleAt").equals(status.getString("eligibleAt")));
    }

    /** Takes a request for this attempt, unless another projector took it first. */
    private boolean claim(Document request, Instant now) {
        Instant lease = now.plus(properties.timeout().multipliedBy(2));
        return requests.updateOne(and(eq("_id", request.getString("_id")), eq("state", IssuanceOutbox.PENDING),
                eq("nextAttempt", request.getDate("nextAttempt"))), Updates.set("nextAttempt", Date.from(lease)))
                .getModifiedCount() == 1;
    }

    private void send(Document request) {
        String id = request.getString("_id");
        int attempts = request.getInteger("attempts", 0) + 1;
        long started = System.currentTimeMillis();
        try {
            HttpResponse<String> response = http.send(post(request), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            log.debug("issuance request {} answered {} in {} ms (attempt {})", id, status,
                    System.currentTimeMillis() - started, attempts);
            if (status == 200 || status == 201) {
                String awardId = json.readTree(response.body()).path("awardId").asText(null);
                requests.updateOne(eq("_id", id), Updates.combine(Updates.set("state", IssuanceOutbox.DONE),
                        Updates.set("attempts", attempts), Updates.set("awardId", awardId)));
                sent.increment();
            } else if (status == 404) {
                log.warn("issuance of {} to {} given up: the command service knows no such credential ({})",
                        request.getString("credentialId"), request.getString("learnerKey"), response.body());
                requests.updateOne(eq("_id", id), Updates.combine(Updates.set("state", IssuanceOutbox.REJECTED),
                        Updates.set("attempts", attempts), Updates.set("reason", response.body())));
                rejected.increment();
            } else {
                retryLater(id, attempts, "HTTP " + status + " " + response.body());
            }
        } catch (IOException e) {
            retryLater(id, attempts, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            retryLater(id, attempts, "interrupted");
        }
    }

    private void retryLater(String id, int attempts, String failure) {
        Duration pause = backoff(attempts);
        log.info("issuance request {} failed (attempt {}), trying again in {}: {}", id, attempts, pause, failure);
        requests.updateOne(eq("_id", id), Updates.combine(Updates.set("attempts", attempts),
                Updates.set("nextAttempt", Date.from(clock.instant().plus(pause))), Updates.set("lastFailure", failure)));
        failed.increment();
    }

    /** The initial pause doubled for each attempt after the first, at most the maximum. */
    Duration backoff(int attempts) {
        Duration pause = properties.retryInitial();
        for (int attempt = 1; attempt < attempts && pause.compareTo(properties.retryMax()) < 0; attempt++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(properties.retryMax()) > 0 ? properties.retryMax() : pause;
    }

    private HttpRequest post(Document request) throws IOException {
        Document body = new Document("tenant", request.getString("tenant"))
                .append("credentialId", request.getString("credentialId"))
                .append("learnerKey", request.getString("learnerKey"))
                .append("eligibleAt", request.getString("eligibleAt"));
        return HttpRequest.newBuilder(awards())
                .timeout(properties.timeout())
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toJson()))
                .build();
    }

    private URI awards() {
        String base = properties.commandUri().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/internal/awards");
    }
}
