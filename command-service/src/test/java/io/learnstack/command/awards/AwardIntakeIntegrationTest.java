package io.learnstack.command.awards;

import static io.learnstack.command.PublishedEvents.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.command.InfrastructureProperties;
import io.learnstack.command.PublishedEvents;
import io.learnstack.command.catalogue.Catalogue;
import io.learnstack.events.CredentialDefinition;
import io.learnstack.events.EventTypes;

/**
 * Awards against the real event-store server and Kafka broker: issuance with its key and deadline,
 * idempotent re-issue, revocation across tenants, and expiry by the poller.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"learnstack.awards.expiry-poll-interval=200ms", "learnstack.public-base-url=https://lrs.example"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwardIntakeIntegrationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcTemplate jdbc;

    private PublishedEvents published;

    @TestConfiguration
    static class FakeCatalogue {

        /** first-aid lasts three years; instant-expiry is over as soon as it is issued. */
        @Bean
        Catalogue catalogue() {
            return (tenant, credentialId) -> switch (credentialId) {
                case "first-aid" -> Optional.of(AwardFixtures.firstAid(Period.ofYears(3)));
                case "instant-expiry" -> Optional.of(new CredentialDefinition("instant-expiry", 1, "Gone", null, null,
                        "badge", AwardFixtures.firstAid(null).requirement(), Period.ZERO,
                        CredentialDefinition.IssuancePolicy.AUTOMATIC));
                default -> Optional.empty();
            };
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureProperties.register(registry);
    }

    @BeforeAll
    void subscribe() {
        published = new PublishedEvents("awards-test");
    }

    @AfterAll
    void close() {
        published.close();
    }

    @Test
    void anAwardIsIssuedOnceSignedByAPublishedKeyWithItsDeadline() throws Exception {
        String learner = "mbox:mailto:" + UUID.randomUUID() + "@example.org";
        String body = internalBody("demo", "first-aid", learner);

        // when
        ResponseEntity<String> first = internal(body, "learnstack-internal");
        ResponseEntity<String> again = internal(body, "learnstack-internal");

        // then
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode answer = MAPPER.readTree(first.getBody());
        String awardId = answer.get("awardId").asText();
        assertThat(MAPPER.readTree(again.getBody()).get("awardId").asText()).isEqualTo(awardId);
        assertThat(answer.get("url").asText()).isEqualTo("https://lrs.example/credentials/" + awardId);

        List<ConsumerRecord<String, byte[]>> issued = published.awaitDistinct(record ->
                "CredentialIssued".equals(header(record, EventTypes.TYPE_HEADER))
                        && new String(record.value()).contains(awardId), 1);
        assertThat(issued.get(0).key()).isEqualTo("demo|" + learner);
        JsonNode event = MAPPER.readTree(issued.get(0).value());
        Instant validUntil = Instant.parse(event.get("validUntil").asText());
        String kid = AwardFixtures.header(event.get("signedCredential").asText()).get("kid").asText();

        String keyId = jdbc.queryForObject("SELECT keyId FROM IssuerKey WHERE tenant = 'demo'", String.class);
        assertThat(kid).isEqualTo("https://lrs.example/issuers/demo#" + keyId);
        published.awaitFirst(record -> "IssuerKeyPublished".equals(header(record, EventTypes.TYPE_HEADER))
                && new String(record.value()).contains(keyId));
        assertThat(jdbc.queryForObject("SELECT due FROM AwardDeadline WHERE awardId = ?", Long.class, awardId))
                .isEqualTo(validUntil.toEpochMilli());
    }

    @Test
    void onlyTheIssuingTenantRevokesAndARevokedAwardNoLongerExpires() throws Exception {
        String learner = "mbox:mailto:" + UUID.randomUUID() + "@example.org";
        String awardId = MAPPER.readTree(internal(internalBody("demo", "first-aid", learner), "learnstack-internal")
                .getBody()).get("awardId").asText();

        // when
        ResponseEntity<String> byHarbour = revoke(awardId, "harbour");
        ResponseEntity<String> byDemo = revoke(awardId, "demo");
        ResponseEntity<String> unknown = revoke(UUID.randomUUID().toString(), "demo");

        // then
        assertThat(byHarbour.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(byDemo.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(MAPPER.readTree(byDemo.getBody()).get("revoked").asBoolean()).isTrue();
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        published.awaitDistinct(record -> "CredentialRevoked".equals(header(record, EventTypes.TYPE_HEADER))
                && new String(record.value()).contains(awardId), 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM AwardDeadline WHERE awardId = ?", Integer.class, awardId))
                .isZero();
    }

    @Test
    void anAwardExpiresWhenItsDeadlinePasses() throws Exception {
        String learner = "mbox:mailto:" + UUID.randomUUID() + "@example.org";

        // when
        String awardId = MAPPER.readTree(internal(internalBody("demo", "instant-expiry", learner),
                "learnstack-internal").getBody()).get("awardId").asText();

        // then
        published.awaitDistinct(record -> "CredentialExpired".equals(header(record, EventTypes.TYPE_HEADER))
                && new String(record.value()).contains(awardId), 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM AwardDeadline WHERE awardId = ?", Integer.class, awardId)).isZero());
    }

    @Test
    void theCatalogueRoleIssuesByHandAndUnknownCredentialsAreNotFound() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("northside", "northside");
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"agent\":{\"mbox\":\"mailto:" + UUID.randomUUID() + "@example.org\"}}";

        ResponseEntity<String> issued = http.exchange("/api/credentials/first-aid/awards", HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class);
        ResponseEntity<String> unknown = http.exchange("/api/credentials/no-such/awards", HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class);

        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(issued.getHeaders().getLocation()).hasToString(
                "https://lrs.example/credentials/" + issued.getBody().replaceAll(".*\"awardId\":\"([^\"]+)\".*", "$1"));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aWrongTokenIsRefused() {
        assertThat(internal(internalBody("demo", "first-aid", "mbox:mailto:x@example.org"), "guess").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<String> internal(String body, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/internal/awards", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> revoke(String awardId, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(key, key);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/api/awards/" + awardId + "/revocation", HttpMethod.POST,
                new HttpEntity<>("{\"reason\":\"issued in error\"}", headers), String.class);
    }

    private static String internalBody(String tenant, String credentialId, String learner) {
        return "{\"tenant\":\"" + tenant + "\",\"credentialId\":\"" + credentialId + "\",\"learnerKey\":\"" + learner
                + "\",\"eligibleAt\":\"2026-11-24T09:00:00Z\"}";
    }
}
