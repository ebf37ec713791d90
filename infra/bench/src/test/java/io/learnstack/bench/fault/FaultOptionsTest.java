package io.learnstack.bench.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class FaultOptionsTest {

    @Test
    void killsEveryPartInTurnByDefault() {
        // when
        FaultOptions options = FaultOptions.parse("--base-url", "http://127.0.0.1:18180");

        // then
        assertThat(options.parts()).containsExactly("command-service", "projector", "query-service", "kafka",
                "event-store", "read-model");
        assertThat(options.baseUrl()).isEqualTo("http://127.0.0.1:18180");
        assertThat(options.downtime()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theShortModeShortensEveryPhase() {
        // when
        FaultOptions options = FaultOptions.parse("--short", "--rate", "20", "--parts", "kafka, projector");

        // then
        assertThat(options.parts()).containsExactly("kafka", "projector");
        assertThat(options.rate()).isEqualTo(20);
        assertThat(options.steady()).isLessThan(FaultOptions.parse().steady());
        assertThat(options.downtime()).isLessThan(FaultOptions.parse().downtime());
    }

    @Test
    void refusesAnUnknownPartOrRate() {
        assertThatThrownBy(() -> FaultOptions.parse("--parts", "kafka,gateway"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown part 'gateway'");
        assertThatThrownBy(() -> FaultOptions.parse("--rate", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--rate");
        assertThatThrownBy(() -> FaultOptions.parse("--rate"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing value");
    }
}
