package io.learnstack.command.catalogue;

import static io.learnstack.command.PublishedEvents.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.command.InfrastructureProperties;
import io.learnstack.command.PublishedEvents;
import io.learnstack.events.EventTypes;

/**
 * Catalogue changes against the real event-store server and Kafka broker: status codes, the events on the
 * bus keyed by the tenant's catalogue, and lookups through {@link Catalogue} past snapshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "learnstack.catalogue.snapshot-threshold=3")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueIntegrationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private Catalogue catalogue;
    @Autowired
    private JdbcTemplate jdbc;

    private PublishedEvents published;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureProperties.register(registry);
    }

    @BeforeAll
    void subscribe() {
        published = new PublishedEvents("catalogue-test");
    }

    @AfterAll
    void close() {
        published.close();
    }

    @Test
    void aCatalogueIsDefinedRevisedAndRetiredAndEveryChangeReachesTheBusInOrder() throws Exception {
        // given
        String run = UUID.randomUUID().toString().substring(0, 8);
        String unit = "unit-" + run;
        String skillSet = "skill-set-" + run;

        // when
        ResponseEntity<String> defined = send(HttpMethod.POST, "/api/credentials", definition(unit, completed()));
        ResponseEntity<String> stacked = send(HttpMethod.POST, "/api/credentials", definition(skillSet,
                "{\"type\":\"allOf\",\"of\":[{\"type\":\"credentialHeld\",\"credentialId\":\"" + unit + "\"}]}"));
        ResponseEntity<String> cycle = send(HttpMethod.PUT, "/api/credentials/" + unit, definition(unit,
                "{\"type\":\"credentialHeld\",\"credentialId\":\"" + skillSet + "\"}"));
        ResponseEntity<String> revised = null;
        for (int window = 1; window <= 4; window++) {
            revised = send(HttpMethod.PUT, "/api/credentials/" + unit, definition(unit,
                    "{\"type\":\"within\",\"window\":\"P" + window + "M\",\"requirement\":" + completed() + "}"));
        }
        ResponseEntity<String> retired = send(HttpMethod.DELETE, "/api/credentials/" + skillSet, null);
        ResponseEntity<String> reviseRetired = send(HttpMethod.PUT, "/api/credentials/" + skillSet,
                definition(skillSet, completed()));
        ResponseEntity<String> redefine = send(HttpMethod.POST, "/api/credentials", definition(skillSet, completed()));

        // then
        assertThat(defined.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(defined.getHeaders().getLocation()).isEqualTo(URI.create("/api/credentials/" + unit));
        assertThat(MAPPER.readTree(defined.getBody())).isEqualTo(MAPPER.readTree(
                "{\"id\":\"" + unit + "\",\"revision\":1}"));
        assertThat(stacked.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(cycle.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(MAPPER.readTree(cycle.getBody()).path("message").asText())
                .endsWith(unit + " -> " + skillSet + " -> " + unit);
        assertThat(revised.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(MAPPER.readTree(revised.getBody()).path("revision").asInt()).isEqualTo(5);
        assertThat(retired.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(reviseRetired.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(redefine.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        // and the lookup reads past the snapshots
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?",
                Integer.class, "catalogue/demo")).isPositive();
        assertThat(catalogue.current("demo", unit)).hasValueSatisfying(current -> {
            assertThat(current.revision()).isEqualTo(5);
            assertThat(current.requirement().toString()).contains("P4M");
        });
        assertThat(catalogue.current("demo", skillSet)).isEmpty();
        assertThat(catalogue.current("harbour-rto", unit)).isEmpty();

        // and the bus carries each change, keyed by the tenant's catalogue
        List<ConsumerRecord<String, byte[]>> records = published.awaitDistinct(record ->
                record.key().equals("demo|catalogue") && (record.value() != null)
                        && new String(record.value()).contains(run), 7);
        assertThat(records).extracting(record -> header(record, EventTypes.TYPE_HEADER)).containsExactly(
                "CredentialDefined", "CredentialDefined", "CredentialRevised", "CredentialRevised",
                "CredentialRevised", "CredentialRevised", "CredentialRetired");
        JsonNode last = MAPPER.readTree(records.get(5).value());
        assertThat(last.path("definition").path("revision").asInt()).isEqualTo(5);
        assertThat(last.path("definition").path("validity").asText()).isEqualTo("P3Y");
        assertThat(last.path("definition").path("requirement").path("window").asText()).isEqualTo("P4M");
    }

    private ResponseEntity<String> send(HttpMethod method, String path, String body) {
        RequestEntity.BodyBuilder request = RequestEntity.method(method, URI.create(path))
                .header("Authorization", "Basic ZGVtbzpkZW1v").contentType(MediaType.APPLICATION_JSON);
        return http.exchange(body == null ? request.build() : request.body(body), String.class);
    }

    private static String definition(String id, String requirement) {
        return "{\"id\":\"" + id + "\",\"name\":\"Credential " + id + "\",\"kind\":\"unit\",\"validity\":\"P3Y\","
                + "\"requirement\":" + requirement + "}";
    }

    private static String completed() {
        return "{\"type\":\"activityCompleted\",\"activityId\":\"https://rto.example/units/HLTAID009\"}";
    }
}
