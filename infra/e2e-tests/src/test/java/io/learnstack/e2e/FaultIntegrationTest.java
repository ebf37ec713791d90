package io.learnstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstack.bench.fault.FaultOptions;
import io.learnstack.bench.fault.FaultRun;
import io.learnstack.bench.fault.Parts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fault check's short mode against the whole system: each part killed with SIGKILL under load and
 * restarted, and still every acknowledged statement readable exactly once and the read models equal
 * to their rebuild.
 */
class FaultIntegrationTest {

    private static Learnstack learnstack;

    @BeforeAll
    static void start() {
        learnstack = new Learnstack();
    }

    @AfterAll
    static void stop() {
        if (learnstack != null) {
            learnstack.close();
        }
    }

    @Test
    void killingEachPartLosesAndDuplicatesNothingAcknowledged() throws Exception {
        // given
        FaultOptions options = FaultOptions.parse("--short", "--rate", "20", "--writers", "2",
                "--base-url", learnstack.baseUrl(), "--read-model", learnstack.mongoUri());
        Parts parts = new Parts() {
            @Override
            public void kill(String part) {
                learnstack.kill(part);
            }

            @Override
            public void restart(String part) {
                learnstack.restart(part);
            }

            @Override
            public void rebuild() {
                learnstack.rebuild();
            }
        };

        // when
        FaultRun.Outcome outcome = FaultRun.run(options, parts);

        // then
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.rows()).extracting(FaultRun.Row::phase)
                .containsExactly("steady", "command-service", "projector", "query-service", "kafka", "event-store",
                        "read-model", "total");
        assertThat(outcome.rows()).allSatisfy(row -> {
            assertThat(row.acknowledged()).as(row.phase()).isPositive();
            assertThat(row.readable()).as(row.phase()).isEqualTo(row.acknowledged());
            assertThat(row.duplicated()).as(row.phase()).isZero();
            assertThat(row.lost()).as(row.phase()).isZero();
        });
        assertThat(outcome.total().retried()).as("requests that met a killed part were retried").isPositive();
    }
}
