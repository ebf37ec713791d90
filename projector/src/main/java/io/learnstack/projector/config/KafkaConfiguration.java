package io.learnstack.projector.config;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import io.learnstack.projector.bus.DeadLetters;
import io.learnstack.projector.bus.PoisonRecordException;

@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    /**
     * Room on the dead-letter topic for the headers a dead letter gains (origin, exception, stack
     * trace) on top of a record as large as the main topic takes.
     */
    private static final int DEAD_LETTER_HEADROOM_BYTES = 1 << 20;

    /** Declared here too, so the projector can start before the command service has created it. */
    @Bean
    NewTopic learnerEventsTopic(@Value("${learnstack.projector.topic}") String topic,
            @Value("${learnstack.projector.partitions:6}") int partitions,
            @Value("${learnstack.projector.max-message-bytes:12582912}") int maxMessageBytes) {
        return new NewTopic(topic, partitions, (short) 1)
                .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxMessageBytes)));
    }

    @Bean
    NewTopic deadLetterTopic(@Value("${learnstack.projector.dead-letter-topic}") String topic,
            @Value("${learnstack.projector.partitions:6}") int partitions,
            @Value("${learnstack.projector.max-message-bytes:12582912}") int maxMessageBytes) {
        return new NewTopic(topic, partitions, (short) 1).configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                Integer.toString(maxMessageBytes + DEAD_LETTER_HEADROOM_BYTES)));
    }

    /** The projector's only producer: it writes dead letters, byte for byte as they were consumed. */
    @Bean
    ProducerFactory<String, byte[]> deadLetterProducerFactory(KafkaProperties properties,
            ObjectProvider<SslBundles> sslBundles,
            @Value("${learnstack.projector.max-message-bytes:12582912}") int maxMessageBytes) {
        Map<String, Object> config = properties.buildProducerProperties(sslBundles.getIfAvailable());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxMessageBytes + DEAD_LETTER_HEADROOM_BYTES);
        return new DefaultKafkaProducerFactory<>(config);
    }

    @Bean
    KafkaTemplate<String, byte[]> deadLetterTemplate(ProducerFactory<String, byte[]> deadLetterProducerFactory) {
        return new KafkaTemplate<>(deadLetterProducerFactory);
    }

    /**
     * A failed batch (read-model server unreachable, say) is retried with growing pauses for as long as
     * it takes; the default handler would give up after a few tries and commit past it, losing it. Only
     * a record the listener names as poison is recovered, at once, onto the dead-letter topic; nothing
     * else counts as not retryable, so no other failure can reach the recoverer.
     */
    @Bean
    DefaultErrorHandler retryForeverButDeadLetterPoison(DeadLetters deadLetters) {
        ExponentialBackOff backOff = new ExponentialBackOff(100, 2);
        backOff.setMaxInterval(10_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        handler.setClassifications(Map.of(PoisonRecordException.class, false), true);
        return handler;
    }
}
