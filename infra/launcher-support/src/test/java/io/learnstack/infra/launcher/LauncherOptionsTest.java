package io.learnstack.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    private static final LauncherOptions.Parser PARSER =
            LauncherOptions.parser("ExampleServer", "LEARNSTACK_EXAMPLE", 9092).port("--controller-port", 9093);

    @Test
    void readsOptionsInBothSpellings() {
        LauncherOptions options = PARSER.parse(
                new String[] {"--data-dir", "/data/example", "--port=19092", "--controller-port", "19093"}, Map.of());

        assertThat(options).isEqualTo(new LauncherOptions(Path.of("/data/example"),
                Map.of("--port", 19092, "--controller-port", 19093)));
        assertThat(options.port()).isEqualTo(19092);
        assertThat(options.port("--controller-port")).isEqualTo(19093);
    }

    @Test
    void fallsBackToTheEnvironmentThenToDefaults() {
        LauncherOptions fromEnvironment = PARSER.parse(new String[0], Map.of(
                "LEARNSTACK_EXAMPLE_DATA_DIR", "/env/example", "LEARNSTACK_EXAMPLE_PORT", "29092"));

        assertThat(fromEnvironment.dataDir()).isEqualTo(Path.of("/env/example"));
        assertThat(fromEnvironment.port()).isEqualTo(29092);
        assertThat(fromEnvironment.port("--controller-port")).isEqualTo(9093);
    }

    @Test
    void prefersArgumentsOverTheEnvironment() {
        LauncherOptions options = PARSER.parse(new String[] {"--port", "1234", "--data-dir", "/arg"},
                Map.of("LEARNSTACK_EXAMPLE_DATA_DIR", "/env/example", "LEARNSTACK_EXAMPLE_PORT", "29092",
                        "LEARNSTACK_EXAMPLE_CONTROLLER_PORT", "29093"));

        assertThat(options.port()).isEqualTo(1234);
        assertThat(options.port("--controller-port")).isEqualTo(29093);
        assertThat(options.dataDir()).isEqualTo(Path.of("/arg"));
    }

    @Test
    void makesTheDataDirectoryAbsolute() {
        LauncherOptions options = PARSER.parse(new String[] {"--data-dir", "data/../example"}, Map.of());

        assertThat(options.dataDir()).isEqualTo(Path.of("example").toAbsolutePath());
    }

    @Test
    void rejectsMissingDataDirectoryAndBadOptions() {
        assertThatThrownBy(() -> PARSER.parse(new String[0], Map.of()))
                .hasMessageContaining("no data directory").hasMessageContaining("usage");
        assertThatThrownBy(() -> PARSER.parse(new String[] {"--data-dir", "/d", "--port", "http"}, Map.of()))
                .hasMessageContaining("not a port: http");
        assertThatThrownBy(() -> PARSER.parse(
                new String[] {"--data-dir", "/d", "--controller-port", "70000"}, Map.of()))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> PARSER.parse(new String[] {"--data-dir", "/d", "--verbose", "1"}, Map.of()))
                .hasMessageContaining("unknown option --verbose");
        assertThatThrownBy(() -> PARSER.parse(new String[] {"--data-dir"}, Map.of()))
                .hasMessageContaining("missing value for --data-dir");
    }

    @Test
    void namesEveryOptionAndVariableInTheUsage() {
        assertThat(PARSER.usage()).isEqualTo("usage: ExampleServer --data-dir DIR [--port P] [--controller-port C]"
                + " (or LEARNSTACK_EXAMPLE_DATA_DIR, LEARNSTACK_EXAMPLE_PORT, LEARNSTACK_EXAMPLE_CONTROLLER_PORT)");
        assertThat(LauncherOptions.parser("OtherServer", "LEARNSTACK_OTHER", 1).usage())
                .isEqualTo("usage: OtherServer --data-dir DIR [--port P]"
                        + " (or LEARNSTACK_OTHER_DATA_DIR, LEARNSTACK_OTHER_PORT)");
    }
}
