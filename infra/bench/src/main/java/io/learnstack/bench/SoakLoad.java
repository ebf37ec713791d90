package io.learnstack.bench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A steady offered load for a fixed time, with each part's resident memory sampled as it runs: the check that
 * memory stays flat under a sustained load rather than creeping until the process dies.
 * <p>
 * Batches leave on a fixed schedule, not as fast as they are answered, so the rate offered does not fall
 * when the system slows down; a batch whose time comes while every client is still waiting is counted as
 * not sent, which is how a system slower than the offered rate shows. A 429 or 503 is the system's own
 * back-pressure and is counted apart from errors.
 */
final class SoakLoad {

    private final XapiClient xapi;
    private final ObjectMapper json;
    private final StatementSource source;
    private final Path runDir;

    SoakLoad(XapiClient xapi, ObjectMapper json, StatementSource source, Path runDir) {
        this.xapi = xapi;
        this.json = json;
        this.source = source;
        this.runDir = runDir;
    }

    /** One sampling window: what was offered and answered in it, and each part's memory at its end. */
    record Window(long secondsIn, long sent, long accepted, long throttled, long errors, long unsent,
                  Map<String, Long> residentMib) {
    }

    /**
     * The whole run.
     *
     * @param windows    one per sampling window, in order
     * @param latency    per accepted request
     * @param firstError what the first failed request said, if any
     * @param lastIds    the ids of the last accepted batch, to check they become readable
     */
    record Result(List<Window> windows, Samples latency, String firstError, List<String> lastIds) {

        long total(java.util.function.ToLongFunction<Window> field) {
            return windows.stream().mapToLong(field).sum();
        }
    }

    Result run(int ratePerSecond, int batchSize, int clients, long seconds, long windowSeconds)
            throws InterruptedException {
        long periodNanos = TimeUnit.SECONDS.toNanos(1) * batchSize / ratePerSecond;
        Semaphore idle = new Semaphore(clients);
        ExecutorService writers = Executors.newFixedThreadPool(clients);
        Counts counts = new Counts();
        Samples latency = new Samples();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicReference<List<String>> lastIds = new AtomicReference<>(List.of());
        List<Window> windows = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long nextWindow = start + TimeUnit.SECONDS.toNanos(windowSeconds);
        long nextBatch = start;
        while (nextBatch < end) {
            long now = System.nanoTime();
            if (now < nextBatch) {
                TimeUnit.NANOSECONDS.sleep(nextBatch - now);
            }
            if (System.nanoTime() >= nextWindow) {
                windows.add(counts.close(TimeUnit.NANOSECONDS.toSeconds(nextWindow - start), resident()));
                print(windows.get(windows.size() - 1), batchSize);
                nextWindow += TimeUnit.SECONDS.toNanos(windowSeconds);
            }
            nextBatch += periodNanos;
            if (!idle.tryAcquire()) {
                counts.unsent.addAndGet(batchSize);
                continue;
            }
            List<ObjectNode> batch = source.batch(batchSize);
            writers.execute(() -> {
                try {
                    send(batch, counts, latency, firstError, lastIds);
                } finally {
                    idle.release();
                }
            });
        }
        writers.shutdown();
        writers.awaitTermination(5, TimeUnit.MINUTES);
        windows.add(counts.close(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), resident()));
        print(windows.get(windows.size() - 1), batchSize);
        return new Result(windows, latency, firstError.get(), lastIds.get());
    }

    private void send(List<ObjectNode> batch, Counts counts, Samples latency, AtomicReference<String> firstError,
                      AtomicReference<List<String>> lastIds) {
        counts.sent.addAndGet(batch.size());
        try {
            long sent = System.nanoTime();
            HttpResponse<String> response = xapi.post(json.writeValueAsString(batch));
            int status = response.statusCode();
            if (status == 200) {
                latency.addNanos(System.nanoTime() - sent);
                counts.accepted.addAndGet(batch.size());
                lastIds.set(batch.stream().map(statement -> statement.get("id").asText()).toList());
            } else if (status == 429 || status == 503) {
                counts.throttled.addAndGet(batch.size());
            } else {
                counts.errors.addAndGet(batch.size());
                firstError.compareAndSet(null, "POST answered " + status + ": " + abbreviate(response.body()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            counts.errors.addAndGet(batch.size());
            firstError.compareAndSet(null, "POST failed: " + e);
        }
    }

    /** Each running part's resident set now, in MiB. */
    private Map<String, Long> resident() {
        Map<String, Long> mib = new TreeMap<>();
        PeakMemory.pids(runDir).forEach((part, pid) -> PeakMemory.residentKib(Path.of("/proc", pid, "status"))
                .ifPresent(kib -> mib.put(part, kib / 1024)));
        return mib;
    }

    private static void print(Window window, int batchSize) {
        System.out.printf("bench: soak %4d s: %6d sent, %6d accepted, %5d throttled, %5d failed, %6d not sent; "
                        + "RSS MiB %s%n", window.secondsIn(), window.sent(), window.accepted(), window.throttled(),
                window.errors(), window.unsent(), window.residentMib());
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    /** Statements counted since the last window closed. */
    private static final class Counts {

        final AtomicLong sent = new AtomicLong();
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong throttled = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong unsent = new AtomicLong();

        Window close(long secondsIn, Map<String, Long> residentMib) {
            return new Window(secondsIn, sent.getAndSet(0), accepted.getAndSet(0), throttled.getAndSet(0),
                    errors.getAndSet(0), unsent.getAndSet(0), residentMib);
        }
    }
}
