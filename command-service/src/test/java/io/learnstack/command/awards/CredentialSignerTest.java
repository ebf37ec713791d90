package io.learnstack.command.awards;

import static io.learnstack.command.awards.AwardFixtures.ADA;
import static io.learnstack.command.awards.AwardFixtures.BASE;
import static io.learnstack.command.awards.AwardFixtures.firstAid;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Period;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class CredentialSignerTest {

    private static final Instant FROM = Instant.parse("2026-11-24T09:00:00Z");
    private static final Instant UNTIL = Instant.parse("2029-11-24T09:00:00Z");
    private static final String AWARD = "6c1d1e4a-3f0e-3b8a-9a55-2d8f1f0c0a11";

    private final AwardFixtures.MemoryKeys keys = new AwardFixtures.MemoryKeys();
    private final CredentialSigner signer = new CredentialSigner(keys, new ObjectMapper(), new PublicUrls(BASE + "/"));

    @Test
    void theHeaderNamesEdDsaTheIssuersKeyAndTheVcJwtType() throws Exception {
        String jwt = signer.sign(AWARD, "demo", ADA, firstAid(Period.ofYears(3)), FROM, UNTIL);

        JsonNode header = AwardFixtures.header(jwt);
        assertThat(header.get("alg").asText()).isEqualTo("EdDSA");
        assertThat(header.get("typ").asText()).isEqualTo("vc+jwt");
        assertThat(header.get("kid").asText()).isEqualTo(BASE + "/issuers/demo#" + keys.current("demo").keyId());
    }

    @Test
    void thePayloadIsAnOpenBadgeCredential() throws Exception {
        String jwt = signer.sign(AWARD, "demo", ADA, firstAid(Period.ofYears(3)), FROM, UNTIL);

        JsonNode credential = AwardFixtures.payload(jwt);
        assertThat(credential.get("@context").get(0).asText()).isEqualTo("https://www.w3.org/ns/credentials/v2");
        assertThat(credential.get("@context").get(1).asText()).startsWith("https://purl.imsglobal.org/spec/ob/v3p0/context");
        assertThat(credential.get("type").toString()).isEqualTo("[\"VerifiableCredential\",\"OpenBadgeCredential\"]");
        assertThat(credential.get("id").asText()).isEqualTo(BASE + "/credentials/" + AWARD);
        assertThat(credential.at("/issuer/id").asText()).isEqualTo(BASE + "/issuers/demo");
        assertThat(credential.at("/issuer/type/0").asText()).isEqualTo("Profile");
        assertThat(credential.get("validFrom").asText()).isEqualTo("2026-11-24T09:00:00Z");
        assertThat(credential.get("validUntil").asText()).isEqualTo("2029-11-24T09:00:00Z");
        JsonNode achievement = credential.at("/credentialSubject/achievement");
        assertThat(achievement.get("name").asText()).isEqualTo("Provide first aid");
        assertThat(achievement.get("description").asText()).isEqualTo("Gives first aid in an emergency");
        assertThat(achievement.at("/criteria/narrative").asText()).contains("Gives first aid in an emergency");
        assertThat(achievement.at("/image/id").asText()).isEqualTo("https://rto.example/badges/first-aid.png");
        assertThat(achievement.get("achievementType").asText()).isEqualTo("Competency");
    }

    @Test
    void theLearnerIsNamedByASaltedHashNotByTheirAddress() throws Exception {
        String jwt = signer.sign(AWARD, "demo", ADA, firstAid(null), FROM, null);

        String text = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("ada@example.org");
        JsonNode identity = AwardFixtures.payload(jwt).at("/credentialSubject/identifier/0");
        assertThat(identity.get("type").asText()).isEqualTo("IdentityObject");
        assertThat(identity.get("hashed").asBoolean()).isTrue();
        assertThat(identity.get("identityType").asText()).isEqualTo("emailAddress");
        assertThat(identity.get("identityHash").asText())
                .isEqualTo(OpenBadgeCredentials.identityHash("ada@example.org", identity.get("salt").asText()))
                .startsWith("sha256$");
        assertThat(AwardFixtures.payload(jwt).has("validUntil")).isFalse();
    }

    @Test
    void theSignatureHoldsUnderTheTenantsKeyOnly() throws Exception {
        String jwt = signer.sign(AWARD, "demo", ADA, firstAid(null), FROM, null);

        assertThat(AwardFixtures.signatureHolds(jwt, keys.current("demo"))).isTrue();
        assertThat(AwardFixtures.signatureHolds(jwt, keys.current("harbour-rto"))).isFalse();
    }

    @Test
    void aTamperedPayloadNoLongerMatchesTheSignature() throws Exception {
        String jwt = signer.sign(AWARD, "demo", ADA, firstAid(null), FROM, null);
        String[] parts = jwt.split("\\.");
        String forged = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("Provide first aid", "Perform surgery");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(AwardFixtures.signatureHolds(tampered, keys.current("demo"))).isFalse();
    }

    @Test
    void kindsMapToOpenBadgesAchievementTypes() {
        assertThat(OpenBadgeCredentials.achievementType("Micro-credential")).isEqualTo("MicroCredential");
        assertThat(OpenBadgeCredentials.achievementType("skill set")).isEqualTo("Certificate");
        assertThat(OpenBadgeCredentials.achievementType("our own word")).isNull();
    }
}
