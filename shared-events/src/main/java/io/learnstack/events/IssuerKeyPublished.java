package io.learnstack.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * A tenant's credential-signing key pair was created; the public half is published so that anyone can
 * verify the tenant's credentials. The private half never leaves the command side's key store.
 *
 * @param tenant    the tenant (RTO), the issuer
 * @param keyId     the key's id, as credentials' proofs or JWT headers name it
 * @param algorithm the signature algorithm, e.g. {@code Ed25519}
 * @param publicKey the public key as a JSON Web Key (JSON text)
 * @param published when
 * @since 0.3
 */
@Revision("1")
public record IssuerKeyPublished(String tenant, String keyId, String algorithm, String publicKey, Instant published)
        implements LearnstackEvent {

    @Override
    public String partitionKey() {
        return tenant + "|issuer";
    }
}
