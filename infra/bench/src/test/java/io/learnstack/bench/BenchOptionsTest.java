package io.learnstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void aLaterOptionWinsSoTheUsersOverrideTheScripts() {
        BenchOptions options = BenchOptions.parse("--base-url", "http://127.0.0.1:16080", "--clients", "2",
                "--base-url", "http://127.0.0.1:9999");

        assertThat(options.baseUrl()).isEqualTo("http://127.0.0.1:9999");
        assertThat(options.clients()).isEqualTo(2);
    }

    @Test
    void theShortModeHasSmallCountsAndNeverRebuilds() {
        BenchOptions options = BenchOptions.parse("--short", "--rebuild");

        assertThat(options.mode()).isEqualTo("short");
        assertThat(options.rebuild()).isFalse();
        assertThat(options.statements()).isLessThan(BenchOptions.parse().statements());
        assertThat(BenchOptions.parse("--rebuild").rebuild()).isTrue();
    }

    @Test
    void theSoakIsItsOwnModeWithAThousandStatementsASecondForTenMinutesByDefault() {
        BenchOptions options = BenchOptions.parse("--soak");

        assertThat(options.mode()).isEqualTo("soak");
        assertThat(options.rate()).isEqualTo(1000);
        assertThat(options.minutes()).isEqualTo(10);
        assertThat(options.batch()).isEqualTo(100);
        assertThat(options.describe()).containsEntry("rate", "1000").containsEntry("minutes", "10");
        assertThatThrownBy(() -> BenchOptions.parse("--soak", "--rate", "0"))
                .hasMessageContaining("--rate must be at least 1");
    }

    @Test
    void aRecomputeOnlyRunIsKeptApartFromTheFullCredentialsRuns() {
        BenchOptions options = BenchOptions.parse("--credentials", "--recompute-only", "--learners", "10000");

        assertThat(options.mode()).isEqualTo("credentials-recompute");
        assertThat(options.recomputeOnly()).isTrue();
        assertThat(options.describe()).containsEntry("recompute-only", "true").containsEntry("learners", "10000");
        assertThat(BenchOptions.parse("--credentials").mode()).isEqualTo("credentials");
        assertThat(BenchOptions.parse("--credentials").recomputeOnly()).isFalse();
    }

    @Test
    void theResultsAndPidFilesLiveInTheDataDirectory() {
        BenchOptions options = BenchOptions.parse("--data-dir", "/tmp/ls");

        assertThat(options.resultsDir()).isEqualTo(Path.of("/tmp/ls/bench"));
        assertThat(options.runDir()).isEqualTo(Path.of("/tmp/ls/run"));
        assertThat(options.data()).isEqualTo(Path.of("../shared/data/xapi"));
    }

    @Test
    void unknownOptionsMissingValuesAndBadNumbersAreRefused() {
        assertThatThrownBy(() -> BenchOptions.parse("--fast")).hasMessageContaining("unknown option --fast");
        assertThatThrownBy(() -> BenchOptions.parse("--clients")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchOptions.parse("--clients", "many")).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> BenchOptions.parse("--clients", "0")).hasMessageContaining("at least 1");
    }
}
