package io.learnstack.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class HousekeepingTest {

    @Test
    void runsItsRoundAgainAndAgain() throws InterruptedException {
        // given
        CountDownLatch threeRounds = new CountDownLatch(3);

        // when
        Housekeeping housekeeping = Housekeeping.start("test-housekeeping", Duration.ofMillis(10),
                threeRounds::countDown);

        // then
        try {
            assertThat(threeRounds.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            housekeeping.stop();
        }
    }

    @Test
    void stoppingLetsARoundInProgressFinishUninterrupted() throws InterruptedException {
        // given a round under way
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        Housekeeping housekeeping = Housekeeping.start("test-housekeeping", Duration.ofMillis(1), () -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            finished.set(true);
        });
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        // when it is stopped
        Thread stopping = new Thread(housekeeping::stop);
        stopping.start();
        while (stopping.getState() != Thread.State.TIMED_WAITING && stopping.isAlive()) {
            Thread.onSpinWait();
        }

        // then stopping waits for the round, which goes on uninterrupted and ends when it is done
        assertThat(stopping.isAlive()).isTrue();
        release.countDown();
        stopping.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(stopping.isAlive()).isFalse();
        assertThat(finished).isTrue();
        assertThat(interrupted).isFalse();
    }
}
