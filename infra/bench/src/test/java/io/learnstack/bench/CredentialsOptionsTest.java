package io.learnstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CredentialsOptionsTest {

    @Test
    void theCredentialsScenarioIsItsOwnModeWithTenThousandLearnersByDefault() {
        BenchOptions options = BenchOptions.parse("--credentials");

        assertThat(options.credentials()).isTrue();
        assertThat(options.mode()).isEqualTo("credentials");
        assertThat(options.learners()).isEqualTo(10_000);
        assertThat(options.describe()).containsEntry("learners", "10000");
        assertThat(BenchOptions.parse("--credentials", "--learners", "50").learners()).isEqualTo(50);
        assertThat(BenchOptions.parse().mode()).isEqualTo("full");
        assertThat(BenchOptions.parse().describe()).doesNotContainKey("learners");
    }

    @Test
    void learnersMustBeAPositiveNumber() {
        assertThatThrownBy(() -> BenchOptions.parse("--credentials", "--learners", "0"))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> BenchOptions.parse("--learners", "lots")).hasMessageContaining("must be a number");
    }
}
