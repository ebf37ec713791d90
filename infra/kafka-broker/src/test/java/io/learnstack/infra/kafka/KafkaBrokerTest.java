package io.learnstack.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import io.learnstack.infra.launcher.LauncherOptions;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void fallsBackToTheKafkaVariablesThenToTheDefaultPorts() {
        LauncherOptions options = KafkaBroker.OPTIONS.parse(new String[0], Map.of(
                "LEARNSTACK_KAFKA_DATA_DIR", "/env/kafka", "LEARNSTACK_KAFKA_PORT", "29092"));

        assertThat(options).isEqualTo(new LauncherOptions(Path.of("/env/kafka"),
                Map.of("--port", 29092, "--controller-port", 9093)));
    }

    @Test
    void namesTheControllerPortInItsUsage() {
        assertThat(KafkaBroker.OPTIONS.usage()).isEqualTo(
                "usage: KafkaBroker --data-dir DIR [--port P] [--controller-port C]"
                        + " (or LEARNSTACK_KAFKA_DATA_DIR, LEARNSTACK_KAFKA_PORT, LEARNSTACK_KAFKA_CONTROLLER_PORT)");
    }
}
