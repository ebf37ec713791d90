package io.learnstack.command.catalogue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the credential catalogue.
 *
 * @param snapshotThreshold after how many events read to rebuild a tenant's catalogue it is snapshotted
 */
@ConfigurationProperties("learnstack.catalogue")
public record CatalogueProperties(@DefaultValue("100") int snapshotThreshold) {
}
