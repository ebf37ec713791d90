package io.learnstack.query.awards;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Verifies a VC-JWT this LRS issued: the signature under a key of the issuer the credential itself names
 * (so a credential signed by one tenant never passes as another's), its validity period, and whether
 * the issuer revoked it.
 */
@Component
class CredentialVerifier {

    private final AwardReader reader;
    private final PublicUrls urls;
    private final ObjectMapper json;

    CredentialVerifier(AwardReader reader, PublicUrls urls, ObjectMapper json) {
        this.reader = reader;
        this.urls = urls;
        this.json = json;
    }

    /** @throws MalformedCredentialException when the text is not a JWS at all */
    Verdict verify(String jwt, Instant now) {
        CompactJws jws = CompactJws.parse(json, jwt);
        JsonNode credential = jws.payload();
        List<String> problems = new ArrayList<>();
        String issuer = issuerId(credential);
        String awardId = urls.awardOf(credential.path("id").asText(null)).orElse(null);

        boolean signed = signatureHolds(jws, issuer, problems);
        String validUntil = credential.path("validUntil").asText(null);
        boolean expired = expired(validUntil, now, problems);
        boolean revoked = false;
        if (awardId != null) {
            Optional<Award> award = reader.award(awardId);
            Optional<String> tenant = issuer == null ? Optional.empty() : urls.tenantOf(issuer);
            if (award.isPresent() && tenant.isPresent() && award.get().tenant().equals(tenant.get())) {
                revoked = "revoked".equals(award.get().status());
                if (!expired && "expired".equals(award.get().status())) {
                    expired = true;
                    problems.add("the issuer recorded the credential as expired");
                }
            }
        }
        if (revoked) {
            problems.add("the issuer revoked the credential");
        }
        return new Verdict(signed && !expired && !revoked, signed ? "ok" : "failed", expired ? "expired" : "ok",
                revoked ? "revoked" : "ok", awardId, issuer, credential.path("validFrom").asText(null), validUntil,
                problems);
    }

    private static String issuerId(JsonNode credential) {
        JsonNode issuer = credential.get("issuer");
        if (issuer == null) {
            return null;
        }
        return issuer.isTextual() ? issuer.asText() : issuer.path("id").asText(null);
    }

    private boolean signatureHolds(CompactJws jws, String issuer, List<String> problems) {
        String alg = jws.header().path("alg").asText();
        if (!"EdDSA".equals(alg)) {
            problems.add("the signature algorithm must be EdDSA, not '" + alg + "'");
            return false;
        }
        Optional<String> tenant = issuer == null ? Optional.empty() : urls.tenantOf(issuer);
        if (tenant.isEmpty()) {
            problems.add("the credential names no issuer of this LRS");
            return false;
        }
        // the key must be one of the named issuer's: a key id from elsewhere proves nothing about this issuer
        String kid = jws.header().path("kid").asText();
        String prefix = issuer + "#";
        String jwk = kid.startsWith(prefix) ? reader.keys(tenant.get()).get(kid.substring(prefix.length())) : null;
        if (jwk == null) {
            problems.add("the signing key '" + kid + "' is not a published key of " + issuer);
            return false;
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(Ed25519Jwk.publicKey(json.readTree(jwk)));
            signature.update(jws.signingInput().getBytes(StandardCharsets.US_ASCII));
            if (signature.verify(jws.signature())) {
                return true;
            }
        } catch (GeneralSecurityException | IOException | RuntimeException unusable) {
            // a signature of the wrong length or a broken key fails the check like a wrong signature
        }
        problems.add("the signature does not match the credential");
        return false;
    }

    private static boolean expired(String validUntil, Instant now, List<String> problems) {
        if (validUntil == null) {
            return false;
        }
        try {
            if (!now.isBefore(Instant.parse(validUntil))) {
                problems.add("the credential was valid until " + validUntil);
                return true;
            }
            return false;
        } catch (DateTimeParseException unreadable) {
            problems.add("validUntil is not a date-time: " + validUntil);
            return true;
        }
    }
}
