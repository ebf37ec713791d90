package io.learnstack.bench.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CredentialsBenchTest {

    @Test
    void percentilesAreNearestRankSoEachIsALatencyThatHappened() {
        List<Double> samples = List.of(40.0, 10.0, 30.0, 20.0);

        assertThat(CredentialsBench.percentile(samples, 50)).isEqualTo(20.0);
        assertThat(CredentialsBench.percentile(samples, 99)).isEqualTo(40.0);
        assertThat(CredentialsBench.percentile(List.of(7.0), 50)).isEqualTo(7.0);
    }
}
