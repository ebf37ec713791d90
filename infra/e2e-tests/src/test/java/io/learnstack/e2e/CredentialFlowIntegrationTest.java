package io.learnstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * From xAPI statements to a signed, verifiable Open Badge: a unit and a skill set stacked on it are
 * defined through the catalogue API, a learner's statements are posted, the projector finds the learner
 * eligible, the command side issues and signs both credentials, and anyone can verify the badge until
 * the RTO revokes it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CredentialFlowIntegrationTest {

    private static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    private static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";

    private final ObjectMapper json = new ObjectMapper();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private Learnstack learnstack;

    @BeforeAll
    void start() {
        learnstack = new Learnstack();
    }

    @AfterAll
    void stop() {
        learnstack.close();
    }

    @Test
    void statementsEarnAStackedBadgeThatVerifiesUntilItIsRevoked() throws Exception {
        // given a unit (a course completed and its assessment passed with 80 %) and a skill set that stacks it
        String unitActivity = "https://rto.example/" + run + "/units/HLTAID011";
        String assessment = unitActivity + "/assessment";
        String workshop = "https://rto.example/" + run + "/workshops/scenario";
        String unit = "cpr-" + run;
        String skillSet = "first-aid-" + run;
        assertThat(define(unit, "Provide CPR", "unit", "{\"type\":\"allOf\",\"of\":["
                + "{\"type\":\"activityCompleted\",\"activityId\":\"" + unitActivity + "\"},"
                + "{\"type\":\"assessmentPassed\",\"activityId\":\"" + assessment + "\",\"minScaledScore\":0.8}]}",
                "P1Y").statusCode()).isEqualTo(201);
        assertThat(define(skillSet, "First aid skill set", "skill set", "{\"type\":\"allOf\",\"of\":["
                + "{\"type\":\"credentialHeld\",\"credentialId\":\"" + unit + "\"},"
                + "{\"type\":\"activityCompleted\",\"activityId\":\"" + workshop + "\"}]}", null).statusCode())
                .isEqualTo(201);
        String learner = "mailto:" + run + "@learners.example";
        String learnerKey = "mbox:" + learner;

        // when the learner fails once, then passes, and completes the unit and the workshop
        postStatement(learner, PASSED, assessment, ",\"result\":{\"score\":{\"scaled\":0.6},\"success\":false}");
        postStatement(learner, COMPLETED, unitActivity, "");
        // A read waits for the projector only so long: after a heavy test before this one it may still be busy.
        await().atMost(Duration.ofSeconds(60)).until(() -> "in-progress".equals(status(learnerKey, unit)));
        postStatement(learner, PASSED, assessment, ",\"result\":{\"score\":{\"scaled\":0.9},\"success\":true}");
        postStatement(learner, COMPLETED, workshop, "");

        // then both credentials are issued, the skill set only because the unit was
        await().atMost(Duration.ofSeconds(60)).until(() -> "issued".equals(status(learnerKey, skillSet)));
        assertThat(status(learnerKey, unit)).isEqualTo("issued");
        String awardId = credentialOf(learnerKey, skillSet).get("awardId").asText();

        // and the badge is public, signed by the tenant, and verifies
        HttpResponse<String> badge = publicGet("/credentials/" + awardId, "application/json");
        assertThat(badge.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(badge.body());
        assertThat(body.at("/credential/type").toString()).contains("OpenBadgeCredential");
        assertThat(body.at("/credential/issuer/id").asText()).endsWith("/issuers/demo");
        String jwt = body.get("jwt").asText();
        assertThat(verify(jwt).get("verified").asBoolean()).isTrue();
        assertThat(publicGet("/credentials/" + awardId, "text/html").body()).contains("First aid skill set");
        assertThat(publicGet("/issuers/demo", "application/json").body()).contains("Ed25519");

        // and a tampered badge does not
        assertThat(verify(tampered(jwt)).get("verified").asBoolean()).isFalse();

        // when the RTO revokes it, it no longer verifies
        HttpResponse<String> revoked = apiPost("/api/awards/" + awardId + "/revocation",
                "{\"reason\":\"issued in error\"}");
        assertThat(revoked.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode afterRevocation = verify(jwt);
            assertThat(afterRevocation.get("verified").asBoolean()).isFalse();
            assertThat(afterRevocation.at("/checks/revocation").asText()).isEqualTo("revoked");
        });
    }

    private HttpResponse<String> define(String id, String name, String kind, String requirement, String validity) {
        return apiPost("/api/credentials", "{\"id\":\"" + id + "\",\"name\":\"" + name + "\","
                + "\"description\":\"" + name + ", as assessed by the RTO\",\"kind\":\"" + kind + "\","
                + "\"requirement\":" + requirement
                + (validity == null ? "" : ",\"validity\":\"" + validity + "\"") + "}");
    }

    private void postStatement(String mbox, String verb, String activity, String more) {
        HttpResponse<String> posted = learnstack.send(learnstack.xapi("/xapi/statements")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"actor\":{\"mbox\":\"" + mbox + "\"},"
                        + "\"verb\":{\"id\":\"" + verb + "\"},"
                        + "\"object\":{\"objectType\":\"Activity\",\"id\":\"" + activity + "\"}" + more + "}")));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    }

    private String status(String learnerKey, String credentialId) throws Exception {
        JsonNode credential = credentialOf(learnerKey, credentialId);
        return credential == null ? null : credential.get("status").asText();
    }

    private JsonNode credentialOf(String learnerKey, String credentialId) throws Exception {
        HttpResponse<String> progress = learnstack.send(api("/api/eligibility/learners?learner="
                + URLEncoder.encode(learnerKey, StandardCharsets.UTF_8)).GET());
        if (progress.statusCode() == 404) {
            return null;
        }
        assertThat(progress.statusCode()).as(progress.body()).isEqualTo(200);
        for (JsonNode credential : json.readTree(progress.body()).get("credentials")) {
            if (credential.get("credentialId").asText().equals(credentialId)) {
                return credential;
            }
        }
        return null;
    }

    private JsonNode verify(String jwt) throws Exception {
        HttpResponse<String> verdict = learnstack.send(HttpRequest.newBuilder(
                URI.create(learnstack.baseUrl() + "/credentials/verify")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/vc+jwt").POST(HttpRequest.BodyPublishers.ofString(jwt)));
        assertThat(verdict.statusCode()).as(verdict.body()).isEqualTo(200);
        return json.readTree(verdict.body());
    }

    /** The same token with one claim changed: the learner's badge now claims a name it was not issued. */
    private String tampered(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        ObjectNode payload = (ObjectNode) json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        payload.put("name", "Advanced diploma of everything");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(payload))
                + "." + parts[2];
    }

    private HttpResponse<String> publicGet(String path, String accept) {
        return learnstack.send(HttpRequest.newBuilder(URI.create(learnstack.baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", accept).GET());
    }

    private HttpResponse<String> apiPost(String path, String body) {
        return learnstack.send(api(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create(learnstack.baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes()));
    }
}
