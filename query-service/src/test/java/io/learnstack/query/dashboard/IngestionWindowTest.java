package io.learnstack.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IngestionWindowTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    private static IngestionWindow.Sample at(int seconds, long totalEnd) {
        return new IngestionWindow.Sample(T0.plusSeconds(seconds), totalEnd);
    }

    @Nested
    class Rate {

        private final IngestionWindow window = new IngestionWindow(Duration.ofSeconds(60));

        @Test
        void isZeroUntilTwoSamplesExist() {
            assertThat(window.perSecond()).isZero();
            window.add(at(0, 500));
            assertThat(window.perSecond()).isZero();
        }

        @Test
        void isTheRecordsAppendedOverTheTimeBetweenSamplesWhileTheWindowIsNotFull() {
            // given
            window.add(at(0, 100));
            window.add(at(10, 300));

            // when
            window.add(at(20, 400));

            // then: 300 records in 20 s
            assertThat(window.perSecond()).isCloseTo(15.0, within(1e-9));
        }

        @Test
        void countsOnlyTheLastMinuteOnceMoreHasPassed() {
            // given: a burst of 6000 in the first 10 s, then 10 per second
            window.add(at(0, 0));
            window.add(at(10, 6000));
            for (int s = 20; s <= 80; s += 10) {
                window.add(at(s, 6000 + (s - 10) * 10L));
            }

            // then: the burst lies outside [20 s, 80 s]
            assertThat(window.perSecond()).isCloseTo(10.0, within(1e-9));
        }

        @Test
        void takesTheShareOfAnIntervalThatStraddlesTheWindowStart() {
            // given: 0..30 s at 2/s, 30..90 s at 1/s; the window is [30 s, 90 s] only if sampled at 30
            window.add(at(0, 0));
            window.add(at(40, 70));   // 0..30 at 2/s = 60, 30..40 at 1/s = 10
            window.add(at(90, 120));

            // then: the window [30, 90] holds 10 + 50 records... measured at the first interval's mean rate
            // (70 records in 40 s) for its 10 s inside: 17.5 + 50 = 67.5 in 60 s
            assertThat(window.perSecond()).isCloseTo(67.5 / 60, within(1e-9));
        }

        @Test
        void startsAfreshWhenTheTopicWasRecreated() {
            // given
            window.add(at(0, 10_000));
            window.add(at(10, 20_000));

            // when: the offsets start again from nothing
            window.add(at(20, 50));
            window.add(at(30, 150));

            // then
            assertThat(window.perSecond()).isCloseTo(10.0, within(1e-9));
        }

        @Test
        void ignoresASampleThatIsNotNewer() {
            window.add(at(0, 0));
            window.add(at(10, 100));
            window.add(at(10, 5000));

            assertThat(window.perSecond()).isCloseTo(10.0, within(1e-9));
        }

        @Test
        void isZeroWhenNothingArrives() {
            window.add(at(0, 42));
            window.add(at(30, 42));

            assertThat(window.perSecond()).isZero();
        }
    }

    @Nested
    class Lag {

        @Test
        void sumsWhatEachPartitionIsBehind() {
            assertThat(IngestionWindow.lag(Map.of(0, 100L, 1, 50L), Map.of(0, 90L, 1, 50L))).isEqualTo(10);
        }

        @Test
        void countsAPartitionWithoutACommitWhole() {
            assertThat(IngestionWindow.lag(Map.of(0, 100L, 1, 7L), Map.of(0, 100L))).isEqualTo(7);
        }

        @Test
        void neverCountsACommitAheadOfTheEndAsNegative() {
            assertThat(IngestionWindow.lag(Map.of(0, 10L, 1, 5L), Map.of(0, 12L, 1, 0L))).isEqualTo(5);
        }

        @Test
        void isZeroForAnEmptyTopic() {
            assertThat(IngestionWindow.lag(Map.of(), Map.of())).isZero();
        }
    }
}
