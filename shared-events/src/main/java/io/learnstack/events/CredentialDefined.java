package io.learnstack.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * A credential was added to a tenant's catalogue (revision 1).
 *
 * @param tenant     the tenant (RTO)
 * @param definition the definition
 * @param defined    when
 * @since 0.3
 */
@Revision("1")
public record CredentialDefined(String tenant, CredentialDefinition definition, Instant defined)
        implements CatalogueEvent {

    @Override
    public String credentialId() {
        return definition.credentialId();
    }
}
