package io.learnstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tenant B (harbour-rto) holds a key of its own and tries every way in to tenant A's (northside-rto) data:
 * reading, voiding, overwriting and querying its statements, its documents, attachments, credentials,
 * awards, enrolments and analytics. Every attempt must fail or answer with B's own data only, and an id
 * that exists in A must get the same answer as an id that exists nowhere, so B cannot even learn what A has.
 * Keys limited to one role are refused (403) on every other API family.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIntegrationTest {

    private static final String A = "northside:northside";
    private static final String B = "harbour:harbour";
    private static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    private static final List<String> ANALYTICS = List.of("summary", "completion-rates", "re-enrolment-rates",
            "transitions", "pathways", "drop-off");

    private final ObjectMapper json = new ObjectMapper();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String learner = "mailto:a-" + run + "@northside.example";
    private final String learnerKey = "mbox:" + learner;
    private final String agent = "{\"mbox\":\"" + learner + "\"}";
    private final String activity = "https://northside.example/" + run + "/units/CHC001";
    private final String parent = "https://northside.example/" + run + "/courses/cert-iii";
    private final String verb = "https://northside.example/" + run + "/verbs/attempted";
    private final String registration = UUID.randomUUID().toString();
    private final String statementId = UUID.randomUUID().toString();
    private final String credentialId = "cred-" + run;
    private final String enrolmentId = UUID.randomUUID().toString();
    private final String attachmentText = "northside's private transcript " + run;
    private Learnstack learnstack;
    private String awardId;
    private String statementWithAttachment;
    private String moreLink;
    private List<String> analyticsOfBBefore;
    private List<String> analyticsOfBAfter;

    @BeforeAll
    void start() throws Exception {
        learnstack = new Learnstack(keys());
        analyticsOfBBefore = analyticsOf(B);

        // tenant A's data: statements (one with an attachment, enough for a second page), documents,
        // a credential with an award, an enrolment
        assertThat(postStatement(A, statementJson(statementId, verb)).statusCode()).isEqualTo(200);
        for (int i = 0; i < 2; i++) {
            assertThat(postStatement(A, statementJson(UUID.randomUUID().toString(), verb)).statusCode()).isEqualTo(200);
        }
        statementWithAttachment = postWithAttachment(A);
        expect(send(A, "PUT", stateScope() + "&stateId=progress", "{\"page\":7}"), 204);
        expect(send(A, "PUT", "/xapi/activities/profile?activityId=" + enc(activity) + "&profileId=syllabus",
                "{\"weeks\":12}", "If-None-Match", "*"), 204);
        expect(send(A, "PUT", "/xapi/agents/profile?agent=" + enc(agent) + "&profileId=preferences",
                "{\"language\":\"en\"}", "If-None-Match", "*"), 204);
        expect(send(A, "POST", "/api/credentials", credential(credentialId)), 201);
        HttpResponse<String> issued = send(A, "POST", "/api/credentials/" + credentialId + "/awards",
                "{\"learner\":\"" + learnerKey + "\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        awardId = issued.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        HttpResponse<String> enrolled = send(A, "POST", "/api/enrolments", "{\"id\":\"" + enrolmentId + "\","
                + "\"learner\":\"" + learnerKey + "\",\"course\":\"" + parent + "\",\"enrolled\":\"2026-02-02T00:00:00Z\"}");
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);

        // A sees all of it, so the projections have caught up
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                send(A, "GET", "/api/analytics/learners/pathway?learner=" + enc(learnerKey), null).body())
                .contains(enrolmentId));
        HttpResponse<String> firstPage = send(A, "GET", "/xapi/statements?verb=" + enc(verb) + "&limit=1", null);
        moreLink = json.readTree(firstPage.body()).get("more").asText();
        assertThat(moreLink).startsWith("/xapi/statements?more=");
        analyticsOfBAfter = analyticsOf(B);
    }

    @AfterAll
    void stop() {
        learnstack.close();
    }

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class Statements {

        @Test
        @Order(1)
        void aStatementOfAnotherTenantIsNotFoundLikeOneThatDoesNotExist() {
            indistinguishable(id -> send(B, "GET", "/xapi/statements?statementId=" + id, null), statementId, 404);
            indistinguishable(id -> send(B, "GET", "/xapi/statements?voidedStatementId=" + id, null), statementId, 404);
            indistinguishable(id -> send(B, "GET", "/xapi/statements?attachments=true&statementId=" + id, null),
                    statementWithAttachment, 404);
        }

        @Test
        @Order(1)
        void filtersFindNothingOfAnotherTenant() {
            for (String query : List.of("agent=" + enc(agent), "activity=" + enc(activity), "verb=" + enc(verb),
                    "registration=" + registration, "activity=" + enc(parent) + "&related_activities=true",
                    "agent=" + enc(agent) + "&related_agents=true", "attachments=true&verb=" + enc(verb))) {
                HttpResponse<String> answer = send(B, "GET", "/xapi/statements?" + query, null);
                assertThat(answer.statusCode()).as(query).isEqualTo(200);
                assertLeaksNothing(answer.body());
            }
        }

        @Test
        @Order(1)
        void theActivityAndPersonKnownFromAnotherTenantsStatementsStayUnknown() {
            indistinguishable(id -> send(B, "GET", "/xapi/activities?activityId=" + enc(id), null), activity, 200);
            indistinguishable(id -> send(B, "GET", "/xapi/agents?agent=" + enc("{\"mbox\":\"" + id + "\"}"), null),
                    learner, 200);
        }

        @Test
        @Order(1)
        void aMoreLinkOfAnotherTenantDoesNotGiveItsStatements() {
            HttpResponse<String> answer = send(B, "GET", moreLink, null);

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("the more token is not valid");
            assertLeaksNothing(answer.body());
        }

        @Test
        @Order(2)
        void anotherTenantCannotVoidOrOverwriteAStatement() {
            indistinguishable(id -> send(B, "PUT", "/xapi/statements?statementId=" + UUID.randomUUID(),
                    "{\"actor\":{\"mbox\":\"mailto:harbour@example.org\"},"
                    + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/voided\"},"
                    + "\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" + id + "\"}}"), statementId, 204);
            indistinguishable(id -> send(B, "PUT", "/xapi/statements?statementId=" + id,
                    statementJson(id, "https://harbour.example/verbs/forged").replace("Northside", "Harbour")), statementId, 204);

            HttpResponse<String> own = send(A, "GET", "/xapi/statements?statementId=" + statementId, null);
            assertThat(own.statusCode()).isEqualTo(200);
            assertThat(own.body()).contains(verb).doesNotContain("forged");
        }
    }

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class Documents {

        @Test
        @Order(1)
        void documentsOfAnotherTenantAreNotFoundLikeOnesThatDoNotExist() {
            indistinguishable(id -> send(B, "GET", stateScope() + "&stateId=" + id, null), "progress", 404);
            indistinguishable(id -> send(B, "GET", "/xapi/activities/profile?activityId=" + enc(activity)
                    + "&profileId=" + id, null), "syllabus", 404);
            indistinguishable(id -> send(B, "GET", "/xapi/agents/profile?agent=" + enc(agent) + "&profileId=" + id,
                    null), "preferences", 404);
            for (String list : List.of(stateScope(), "/xapi/activities/profile?activityId=" + enc(activity),
                    "/xapi/agents/profile?agent=" + enc(agent))) {
                HttpResponse<String> ids = send(B, "GET", list, null);
                assertThat(ids.statusCode()).as(list).isEqualTo(200);
                assertThat(ids.body()).as(list).isEqualTo("[]");
            }
        }

        @Test
        @Order(2)
        void writesOfAnotherTenantLeaveTheDocumentsAlone() {
            // If-Match and If-None-Match must not reveal that A's document exists
            String activityProfile = "/xapi/activities/profile?activityId=" + enc(activity) + "&profileId=";
            indistinguishable(id -> send(B, "POST", stateScope() + "&stateId=" + id, "{\"page\":1}"), "progress", 204);
            indistinguishable(id -> send(B, "PUT", activityProfile + id, "{\"weeks\":1}", "If-None-Match", "*"),
                    "syllabus", 204);
            indistinguishable(id -> send(B, "PUT", "/xapi/agents/profile?agent=" + enc(agent) + "&profileId=" + id,
                    "{\"language\":\"fr\"}", "If-Match", "\"0000\""), "preferences", 412);
            indistinguishable(id -> send(B, "DELETE", stateScope() + "&stateId=" + id, null), "progress", 204);
            indistinguishable(id -> send(B, "DELETE", activityProfile + id, null), "syllabus", 204);
            indistinguishable(id -> send(B, "DELETE", stateScope(), null), "", 204);

            assertThat(send(A, "GET", stateScope() + "&stateId=progress", null).body()).isEqualTo("{\"page\":7}");
            assertThat(send(A, "GET", activityProfile + "syllabus", null).body()).isEqualTo("{\"weeks\":12}");
            assertThat(send(A, "GET", "/xapi/agents/profile?agent=" + enc(agent) + "&profileId=preferences", null)
                    .body()).isEqualTo("{\"language\":\"en\"}");
        }
    }

    @Nested
    class Credentials {

        @Test
        void aCredentialOfAnotherTenantCannotBeReadRevisedOrRetired() {
            indistinguishable(id -> send(B, "GET", "/api/credentials/" + id, null), credentialId, 404);
            assertThat(send(B, "GET", "/api/credentials", null).body()).doesNotContain(credentialId);
            indistinguishable(id -> send(B, "PUT", "/api/credentials/" + id, credential(id)), credentialId, 404);
            indistinguishable(id -> send(B, "DELETE", "/api/credentials/" + id, null), credentialId, 404);
            indistinguishable(id -> send(B, "POST", "/api/credentials/" + id + "/awards",
                    "{\"learner\":\"" + learnerKey + "\"}"), credentialId, 404);

            HttpResponse<String> own = send(A, "GET", "/api/credentials/" + credentialId, null);
            assertThat(own.statusCode()).isEqualTo(200);
            assertThat(own.body()).contains("Northside only");
        }

        @Test
        void anAwardOfAnotherTenantCannotBeRevoked() {
            indistinguishable(id -> send(B, "POST", "/api/awards/" + id + "/revocation", "{\"reason\":\"spite\"}"),
                    awardId, 404);

            assertThat(send(A, "GET", "/api/eligibility/learners?learner=" + enc(learnerKey), null).body())
                    .doesNotContain("revoked");
        }

        @Test
        void eligibilityOfAnotherTenantsLearnerAndCredentialIsNotFound() {
            indistinguishable(id -> send(B, "GET", "/api/eligibility/learners?learner=" + enc(id), null),
                    learnerKey, 404);
            indistinguishable(id -> send(B, "GET", "/api/eligibility/credentials/" + id, null), credentialId, 404);
        }
    }

    @Nested
    class Enrolments {

        @Test
        void anEnrolmentOfAnotherTenantCannotBeWithdrawnOrCompleted() {
            indistinguishable(id -> send(B, "POST", "/api/enrolments/" + id + "/withdrawal", "{}"), enrolmentId, 404);
            indistinguishable(id -> send(B, "POST", "/api/enrolments/" + id + "/completion", "{\"success\":true}"),
                    enrolmentId, 404);

            HttpResponse<String> pathway = send(A, "GET", "/api/analytics/learners/pathway?learner=" + enc(learnerKey),
                    null);
            assertThat(pathway.body()).contains(enrolmentId).doesNotContain("withdrawn").doesNotContain("completed");
        }
    }

    @Nested
    class Analytics {

        @Test
        void anotherTenantsDataCountsNowhereInTheAnalytics() {
            assertThat(analyticsOfBAfter).isEqualTo(analyticsOfBBefore);
        }

        @Test
        void thePathwayOfAnotherTenantsLearnerIsEmpty() {
            indistinguishable(id -> send(B, "GET", "/api/analytics/learners/pathway?learner=" + enc(id), null),
                    learnerKey, 200);
            assertThat(send(B, "GET", "/api/analytics/learners/pathway?learner=" + enc(learnerKey), null).body())
                    .doesNotContain(enrolmentId);
        }
    }

    @Nested
    class Roles {

        @Test
        void aKeyWithoutTheXapiRoleIsRefusedStatementsAndDocuments() {
            forbidden("harbour-analyst", "GET", "/xapi/statements");
            forbidden("harbour-analyst", "POST", "/xapi/statements");
            forbidden("harbour-registrar", "GET", stateScope());
            forbidden("harbour-catalogue", "PUT", "/xapi/agents/profile?agent=" + enc(agent) + "&profileId=x");
            assertThat(send("harbour-xapi:harbour-xapi", "GET", "/xapi/statements", null).statusCode()).isEqualTo(200);
        }

        @Test
        void aKeyWithoutTheCatalogueRoleIsRefusedCatalogueChangesAndAwards() {
            forbidden("harbour-xapi", "POST", "/api/credentials");
            forbidden("harbour-registrar", "PUT", "/api/credentials/" + credentialId);
            forbidden("harbour-analyst", "DELETE", "/api/credentials/" + credentialId);
            forbidden("harbour-registrar", "POST", "/api/awards/" + awardId + "/revocation");
            forbidden("harbour-analyst", "POST", "/api/credentials/" + credentialId + "/awards");
        }

        @Test
        void aKeyWithoutTheRegistrarRoleIsRefusedEnrolments() {
            forbidden("harbour-catalogue", "POST", "/api/enrolments");
            forbidden("harbour-xapi", "POST", "/api/enrolments/" + enrolmentId + "/withdrawal");
            forbidden("harbour-analyst", "POST", "/api/enrolments/" + enrolmentId + "/completion");
        }

        @Test
        void aKeyWithoutTheAnalystRoleIsRefusedReports() {
            for (String path : List.of("/api/analytics/summary", "/api/analytics/learners/pathway?learner=x",
                    "/api/eligibility/counts", "/api/credentials", "/api/credentials/" + credentialId)) {
                forbidden("harbour-xapi", "GET", path);
                forbidden("harbour-registrar", "GET", path);
                forbidden("harbour-catalogue", "GET", path);
            }
            assertThat(send("harbour-analyst:harbour-analyst", "GET", "/api/analytics/summary", null).statusCode())
                    .isEqualTo(200);
        }

        private void forbidden(String key, String method, String path) {
            HttpResponse<String> answer = send(key + ":" + key, method, path, method.equals("GET") ? null : "{}");
            assertThat(answer.statusCode()).as(key + " " + method + " " + path).isEqualTo(403);
        }
    }

    /**
     * The probe gets the same status for {@code existing} (an id of tenant A) as for an id that exists
     * nowhere, and the same body once the ids are blanked out.
     */
    private void indistinguishable(Function<String, HttpResponse<String>> probe, String existing, int status) {
        String absent = existing.isEmpty() ? "" : "nowhere-" + UUID.randomUUID();
        if (existing.matches("[0-9a-f-]{36}")) {
            absent = UUID.randomUUID().toString();
        } else if (existing.startsWith("mbox:")) {
            absent = "mbox:mailto:nobody-" + run + "@nowhere.example";
        } else if (existing.startsWith("mailto:")) {
            absent = "mailto:nobody-" + run + "@nowhere.example";
        } else if (existing.startsWith("https:")) {
            absent = "https://nowhere.example/" + UUID.randomUUID();
        }
        HttpResponse<String> forA = probe.apply(existing);
        HttpResponse<String> forNobody = probe.apply(absent);
        assertThat(forA.statusCode()).as("%s: %s", existing, forA.body()).isEqualTo(status);
        assertThat(forA.statusCode()).isEqualTo(forNobody.statusCode());
        assertThat(blank(forA.body(), existing)).isEqualTo(blank(forNobody.body(), absent));
        assertLeaksNothing(forA.body().replace(existing, ""));
    }

    private static void expect(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as("%s %s", answer.request().uri(), answer.body()).isEqualTo(status);
    }

    private String blank(String body, String id) {
        return id.isEmpty() ? body : body.replace(id, "<id>").replace(enc(id), "<id>");
    }

    /** Nothing of tenant A's data shows in the answer: learner, statements, attachment content. */
    private void assertLeaksNothing(String body) {
        assertThat(body).doesNotContain("Northside only").doesNotContain(learner).doesNotContain(statementId)
                .doesNotContain(activity).doesNotContain(attachmentText).doesNotContain(enrolmentId);
    }

    private List<String> analyticsOf(String credentials) {
        List<String> answers = new ArrayList<>();
        for (String table : ANALYTICS) {
            HttpResponse<String> answer = send(credentials, "GET", "/api/analytics/" + table, null);
            assertThat(answer.statusCode()).as(table).isEqualTo(200);
            answers.add(table + ": " + answer.body());
        }
        return answers;
    }

    private String stateScope() {
        return "/xapi/activities/state?activityId=" + enc(activity) + "&agent=" + enc(agent)
                + "&registration=" + registration;
    }

    private String statementJson(String id, String verbId) {
        return "{\"id\":\"" + id + "\",\"actor\":{\"name\":\"Northside only learner\",\"mbox\":\"" + learner + "\"},"
                + "\"verb\":{\"id\":\"" + verbId + "\"},\"object\":{\"objectType\":\"Activity\",\"id\":\"" + activity
                + "\",\"definition\":{\"name\":{\"en\":\"Northside only unit\"}}},"
                + "\"context\":{\"registration\":\"" + registration + "\","
                + "\"contextActivities\":{\"parent\":[{\"id\":\"" + parent + "\"}]}}}";
    }

    private String credential(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"Northside only\",\"description\":\"Northside only, as assessed\","
                + "\"kind\":\"unit\",\"requirement\":{\"type\":\"activityCompleted\",\"activityId\":\"" + activity
                + "\"}}";
    }

    private HttpResponse<String> postStatement(String credentials, String statement) {
        return send(credentials, "POST", "/xapi/statements", statement);
    }

    /** Posts a statement of A's learner with a text attachment; answers its id. */
    private String postWithAttachment(String credentials) throws Exception {
        byte[] content = attachmentText.getBytes(StandardCharsets.UTF_8);
        String sha2 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        String id = UUID.randomUUID().toString();
        String statement = statementJson(id, COMPLETED).replaceFirst("}$", ",\"attachments\":[{"
                + "\"usageType\":\"http://id.tincanapi.com/attachment/transcript\",\"display\":{\"en\":\"transcript\"},"
                + "\"contentType\":\"text/plain\",\"length\":" + content.length + ",\"sha2\":\"" + sha2 + "\"}]}");
        String boundary = "isolation" + run;
        String body = "--" + boundary + "\r\nContent-Type: application/json\r\n\r\n" + statement + "\r\n"
                + "--" + boundary + "\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n"
                + "X-Experience-API-Hash: " + sha2 + "\r\n\r\n" + attachmentText + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> posted = learnstack.send(request(credentials, "/xapi/statements")
                .header("Content-Type", "multipart/mixed; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        return id;
    }

    private HttpResponse<String> send(String credentials, String method, String path, String body,
            String... headers) {
        HttpRequest.Builder request = request(credentials, path);
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return learnstack.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String credentials, String path) {
        return HttpRequest.newBuilder(URI.create(learnstack.baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)))
                .header("X-Experience-API-Version", "1.0.3");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * The embedded keys again (a list is replaced whole, not merged) and keys of tenant B limited to one role:
     * the limited ones in plain text, which the services accept with a warning.
     */
    private static String[] keys() {
        List<String> args = new ArrayList<>();
        String[][] keys = {
                {"demo", "demo", "$2a$10$xeHqrdGZ5y3siGaBlqr9zOyohV2.YY3VD12l5gtsnqDiS.gIGXcMO", "xapi,registrar,catalogue,analyst"},
                {"northside-rto", "northside", "$2a$10$48h6TMV5vBVB6ROb1fG4iOPUjL7f4Y5wc.qHhi/I/gt0FECbbx7u.",
                        "xapi,registrar,catalogue,analyst"},
                {"harbour-rto", "harbour", "$2a$10$2ZSqxmnJdbo3FV3KjQzQ0eHmOWK/ht8FGlkyXLmQfF8EVj2XhQXmC",
                        "xapi,registrar,catalogue,analyst"},
                {"harbour-rto", "harbour-xapi", null, "xapi"},
                {"harbour-rto", "harbour-analyst", null, "analyst"},
                {"harbour-rto", "harbour-registrar", null, "registrar"},
                {"harbour-rto", "harbour-catalogue", null, "catalogue"}};
        for (int i = 0; i < keys.length; i++) {
            String prefix = "--learnstack.security.clients[" + i + "].";
            args.add(prefix + "tenant=" + keys[i][0]);
            args.add(prefix + "key=" + keys[i][1]);
            args.add(keys[i][2] == null ? prefix + "secret=" + keys[i][1] : prefix + "secret-hash=" + keys[i][2]);
            args.add(prefix + "roles=" + keys[i][3]);
        }
        return args.toArray(String[]::new);
    }
}
