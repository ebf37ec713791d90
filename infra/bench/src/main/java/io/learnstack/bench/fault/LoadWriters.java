package io.learnstack.bench.fault;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writers posting batches of statements at a steady rate. A batch that is not acknowledged (an error
 * status, a refused connection, a timeout) is sent again, the same ids and body, until it is: the system
 * answers an identical statement it already holds as accepted, so a retry is counted once.
 */
final class LoadWriters {

    private static final long RETRY_PAUSE_MS = 250;

    private final Lrs lrs;
    private final FaultStatements statements;
    private final Ledger ledger;
    private final FaultOptions options;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong rejected = new AtomicLong();
    private volatile boolean running;
    private volatile String lastError = "";

    LoadWriters(Lrs lrs, FaultStatements statements, Ledger ledger, FaultOptions options) {
        this.lrs = lrs;
        this.statements = statements;
        this.ledger = ledger;
        this.options = options;
    }

    void start() {
        running = true;
        // Each writer's share of the rate: one batch every interval.
        long intervalNanos = (long) (1e9 * options.writers() * options.batch() / options.rate());
        for (int i = 0; i < options.writers(); i++) {
            long offset = intervalNanos * i / options.writers();
            Thread thread = new Thread(() -> write(intervalNanos, offset), "fault-writer-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Stops taking new batches and waits until every batch in hand is acknowledged. */
    void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** Answers that said the request itself was wrong (4xx other than 408/429): a fault of this run. */
    long rejected() {
        return rejected.get();
    }

    String lastError() {
        return lastError;
    }

    private void write(long intervalNanos, long offset) {
        long next = System.nanoTime() + offset;
        while (running) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                sleep(wait / 1_000_000);
            }
            next += intervalNanos;
            if (!running) {
                break;
            }
            FaultStatements.Batch batch = statements.batch(options.batch());
            send(batch);
            // A writer that fell behind (the system was down) does not burst to catch up.
            next = Math.max(next, System.nanoTime());
        }
    }

    private void send(FaultStatements.Batch batch) {
        String downAtFirst = ledger.down();
        boolean first = true;
        while (true) {
            try {
                HttpResponse<String> answer = lrs.postStatements(batch.body());
                int status = answer.statusCode();
                if (status / 100 == 2) {
                    ledger.acknowledge(batch.idsAndVerbs(), first ? downAtFirst : null);
                    return;
                }
                lastError = "HTTP " + status + ": " + abbreviate(answer.body());
                if (status / 100 == 4 && status != 408 && status != 429) {
                    // Retrying a request the system says is wrong would loop: count it and drop the batch.
                    rejected.incrementAndGet();
                    return;
                }
            } catch (IOException e) {
                lastError = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            first = false;
            ledger.retried();
            sleep(RETRY_PAUSE_MS);
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
