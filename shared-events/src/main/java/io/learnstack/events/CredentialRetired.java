package io.learnstack.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * A credential was withdrawn from the catalogue: no one becomes eligible for it any more. Credentials
 * already issued stay valid until they expire or are revoked.
 *
 * @param tenant       the tenant (RTO)
 * @param credentialId the credential
 * @param retired      when
 * @since 0.3
 */
@Revision("1")
public record CredentialRetired(String tenant, String credentialId, Instant retired) implements CatalogueEvent {
}
