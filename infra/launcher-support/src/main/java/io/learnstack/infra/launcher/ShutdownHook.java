package io.learnstack.infra.launcher;

import java.util.concurrent.CountDownLatch;

/**
 * A launcher's clean stop, run by the JVM as it shuts down (SIGTERM, Ctrl-C, {@link System#exit}, or
 * {@link ParentWatch} noticing that the parent ended).
 *
 * <p>{@link #awaitStopped()} lets a launcher's {@code main} block until its server has been stopped.
 */
public final class ShutdownHook {

    private final CountDownLatch stopped = new CountDownLatch(1);

    private ShutdownHook() {
    }

    /**
     * @param threadName the name of the hook's thread, as thread dumps show it
     * @param stop       stops the server; should not call {@link System#exit}, which would block the JVM
     * @return the registered hook
     */
    public static ShutdownHook register(String threadName, Runnable stop) {
        ShutdownHook hook = new ShutdownHook();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop.run();
            } finally {
                hook.stopped.countDown();
            }
        }, threadName));
        return hook;
    }

    /**
     * Blocks until the stop action has run to its end.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }
}
