package io.learnstack.command.awards;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Publish a tenant's public signing key, once.
 *
 * @param aggregateId the issuer's identity in the event store
 * @param tenant      the tenant
 * @param keyId       the key's id
 * @param publicJwk   the public key as a JSON Web Key
 * @param published   when
 */
record PublishIssuerKey(@TargetAggregateIdentifier String aggregateId, String tenant, String keyId, String publicJwk,
        Instant published) {
}
