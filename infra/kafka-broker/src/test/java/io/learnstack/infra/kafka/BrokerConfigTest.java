package io.learnstack.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;

import io.learnstack.infra.launcher.LauncherOptions;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

class BrokerConfigTest {

    private final LauncherOptions options = KafkaBroker.OPTIONS.parse(
            new String[] {"--data-dir", "/data/kafka", "--port", "19092", "--controller-port", "19093"}, Map.of());

    @Test
    void describesASingleNodeKraftClusterOnLoopback() {
        Properties props = BrokerConfig.properties(options);

        assertThat(props)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("log.dirs", "/data/kafka/data")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1");
    }

    @Test
    void isAcceptedByKafka() {
        KafkaConfig config = KafkaConfig.fromProps(BrokerConfig.properties(options), false);

        assertThat(config.nodeId()).isEqualTo(1);
        assertThat(config.numPartitions()).isEqualTo(6);
        assertThat(config.autoCreateTopicsEnable()).isTrue();
    }

    @Test
    void takesEventsThatCarryAnAttachmentOfAFullStatementRequest() {
        KafkaConfig config = KafkaConfig.fromProps(BrokerConfig.properties(options), false);

        // 8 MB of content, base64-encoded, with room for the event around it
        assertThat(config.messageMaxBytes()).isGreaterThanOrEqualTo(8 * 1024 * 1024 * 4 / 3 + 64 * 1024);
        assertThat(config.replicaFetchMaxBytes()).isEqualTo(config.messageMaxBytes());
    }
}
