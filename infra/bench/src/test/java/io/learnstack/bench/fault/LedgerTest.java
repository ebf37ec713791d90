package io.learnstack.bench.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LedgerTest {

    @Test
    void aRetriedBatchIsCountedOnceInThePhaseItWasFirstAcknowledgedIn() {
        // given
        Ledger ledger = new Ledger();
        ledger.phase("kafka");
        ledger.down("kafka");
        ledger.acknowledge(List.<String[]>of(new String[] {"a", "passed"}, new String[] {"b", "failed"}), ledger.down());
        ledger.down(null);
        ledger.phase("event-store");
        ledger.retried();

        // when
        ledger.acknowledge(List.<String[]>of(new String[] {"a", "passed"}), null);

        // then
        assertThat(ledger.acknowledged()).hasSize(2);
        assertThat(ledger.acknowledged().get("a").phase()).isEqualTo("kafka");
        assertThat(ledger.acceptedWhileDown("kafka")).isEqualTo(2);
        assertThat(ledger.retries("event-store")).isEqualTo(1);
        assertThat(ledger.retries("kafka")).isZero();
        assertThat(ledger.verbCounts()).containsEntry("passed", 1L).containsEntry("failed", 1L);
    }
}
