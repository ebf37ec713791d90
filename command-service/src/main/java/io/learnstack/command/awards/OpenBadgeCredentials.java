package io.learnstack.command.awards;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.learnstack.events.CredentialDefinition;

/**
 * Builds the Open Badges 3.0 OpenBadgeCredential (a W3C Verifiable Credential, data model 2.0) of one
 * award. The learner is named by a salted hash of their identity, never in the clear: the holder proves
 * the match by showing the identity and the salt.
 */
final class OpenBadgeCredentials {

    static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    /** The catalogue's kinds, and the OB achievement types they stand for. */
    private static final Map<String, String> ACHIEVEMENT_TYPES = Map.of(
            "unit", "Competency",
            "micro-credential", "MicroCredential",
            "microcredential", "MicroCredential",
            "skill set", "Certificate",
            "qualification", "Certificate",
            "course", "Course",
            "badge", "Badge",
            "licence", "License",
            "license", "License");

    private OpenBadgeCredentials() {
    }

    /**
     * @param issuerId   the issuer Profile's id
     * @param credential the credential's id (its public URL)
     * @param salt       the salt of the learner's identity hash
     */
    static ObjectNode build(ObjectMapper json, String issuerId, String credential, String tenant, String learnerKey,
            CredentialDefinition definition, Instant validFrom, Instant validUntil, String salt) {
        ObjectNode document = json.createObjectNode();
        document.putArray("@context").add(VC_CONTEXT).add(OB_CONTEXT);
        document.put("id", credential);
        document.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
        ObjectNode issuer = document.putObject("issuer");
        issuer.put("id", issuerId);
        issuer.putArray("type").add("Profile");
        issuer.put("name", tenant);
        document.put("validFrom", validFrom.toString());
        if (validUntil != null) {
            document.put("validUntil", validUntil.toString());
        }
        document.put("name", definition.name());
        ObjectNode subject = document.putObject("credentialSubject");
        subject.putArray("type").add("AchievementSubject");
        ObjectNode identity = subject.putArray("identifier").addObject();
        identity.put("type", "IdentityObject");
        identity.put("identityHash", identityHash(identityOf(learnerKey), salt));
        identity.put("identityType", learnerKey.startsWith("mbox:mailto:") ? "emailAddress" : "identifier");
        identity.put("hashed", true);
        identity.put("salt", salt);
        subject.set("achievement", achievement(json, tenant, definition));
        return document;
    }

    private static ObjectNode achievement(ObjectMapper json, String tenant, CredentialDefinition definition) {
        ObjectNode achievement = json.createObjectNode();
        achievement.put("id", "urn:learnstack:" + tenant + ":credential:" + definition.credentialId());
        achievement.putArray("type").add("Achievement");
        achievement.put("name", definition.name());
        achievement.put("description", definition.description() == null ? definition.name() : definition.description());
        achievement.putObject("criteria").put("narrative", narrative(definition));
        if (definition.image() != null && !definition.image().isBlank()) {
            achievement.putObject("image").put("id", definition.image()).put("type", "Image");
        }
        String achievementType = achievementType(definition.kind());
        if (achievementType != null) {
            achievement.put("achievementType", achievementType);
        }
        return achievement;
    }

    private static String narrative(CredentialDefinition definition) {
        String text = definition.description() == null || definition.description().isBlank()
                ? "Awarded for " + definition.name() : definition.description();
        return text + " (credential '" + definition.credentialId() + "', revision " + definition.revision() + ")";
    }

    /** The OB achievement type of a catalogue kind, or {@code null} when it maps to none. */
    static String achievementType(String kind) {
        return kind == null ? null : ACHIEVEMENT_TYPES.get(kind.trim().toLowerCase(Locale.ROOT));
    }

    /** The identity a learner key stands for: the e-mail address of an mbox, otherwise the key itself. */
    static String identityOf(String learnerKey) {
        return learnerKey.startsWith("mbox:mailto:") ? learnerKey.substring("mbox:mailto:".length()) : learnerKey;
    }

    /** OB 3.0's salted identity hash: {@code sha256$} and the hex SHA-256 of the identity followed by the salt. */
    static String identityHash(String identity, String salt) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((identity + salt).getBytes(StandardCharsets.UTF_8));
            return "sha256$" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException(missing);
        }
    }
}
