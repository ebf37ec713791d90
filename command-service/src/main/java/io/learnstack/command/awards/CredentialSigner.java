package io.learnstack.command.awards;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.events.CredentialDefinition;

/** Builds an award's OpenBadgeCredential and signs it with its tenant's key. */
class CredentialSigner {

    private final IssuerKeys keys;
    private final ObjectMapper json;
    private final PublicUrls urls;
    private final SecureRandom random = new SecureRandom();

    CredentialSigner(IssuerKeys keys, ObjectMapper json, PublicUrls urls) {
        this.keys = keys;
        this.json = json;
        this.urls = urls;
    }

    /** @return the signed credential, a VC-JWT */
    String sign(String awardId, String tenant, String learnerKey, CredentialDefinition definition, Instant validFrom,
            Instant validUntil) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        IssuerKey key = keys.current(tenant);
        String issuer = urls.issuer(tenant);
        return VcJwt.sign(json, OpenBadgeCredentials.build(json, issuer, urls.credential(awardId), tenant, learnerKey,
                definition, validFrom, validUntil, HexFormat.of().formatHex(salt)), key, issuer + "#" + key.keyId());
    }
}
