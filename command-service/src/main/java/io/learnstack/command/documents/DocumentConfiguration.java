package io.learnstack.command.documents;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DocumentConfiguration {

    /**
     * A learner's state is rewritten at every bookmark, so a scope's history grows quickly; a snapshot
     * bounds how much of it each write reads.
     */
    @Bean
    SnapshotTriggerDefinition documentSnapshotTrigger(Snapshotter snapshotter, DocumentProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }
}
