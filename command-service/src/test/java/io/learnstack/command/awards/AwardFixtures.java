package io.learnstack.command.awards;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Period;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.events.CredentialDefinition;
import io.learnstack.events.CredentialDefinition.IssuancePolicy;
import io.learnstack.events.Requirement;

/** Definitions, in-memory keys and JWT reading for the award tests. */
final class AwardFixtures {

    static final String BASE = "https://lrs.example";
    static final String ADA = "mbox:mailto:ada@example.org";

    private AwardFixtures() {
    }

    static CredentialDefinition firstAid(Period validity) {
        return new CredentialDefinition("first-aid", 2, "Provide first aid", "Gives first aid in an emergency",
                "https://rto.example/badges/first-aid.png", "unit",
                new Requirement.ActivityCompleted("https://rto.example/units/HLTAID011"), validity,
                IssuancePolicy.AUTOMATIC);
    }

    /** Keys kept in memory, one per tenant, created on first use. */
    static final class MemoryKeys implements IssuerKeys {

        private final Map<String, IssuerKey> keys = new ConcurrentHashMap<>();

        @Override
        public IssuerKey current(String tenant) {
            return keys.computeIfAbsent(tenant, IssuerKey::generate);
        }
    }

    static JsonNode header(String jwt) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
    }

    static JsonNode payload(String jwt) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    /** Whether the JWS signature holds under the key, checked with the JDK alone. */
    static boolean signatureHolds(String jwt, IssuerKey key) throws GeneralSecurityException {
        String[] parts = jwt.split("\\.");
        Signature signature = Signature.getInstance("Ed25519");
        signature.initVerify(key.publicKey());
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
    }
}
