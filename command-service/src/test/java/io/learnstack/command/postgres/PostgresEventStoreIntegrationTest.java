package io.learnstack.command.postgres;

import static io.learnstack.command.XapiRequests.TOPIC;
import static io.learnstack.command.XapiRequests.inParallel;
import static io.learnstack.command.XapiRequests.post;
import static io.learnstack.command.XapiRequests.statement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.learnstack.command.XapiRequests;
import io.learnstack.events.EventTypes;
import io.learnstack.testsupport.LocalInfrastructure;

/**
 * The command service on PostgreSQL, chosen by configuration alone, as in production
 * ({@code spring.datasource.url=jdbc:postgresql://...}, {@code spring.sql.init.platform=postgresql}):
 * a real PostgreSQL server from the operating system's package holds the event store and the
 * publisher's token, and the shared Kafka broker receives the events.
 *
 * <p>Skipped when PostgreSQL is not installed ({@code apt-get install postgresql}; {@code .ci/run} does it).
 */
// Before @SpringBootTest, so that the server stops only after Spring has closed the context.
@ExtendWith(PostgresServerExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The context's database stops with this class: close the context then, and keep it out of the cache.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresEventStoreIntegrationTest {

    private static KafkaConsumer<String, byte[]> consumer;
    private static final List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private DataSource dataSource;

    @DynamicPropertySource
    static void postgresAndKafka(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> PostgresServerExtension.server().jdbcUrl());
        registry.add("spring.datasource.username", () -> PostgresServerExtension.server().username());
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.sql.init.platform", () -> "postgresql");
        registry.add("spring.kafka.bootstrap-servers", () -> LocalInfrastructure.shared().kafkaBootstrapServers());
    }

    @BeforeAll
    static void subscribe() {
        consumer = XapiRequests.consumer(LocalInfrastructure.shared().kafkaBootstrapServers(), "postgres-test");
        consumer.subscribe(List.of(TOPIC));
    }

    @AfterAll
    static void unsubscribe() {
        if (consumer != null) {
            consumer.close();
            consumer = null;
        }
        published.clear();
    }

    @Test
    void theEventStoreIsPostgres() throws SQLException {
        // given
        String product;

        // when
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        }

        // then
        assertThat(product).isEqualTo("PostgreSQL");
        assertThat(jdbc.queryForObject("SELECT current_database() || ' ' || current_setting('port')", String.class))
                .isEqualTo(PostgresServerExtension.DATABASE + " " + PostgresServerExtension.server().port());
        assertThat(jdbc.queryForObject("SELECT data_type FROM information_schema.columns"
                + " WHERE table_name = 'domainevententry' AND column_name = 'payload'", String.class))
                .isEqualTo("bytea");
        assertThat(jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
                String.class)).contains("domainevententry", "snapshotevententry", "tokenentry");
    }

    @Test
    void aBatchOfThreeStatementsIsStoredAsEventsAndPublished() {
        // given
        String passed = UUID.randomUUID().toString();
        String completed = UUID.randomUUID().toString();
        String launched = UUID.randomUUID().toString();

        // when
        ResponseEntity<String> response = post(http, "[" + statement(passed, "mailto:ada@example.org", "passed", 0.9) + ","
                + statement(completed, "mailto:ada@example.org", "completed", null) + ","
                + statement(launched, "mailto:bob@example.org", "launched", null) + "]");

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).isEqualTo("[\"" + passed + "\",\"" + completed + "\",\"" + launched + "\"]");
        assertThat(payloadTypesOf(passed)).containsExactly("io.learnstack.events.StatementRecorded",
                "io.learnstack.events.AssessmentSubmitted");
        assertThat(payloadTypesOf(completed)).containsExactly("io.learnstack.events.StatementRecorded",
                "io.learnstack.events.CompletionRecorded");
        assertThat(payloadTypesOf(launched)).containsExactly("io.learnstack.events.StatementRecorded",
                "io.learnstack.events.LearningActivityRecorded");
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM DomainEventEntry"
                + " WHERE aggregateIdentifier = ? AND sequenceNumber = 0", String.class, "demo/" + passed))
                .contains("\"statementId\":\"" + passed + "\"");
        Set<String> stored = eventIdsOf(passed, completed, launched);
        assertThat(stored).hasSize(6);
        awaitOnKafka(stored);
    }

    @Test
    void aStatementSentAgainIsAcceptedWithoutANewEventAndOtherContentUnderItsIdIsAConflict() {
        // given
        String id = UUID.randomUUID().toString();
        assertThat(post(http, statement(id, "mailto:ada@example.org", "passed", 0.5)).getStatusCode()).isEqualTo(HttpStatus.OK);
        Set<String> first = eventIdsOf(id);

        // when
        ResponseEntity<String> again = post(http, statement(id, "mailto:ada@example.org", "passed", 0.5));
        ResponseEntity<String> other = post(http, statement(id, "mailto:ada@example.org", "passed", 0.6));

        // then
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).isEqualTo("[\"" + id + "\"]");
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(eventIdsOf(id)).hasSize(2).isEqualTo(first);
    }

    /**
     * The clients that find no events for the id all append; PostgreSQL's unique key on (aggregate,
     * sequence) rejects all but one (SQL state 23505), and their retry finds the same content. (Which
     * clients race depends on timing; the server log under target/postgres/ shows the rejections.)
     */
    @Test
    void theSameNewStatementSentAtOnceByManyClientsIsStoredOnce() throws Exception {
        // given
        String id = UUID.randomUUID().toString();
        String statement = statement(id, "mailto:race@example.org", "passed", 0.7);

        // when
        List<HttpStatus> answers = inParallel(8, () -> post(http, statement));

        // then
        assertThat(answers).hasSize(8).containsOnly(HttpStatus.OK);
        Set<String> stored = eventIdsOf(id);
        assertThat(stored).hasSize(2);
        awaitOnKafka(stored);
    }

    /** Publishing is at least once, so a stored event may be on the topic more than once: count distinct ids. */
    private static void awaitOnKafka(Set<String> eventIds) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            synchronized (published) {
                consumer.poll(Duration.ofMillis(200)).forEach(published::add);
                Set<String> seen = new HashSet<>();
                published.forEach(record -> {
                    Header header = record.headers().lastHeader(EventTypes.ID_HEADER);
                    if (header != null) {
                        seen.add(new String(header.value(), StandardCharsets.UTF_8));
                    }
                });
                assertThat(seen).containsAll(eventIds);
            }
        });
    }

    private List<String> payloadTypesOf(String statementId) {
        return jdbc.queryForList("SELECT payloadType FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                + " ORDER BY sequenceNumber", String.class, "demo/" + statementId);
    }

    private Set<String> eventIdsOf(String... statementIds) {
        Set<String> ids = new HashSet<>();
        for (String statementId : statementIds) {
            ids.addAll(jdbc.queryForList("SELECT eventIdentifier FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                    String.class, "demo/" + statementId));
        }
        return ids;
    }
}
