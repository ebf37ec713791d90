package io.learnstack.command.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the document resources.
 *
 * @param maxSize           the largest document the LRS stores. A document travels whole in one Kafka
 *                          record, Base64-encoded inside JSON, and Kafka's default limit on a record is
 *                          1 MiB; raise the brokers' and producer's limits before this.
 * @param snapshotThreshold after how many events read to rebuild a scope's aggregate it is snapshotted
 */
@ConfigurationProperties("learnstack.documents")
public record DocumentProperties(
        @DefaultValue("512KB") DataSize maxSize,
        @DefaultValue("50") int snapshotThreshold) {
}
