package io.learnstack.infra.demo;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/** A progress bar on one terminal line, redrawn at most a few times a second. */
final class Progress {

    private static final int WIDTH = 40;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final String what;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();
    private final long started = System.nanoTime();
    private volatile long drawn;

    /** A total below zero stands for one not known in advance. */
    Progress(PrintStream out, String what, int total) {
        this.out = out;
        this.what = what;
        this.total = total;
    }

    void step() {
        int now = done.incrementAndGet();
        long time = System.nanoTime();
        if (now == total || time - drawn > REDRAW_NANOS) {
            drawn = time;
            draw(now);
        }
    }

    void finish() {
        draw(done.get());
        out.println();
    }

    private synchronized void draw(int now) {
        if (total < 0) {
            // Of unknown size: a count only.
            out.printf("\r%-12s %d  %d s", what, now, (System.nanoTime() - started) / 1_000_000_000L);
            out.flush();
            return;
        }
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * now / total);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        out.printf("\r%-12s [%s%s] %d/%d  %d s", what, "#".repeat(filled), ".".repeat(WIDTH - filled), now, total,
                seconds);
        out.flush();
    }
}
