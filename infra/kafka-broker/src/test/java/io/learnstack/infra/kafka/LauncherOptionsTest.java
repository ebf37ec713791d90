package io.learnstack.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    @Test
    void readsOptionsInBothSpellings() {
        LauncherOptions options = LauncherOptions.parse(
                new String[] {"--data-dir", "/data/kafka", "--port=19092", "--controller-port", "19093"}, Map.of());

        assertThat(options).isEqualTo(new LauncherOptions(Path.of("/data/kafka"), 19092, 19093));
    }

    @Test
    void fallsBackToTheEnvironmentThenToDefaults() {
        LauncherOptions fromEnvironment = LauncherOptions.parse(new String[0], Map.of(
                "LEARNSTACK_KAFKA_DATA_DIR", "/env/kafka", "LEARNSTACK_KAFKA_PORT", "29092"));

        assertThat(fromEnvironment).isEqualTo(new LauncherOptions(Path.of("/env/kafka"), 29092, 9093));
    }

    @Test
    void prefersArgumentsOverTheEnvironment() {
        LauncherOptions options = LauncherOptions.parse(new String[] {"--port", "1234", "--data-dir", "/arg"},
                Map.of("LEARNSTACK_KAFKA_DATA_DIR", "/env/kafka", "LEARNSTACK_KAFKA_PORT", "29092"));

        assertThat(options.port()).isEqualTo(1234);
        assertThat(options.dataDir()).isEqualTo(Path.of("/arg"));
    }

    @Test
    void rejectsMissingDataDirectoryAndBadPorts() {
        assertThatThrownBy(() -> LauncherOptions.parse(new String[0], Map.of()))
                .hasMessageContaining("no data directory").hasMessageContaining("usage");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--data-dir", "/d", "--port", "http"}, Map.of()))
                .hasMessageContaining("not a port: http");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--data-dir", "/d", "--port", "70000"}, Map.of()))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--data-dir", "/d", "--verbose", "1"}, Map.of()))
                .hasMessageContaining("unknown option --verbose");
    }
}
