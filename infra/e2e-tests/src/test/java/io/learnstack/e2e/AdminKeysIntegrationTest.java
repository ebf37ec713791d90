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

/**
 * Keys issued through the admin API, end to end through the entry point: an issued key works at once for its
 * own tenant only, a rotated secret and a revoked key stop working within the services' lookup cache time
 * (1 s) of the answer, and admin and xAPI keys stay out of each other's resources.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminKeysIntegrationTest {

    private static final String ADMIN = "admin:admin";
    /** The lookup cache (1 s) plus the way through the gateway, with room for a loaded machine. */
    private static final Duration EFFECT = Duration.ofSeconds(3);

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
    void anIssuedKeyWorksUntilItsSecretIsRotatedAndStopsWhenRevoked() throws Exception {
        HttpResponse<String> issued = send(ADMIN, "POST", "/admin/tenants/northside-rto/keys",
                "{\"key\":\"lms-" + run + "\",\"roles\":[\"xapi\"]}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode key = json.readTree(issued.body());
        assertThat(key.get("key").asText()).isEqualTo("lms-" + run);
        assertThat(key.get("roles").toString()).isEqualTo("[\"xapi\"]");
        String first = key.get("key").asText() + ":" + key.get("secret").asText();

        // the answer came once the key was projected: it works at once, for writes and reads
        String verb = "https://northside.example/" + run + "/verbs/keyed";
        assertThat(send(first, "POST", "/xapi/statements", statement(verb)).statusCode()).isEqualTo(200);
        assertThat(send(first, "GET", "/xapi/statements?verb=" + enc(verb), null).body()).contains(verb);
        assertThat(send("northside:northside", "GET", "/xapi/statements?verb=" + enc(verb), null).body())
                .contains(verb);

        HttpResponse<String> rotated = send(ADMIN, "POST", "/admin/keys/lms-" + run + "/rotation", null);
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        long rotatedAt = System.nanoTime();
        String second = "lms-" + run + ":" + json.readTree(rotated.body()).get("secret").asText();
        assertThat(second).isNotEqualTo(first);
        await().atMost(EFFECT).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            assertThat(send(first, "GET", "/xapi/statements?verb=" + enc(verb), null).statusCode()).isEqualTo(401);
            assertThat(send(first, "POST", "/xapi/statements", statement(verb)).statusCode()).isEqualTo(401);
        });
        System.out.printf("old secret refused on reads and writes %d ms after the rotation answer%n",
                (System.nanoTime() - rotatedAt) / 1_000_000);
        assertThat(send(second, "GET", "/xapi/statements?verb=" + enc(verb), null).statusCode()).isEqualTo(200);

        assertThat(send(ADMIN, "DELETE", "/admin/keys/lms-" + run, null).statusCode()).isEqualTo(204);
        long revokedAt = System.nanoTime();
        await().atMost(EFFECT).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            assertThat(send(second, "GET", "/xapi/statements?verb=" + enc(verb), null).statusCode()).isEqualTo(401);
            assertThat(send(second, "POST", "/xapi/statements", statement(verb)).statusCode()).isEqualTo(401);
        });
        System.out.printf("revoked key refused on reads and writes %d ms after the revocation answer%n",
                (System.nanoTime() - revokedAt) / 1_000_000);

        // revocation is final, and the list shows the key without any secret
        assertThat(send(ADMIN, "DELETE", "/admin/keys/lms-" + run, null).statusCode()).isEqualTo(204);
        assertThat(send(ADMIN, "POST", "/admin/keys/lms-" + run + "/rotation", null).statusCode()).isEqualTo(409);
        assertThat(send(ADMIN, "POST", "/admin/tenants/harbour-rto/keys", "{\"key\":\"lms-" + run + "\"}")
                .statusCode()).isEqualTo(409);
        HttpResponse<String> list = send(ADMIN, "GET", "/admin/tenants/northside-rto/keys", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"key\":\"lms-" + run + "\"", "\"revoked\":true")
                .doesNotContain("secret");
    }

    @Test
    void anIssuedKeySeesOnlyItsOwnTenant() throws Exception {
        String harbourVerb = "https://harbour.example/" + run + "/verbs/private";
        String harbourStatement = UUID.randomUUID().toString();
        assertThat(send("harbour:harbour", "PUT", "/xapi/statements?statementId=" + harbourStatement,
                statement(harbourVerb)).statusCode()).isEqualTo(204);
        HttpResponse<String> issued = send(ADMIN, "POST", "/admin/tenants/northside-rto/keys", null);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode key = json.readTree(issued.body());
        String northside = key.get("key").asText() + ":" + key.get("secret").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(send("harbour:harbour", "GET",
                "/xapi/statements?statementId=" + harbourStatement, null).statusCode()).isEqualTo(200));

        assertThat(send(northside, "GET", "/xapi/statements?statementId=" + harbourStatement, null).statusCode())
                .isEqualTo(404);
        HttpResponse<String> byVerb = send(northside, "GET", "/xapi/statements?verb=" + enc(harbourVerb), null);
        assertThat(byVerb.statusCode()).isEqualTo(200);
        assertThat(json.readTree(byVerb.body()).get("statements")).isEmpty();
        // a key drawn without roles is an xAPI key only
        assertThat(send(northside, "GET", "/api/analytics/summary", null).statusCode()).isEqualTo(403);
    }

    @Test
    void adminAndXapiKeysStayOutOfEachOthersResources() {
        assertThat(send("demo:demo", "GET", "/admin/tenants/demo/keys", null).statusCode()).isEqualTo(403);
        assertThat(send("demo:demo", "POST", "/admin/tenants/demo/keys", null).statusCode()).isEqualTo(403);
        assertThat(send(ADMIN, "GET", "/xapi/statements", null).statusCode()).isEqualTo(403);
        assertThat(send(ADMIN, "POST", "/xapi/statements", statement("https://x.example/v")).statusCode())
                .isEqualTo(403);
        assertThat(send(ADMIN, "GET", "/api/analytics/summary", null).statusCode()).isEqualTo(403);
        assertThat(send(null, "GET", "/admin/tenants/demo/keys", null).statusCode()).isEqualTo(401);
        assertThat(send("admin:wrong", "GET", "/admin/tenants/demo/keys", null).statusCode()).isEqualTo(401);
    }

    @Test
    void badRequestsGetClearAnswers() {
        assertThat(send(ADMIN, "POST", "/admin/tenants/demo/keys", "{\"key\":\"demo\"}").statusCode())
                .as("a configured key's name").isEqualTo(409);
        assertThat(send(ADMIN, "POST", "/admin/tenants/demo/keys", "{\"roles\":[\"admin\"]}").statusCode())
                .isEqualTo(400);
        assertThat(send(ADMIN, "POST", "/admin/tenants/demo/keys", "{\"roles\":[\"superuser\"]}").statusCode())
                .isEqualTo(400);
        assertThat(send(ADMIN, "POST", "/admin/tenants/demo/keys", "{\"key\":\"a:b\"}").statusCode())
                .isEqualTo(400);
        assertThat(send(ADMIN, "POST", "/admin/tenants/demo/keys", "[1,2").statusCode()).isEqualTo(400);
        assertThat(send(ADMIN, "POST", "/admin/keys/nobody-" + run + "/rotation", null).statusCode()).isEqualTo(404);
        assertThat(send(ADMIN, "DELETE", "/admin/keys/nobody-" + run, null).statusCode()).isEqualTo(404);
        assertThat(send(ADMIN, "DELETE", "/admin/keys/demo", null).statusCode()).isEqualTo(409);
    }

    private String statement(String verb) {
        return "{\"actor\":{\"mbox\":\"mailto:k-" + run + "@example.org\"},\"verb\":{\"id\":\"" + verb + "\"},"
                + "\"object\":{\"id\":\"https://example.org/" + run + "/units/1\"}}";
    }

    private HttpResponse<String> send(String credentials, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(learnstack.baseUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("X-Experience-API-Version", "1.0.3");
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return learnstack.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
