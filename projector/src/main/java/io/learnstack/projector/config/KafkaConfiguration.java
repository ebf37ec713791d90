package io.learnstack.projector.config;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    /** Declared here too, so the projector can start before the command service has created it. */
    @Bean
    NewTopic learnerEventsTopic(@Value("${learnstack.projector.topic}") String topic,
            @Value("${learnstack.projector.partitions:6}") int partitions,
            @Value("${learnstack.projector.max-message-bytes:12582912}") int maxMessageBytes) {
        return new NewTopic(topic, partitions, (short) 1)
                .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxMessageBytes)));
    }

    /**
     * A failed batch (read-model server unreachable, say) is retried with growing pauses for as long as
     * it takes; the default handler would give up after a few tries and commit past it, losing it.
     */
    @Bean
    DefaultErrorHandler retryForever() {
        ExponentialBackOff backOff = new ExponentialBackOff(100, 2);
        backOff.setMaxInterval(10_000);
        return new DefaultErrorHandler(backOff);
    }
}
