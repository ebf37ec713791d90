package io.learnstack.bench;

import java.util.Arrays;

/** The arithmetic behind the figures: nearest-rank percentiles, rates and ratios. */
final class Percentiles {

    private Percentiles() {
    }

    /**
     * The nearest-rank percentile: the smallest sample that at least {@code percent} % of the samples do not
     * exceed. No interpolation, so every figure is a latency that really happened.
     */
    static double percentile(double[] samples, double percent) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** Events per second for {@code count} events in {@code nanos}. */
    static double perSecond(long count, long nanos) {
        if (nanos <= 0) {
            throw new IllegalArgumentException("no time elapsed");
        }
        return count * 1e9 / nanos;
    }

    /** {@code figure / limit}, or NaN when there is no limit to compare with. */
    static double ratio(double figure, double limit) {
        return limit > 0 ? figure / limit : Double.NaN;
    }

    /** Nanoseconds as milliseconds. */
    static double millis(long nanos) {
        return nanos / 1e6;
    }
}
