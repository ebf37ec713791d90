package io.learnstack.infra.launcher;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Work a server repeats while it runs, such as compacting its files, on one daemon thread. Stopping lets a
 * round in progress finish rather than interrupting it: an interrupt during file I/O closes the file channel
 * of an H2 store under the database.
 */
public final class Housekeeping {

    private static final long STOP_WAIT_SECONDS = 30;

    private final ScheduledExecutorService executor;

    private Housekeeping(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /**
     * @param threadName the thread's name, as thread dumps show it
     * @param interval   the pause between the end of one round and the start of the next, and before the first
     * @param round      one round; it handles its own failures, as one that throws ends the rounds
     * @return the running rounds
     */
    public static Housekeeping start(String threadName, Duration interval, Runnable round) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(round, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return new Housekeeping(executor);
    }

    /** Starts no further round and waits, up to 30 s, for one in progress to end. */
    public void stop() {
        executor.shutdown();
        try {
            executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
