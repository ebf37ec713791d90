package io.learnstack.query.awards;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;

import org.bson.Document;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

/**
 * Issuers for the read-side tests: Ed25519 keys, VC-JWTs signed with them, and the read-model documents
 * the projector would write for them.
 */
final class TestIssuers {

    static final String BASE = "https://lrs.example";
    static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final MongoDatabase readModels;

    TestIssuers(MongoDatabase readModels) {
        this.readModels = readModels;
    }

    /**
     * A tenant's key pair.
     *
     * @param keyId its id
     */
    record Key(String tenant, String keyId, KeyPair pair) {

        String jwk() {
            byte[] encoded = pair.getPublic().getEncoded();
            String x = BASE64URL.encodeToString(Arrays.copyOfRange(encoded, 12, encoded.length));
            return "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x + "\",\"kid\":\"" + keyId + "\"}";
        }

        String kid() {
            return BASE + "/issuers/" + tenant + "#" + keyId;
        }
    }

    /** Creates a key and publishes it as the projector would. */
    Key publishedKey(String tenant, String keyId) throws Exception {
        Key key = new Key(tenant, keyId, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        readModels.getCollection("issuer_keys").updateOne(new Document("_id", tenant),
                new Document("$set", new Document("tenant", tenant).append("keys." + keyId, new Document("keyId", keyId)
                        .append("algorithm", "Ed25519").append("jwk", key.jwk())
                        .append("published", Date.from(Instant.parse("2026-11-24T08:00:00Z"))))),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
        return key;
    }

    /** A credential of an award, issued by the tenant, valid until the given time (or for ever). */
    static String credential(String tenant, String awardId, Instant validUntil) {
        return "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
                + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],"
                + "\"id\":\"" + BASE + "/credentials/" + awardId + "\","
                + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],"
                + "\"issuer\":{\"id\":\"" + BASE + "/issuers/" + tenant + "\",\"type\":[\"Profile\"],\"name\":\"" + tenant + "\"},"
                + "\"validFrom\":\"2026-11-24T09:00:00Z\","
                + (validUntil == null ? "" : "\"validUntil\":\"" + validUntil + "\",")
                + "\"name\":\"Provide first aid\","
                + "\"credentialSubject\":{\"type\":[\"AchievementSubject\"],\"achievement\":{\"type\":[\"Achievement\"],"
                + "\"name\":\"Provide first aid <fast>\",\"description\":\"Gives first aid\","
                + "\"image\":{\"id\":\"https://rto.example/badges/first-aid.png\",\"type\":\"Image\"},"
                + "\"criteria\":{\"narrative\":\"Complete HLTAID011\"}}}}";
    }

    static String sign(String payload, Key key, String alg) throws Exception {
        String header = "{\"alg\":\"" + alg + "\",\"kid\":\"" + key.kid() + "\",\"typ\":\"vc+jwt\"}";
        String input = BASE64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(key.pair().getPrivate());
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + BASE64URL.encodeToString(signature.sign());
    }

    static String sign(String payload, Key key) throws Exception {
        return sign(payload, key, "EdDSA");
    }

    /** Records the award as the projector would. */
    void award(String tenant, String awardId, String status, Instant validUntil, String jwt) {
        readModels.getCollection("awards").replaceOne(new Document("_id", awardId), new Document("_id", awardId)
                        .append("tenant", tenant).append("learnerKey", "mbox:mailto:ada@example.org")
                        .append("credentialId", "first-aid").append("status", status)
                        .append("validFrom", Date.from(Instant.parse("2026-11-24T09:00:00Z")))
                        .append("validUntil", validUntil == null ? null : Date.from(validUntil))
                        .append("signedCredential", jwt),
                new ReplaceOptions().upsert(true));
    }
}
