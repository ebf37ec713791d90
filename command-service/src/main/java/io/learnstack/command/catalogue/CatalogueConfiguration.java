package io.learnstack.command.catalogue;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogueConfiguration {

    /**
     * A tenant's whole catalogue is one aggregate, and every revision of every credential adds to its
     * history; a snapshot bounds how much of it each change and each lookup reads.
     */
    @Bean
    SnapshotTriggerDefinition catalogueSnapshotTrigger(Snapshotter snapshotter, CatalogueProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }
}
