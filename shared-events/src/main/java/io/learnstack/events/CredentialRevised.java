package io.learnstack.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * A credential's definition was replaced by a new revision. Eligibility is recomputed for every learner;
 * credentials already issued keep the revision they were issued under.
 *
 * @param tenant     the tenant (RTO)
 * @param definition the new revision, whole
 * @param revised    when
 * @since 0.3
 */
@Revision("1")
public record CredentialRevised(String tenant, CredentialDefinition definition, Instant revised)
        implements CatalogueEvent {

    @Override
    public String credentialId() {
        return definition.credentialId();
    }
}
