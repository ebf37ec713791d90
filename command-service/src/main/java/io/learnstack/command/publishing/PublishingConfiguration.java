package io.learnstack.command.publishing;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

    @Bean
    NewTopic learnerEventsTopic(PublishingProperties properties) {
        return new NewTopic(properties.topic(), properties.partitions(), properties.replicationFactor())
                .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(properties.maxMessageBytes())));
    }

    /**
     * A failed send must stop the publisher and retry the batch, never skip it: the default handler
     * would log the failure and move the token past an event that never reached Kafka.
     */
    @Autowired
    void propagatePublishingFailures(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(KafkaOutboxPublisher.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }

    /** Every event published on the bus, in aggregates or not, is stored with its Kafka key. */
    @Autowired
    void stampPartitionKeys(EventBus eventBus) {
        eventBus.registerDispatchInterceptor(new PartitionKeyStamp());
    }
}
