package io.learnstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankPicksASampleThatHappened() {
        double[] samples = {5, 1, 4, 2, 3};

        assertThat(Percentiles.percentile(samples, 50)).isEqualTo(3);
        assertThat(Percentiles.percentile(samples, 99)).isEqualTo(5);
        assertThat(Percentiles.percentile(samples, 20)).isEqualTo(1);
        assertThat(Percentiles.percentile(samples, 21)).isEqualTo(2);
    }

    @Test
    void theNinetyNinthOfAHundredIsTheSecondLargest() {
        double[] samples = new double[100];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 100 - i;
        }

        assertThat(Percentiles.percentile(samples, 99)).isEqualTo(99);
        assertThat(Percentiles.percentile(samples, 50)).isEqualTo(50);
        assertThat(Percentiles.percentile(samples, 100)).isEqualTo(100);
    }

    @Test
    void oneSampleIsEveryPercentile() {
        assertThat(Percentiles.percentile(new double[] {7}, 50)).isEqualTo(7);
        assertThat(Percentiles.percentile(new double[] {7}, 99)).isEqualTo(7);
    }

    @Test
    void theSamplesAreLeftInTheirOrder() {
        double[] samples = {3, 1, 2};

        Percentiles.percentile(samples, 50);

        assertThat(samples).containsExactly(3, 1, 2);
    }

    @Test
    void noSamplesOrAPercentOutsideTheRangeIsRefused() {
        assertThatThrownBy(() -> Percentiles.percentile(new double[0], 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.percentile(new double[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.percentile(new double[] {1}, 101))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ratesAreCountedPerSecond() {
        assertThat(Percentiles.perSecond(500, 250_000_000L)).isCloseTo(2000, within(1e-9));
        assertThatThrownBy(() -> Percentiles.perSecond(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRatioIsTheFigureOverItsLimitAndNothingWithoutALimit() {
        assertThat(Percentiles.ratio(250, 1000)).isCloseTo(0.25, within(1e-12));
        assertThat(Percentiles.ratio(250, 0)).isNaN();
    }

    @Test
    void samplesFromSeveralThreadsGiveBothPercentilesInMilliseconds() throws InterruptedException {
        Samples samples = new Samples();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(start(() -> {
                for (int i = 1; i <= 100; i++) {
                    samples.addNanos(i * 1_000_000L);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<Figure> figures = new ArrayList<>();

        samples.addTo(figures, "write.batch-1.request");

        assertThat(samples.size()).isEqualTo(400);
        assertThat(figures).containsExactly(new Figure("write.batch-1.request.p50", 50, "ms"),
                new Figure("write.batch-1.request.p99", 99, "ms"));
    }

    @Test
    void noSamplesGiveNoFigures() {
        List<Figure> figures = new ArrayList<>();

        new Samples().addTo(figures, "query.agent");

        assertThat(figures).isEmpty();
    }

    private static Thread start(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }
}
