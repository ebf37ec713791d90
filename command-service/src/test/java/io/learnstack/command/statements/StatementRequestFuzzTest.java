package io.learnstack.command.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.command.attachments.Part;
import io.learnstack.command.attachments.StatementAttachments;
import io.learnstack.command.config.DomainEventTable;
import io.learnstack.command.enrolments.StatementEnrolments;
import io.learnstack.command.fuzz.HostileJson;
import io.learnstack.command.publishing.PublicationTracker;
import io.learnstack.security.Client;
import io.learnstack.security.Role;
import io.learnstack.command.web.RequestTooLargeException;
import io.learnstack.command.xapi.InvalidStatementException;
import io.learnstack.command.xapi.XapiVersion;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile statement requests, from the bytes of the body to the commands the intake would append: each is
 * either taken or refused with one of the errors mapped to a 4xx ({@link InvalidStatementException},
 * {@link RequestTooLargeException}), never anything that would answer 500, and each is decided quickly.
 */
class StatementRequestFuzzTest {

    private static final Duration AT_MOST = Duration.ofSeconds(2);

    private static final String MINIMAL = """
            {"actor":{"mbox":"mailto:ada@example.org"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},
             "object":{"id":"http://example.org/courses/maths"}}""";

    private static final String RICH = """
            {"id":"fd41c918-b88b-4b20-a0a5-a4c32391aaa0",
             "actor":{"objectType":"Agent","name":"Ada","account":{"homePage":"https://lms.example.org","name":"ada"}},
             "verb":{"id":"http://adlnet.gov/expapi/verbs/answered","display":{"en-US":"answered"}},
             "object":{"objectType":"Activity","id":"http://example.org/q1","definition":{"name":{"en-US":"Q1"},
               "type":"http://adlnet.gov/expapi/activities/cmi.interaction","interactionType":"choice",
               "correctResponsesPattern":["b"],"choices":[{"id":"a","description":{"en-US":"4"}}],
               "extensions":{"http://example.org/ext/d":3}}},
             "result":{"score":{"scaled":0.8,"raw":8,"min":0,"max":10},"success":true,"completion":true,
               "response":"b","duration":"PT1M30.5S"},
             "context":{"registration":"ec531277-b57b-4c15-8d91-d292c5b2b8f7",
               "instructor":{"mbox_sha1sum":"ebd31e95054c018b10727ccffd2ef2ec3a016ee9"},
               "team":{"objectType":"Group","member":[{"openid":"http://openid.example.org/x"}]},
               "contextActivities":{"parent":[{"id":"http://example.org/quiz"}],
                 "category":[{"id":"https://w3id.org/xapi/cmi5/context/categories/cmi5"}]},
               "contextAgents":[{"objectType":"contextAgent","agent":{"mbox":"mailto:b@example.org"}}],
               "language":"en-GB","statement":{"objectType":"StatementRef","id":"6690e6c9-3ef0-4ed3-8b37-7f3964730bee"}},
             "timestamp":"2013-05-18T05:32:34.804+01:00",
             "attachments":[{"usageType":"http://example.org/usage","display":{"en-US":"file"},
               "contentType":"text/plain","length":5,
               "sha2":"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
               "fileUrl":"https://example.org/file"}]}""";

    private static final String SUBSTATEMENT = """
            {"actor":{"mbox":"mailto:ada@example.org"},"verb":{"id":"http://example.org/verbs/planned"},
             "object":{"objectType":"SubStatement","actor":{"objectType":"Group","mbox":"mailto:g@example.org"},
               "verb":{"id":"http://example.org/verbs/will-visit"},"object":{"objectType":"Agent",
               "account":{"homePage":"http://x.example.org","name":"x"}}}}""";

    private static final String VOIDING = """
            {"actor":{"mbox":"mailto:ada@example.org"},"verb":{"id":"http://adlnet.gov/expapi/verbs/voided"},
             "object":{"objectType":"StatementRef","id":"fd41c918-b88b-4b20-a0a5-a4c32391aaa0"}}""";

    private final Client client = new Client("demo", "demo", Set.of(Role.XAPI));
    private final ObjectMapper json = new ObjectMapper();
    private final StatementIntake intake = new StatementIntake(mock(CommandGateway.class), mock(DomainEventTable.class),
            mock(TransactionManager.class), mock(PublicationTracker.class),
            new StatementClassifier(VerbMapping.adlDefaults()), new AuthorityFactory("http://127.0.0.1:8080", json),
            json, new SimpleMeterRegistry(), mock(StatementEnrolments.class));
    private final StatementBodies bodies = new StatementBodies(json, DataSize.ofKilobytes(64));
    private final StatementAttachments attachments = new StatementAttachments();

    @Property(tries = 3000)
    void aMutatedStatementIsTakenOrRefusedAsInvalid(@ForAll("mutatedStatements") JsonNode statement,
            @ForAll XapiVersion version) {
        assertTakenOrRefused(List.of(statement), List.of(), version);
    }

    @Property(tries = 1500)
    void aRandomDocumentIsTakenOrRefusedAsInvalid(@ForAll("randomDocuments") JsonNode statement,
            @ForAll XapiVersion version) {
        assertTakenOrRefused(List.of(statement), List.of(), version);
    }

    @Property(tries = 500)
    void aBatchOfMutatedStatementsIsTakenOrRefusedWhole(@ForAll("batches") List<JsonNode> statements,
            @ForAll XapiVersion version) {
        assertTakenOrRefused(statements, List.of(), version);
    }

    @Property(tries = 2000)
    void aHostileBodyIsReadOrRefused(@ForAll("contentTypes") String contentType, @ForAll("bodies") byte[] body,
            @ForAll XapiVersion version) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/xapi/statements");
        request.setContentType(contentType);
        request.setContent(body);
        within(() -> {
            StatementBody read;
            try {
                read = bodies.read(request);
            } catch (InvalidStatementException | RequestTooLargeException refused) {
                return;
            }
            List<JsonNode> statements = new ArrayList<>();
            if (read.document().isArray()) {
                read.document().forEach(statements::add);
            } else {
                statements.add(read.document());
            }
            assertTakenOrRefused(statements, read.attachments(), version);
        });
    }

    @Property(tries = 1500)
    void aMultipartRequestWithHostilePartsIsTakenOrRefused(@ForAll("multipartBodies") byte[] body,
            @ForAll XapiVersion version) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/xapi/statements");
        request.setContentType("multipart/mixed; boundary=\"b0und'ry\"");
        request.setContent(body);
        within(() -> {
            StatementBody read;
            try {
                read = bodies.read(request);
            } catch (InvalidStatementException | RequestTooLargeException refused) {
                return;
            }
            List<JsonNode> statements = new ArrayList<>();
            if (read.document().isArray()) {
                read.document().forEach(statements::add);
            } else {
                statements.add(read.document());
            }
            assertTakenOrRefused(statements, read.attachments(), version);
        });
    }

    @Example
    void aBodyNestedDeeperThanTheParserTakesIsRefusedAsInvalid() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/xapi/statements");
        request.setContentType("application/json");
        request.setContent(("{\"actor\":" + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8));

        within(() -> {
            try {
                bodies.read(request);
            } catch (InvalidStatementException refused) {
                assertThat(refused).hasMessageContaining("not valid JSON");
                return;
            }
            throw new AssertionError("a body nested 5000 deep was taken");
        });
    }

    @Provide
    Arbitrary<JsonNode> mutatedStatements() {
        return HostileJson.mutationsOf(MINIMAL, RICH, SUBSTATEMENT, VOIDING);
    }

    @Provide
    Arbitrary<JsonNode> randomDocuments() {
        return Arbitraries.oneOf(HostileJson.trees(5), HostileJson.deeplyNested().map(nested -> {
            var statement = HostileJson.mutationsOf(MINIMAL).sample().deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) statement).set("context", nested);
            return statement;
        }));
    }

    @Provide
    Arbitrary<List<JsonNode>> batches() {
        Arbitrary<JsonNode> valid = Arbitraries.of(MINIMAL, RICH, SUBSTATEMENT, VOIDING).map(this::read);
        return Arbitraries.oneOf(valid, mutatedStatements()).list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.oneOf(Arbitraries.of("application/json", "application/json; charset=utf-8",
                "APPLICATION/JSON", "multipart/mixed; boundary=abc", "multipart/mixed", "multipart/mixed; boundary=",
                "multipart/mixed; boundary=\"\"", "multipart/mixed; boundary=\"", "text/plain", "application/",
                "*/*", ";", "multipart/mixed; boundary=" + "x".repeat(80)), HostileJson.texts());
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<String> documents = HostileJson.jsonTexts(Arbitraries.oneOf(mutatedStatements(),
                batches().map(list -> json.createArrayNode().addAll(list))));
        return Arbitraries.oneOf(documents.map(text -> text.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                multipartBodies());
    }

    @Provide
    Arbitrary<byte[]> multipartBodies() {
        Arbitrary<String> headerLines = Arbitraries.oneOf(
                Arbitraries.of("Content-Type: application/json", "Content-Type: text/plain",
                        "Content-Transfer-Encoding: binary", "Content-Transfer-Encoding: base64",
                        "X-Experience-API-Hash: 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                        "X-Experience-API-Hash: ", "X-Experience-API-Hash: zz", "Content-Type", ": x", ""),
                HostileJson.texts().map(text -> "X-Experience-API-Hash: " + text));
        Arbitrary<String> part = Combinators.combine(headerLines.list().ofMaxSize(4),
                Arbitraries.oneOf(Arbitraries.just("hello"), HostileJson.jsonTexts(mutatedStatements()),
                        HostileJson.texts())).as((headers, content) -> String.join("\r\n", headers) + "\r\n\r\n" + content);
        Arbitrary<String> statementsPart = HostileJson.jsonTexts(mutatedStatements())
                .map(text -> "Content-Type: application/json\r\n\r\n" + text);
        Arbitrary<String> separators = Arbitraries.of("\r\n--b0und'ry\r\n", "\n--b0und'ry\n", "\r\n--b0und'ry",
                "--b0und'ry\r\n", "\r\n--b0und'ry--", "\r\n--other\r\n");
        return Combinators.combine(statementsPart, part.list().ofMaxSize(3), separators.list().ofMinSize(3)
                .ofMaxSize(3), Arbitraries.of("\r\n--b0und'ry--\r\n", "\r\n--b0und'ry--", "", "\r\n--b0und'ry"))
                .as((first, rest, seps, closing) -> {
                    StringBuilder body = new StringBuilder("--b0und'ry\r\n").append(first);
                    for (int i = 0; i < rest.size(); i++) {
                        body.append(seps.get(i)).append(rest.get(i));
                    }
                    return body.append(closing).toString().getBytes(StandardCharsets.UTF_8);
                });
    }

    private void assertTakenOrRefused(List<JsonNode> statements, List<Part> parts, XapiVersion version) {
        within(() -> {
            try {
                List<RecordStatement> batch = intake.prepare(client, statements, Instant.now(), version,
                        new ArrayList<>());
                attachments.check(statements, parts);
                assertThat(batch).hasSameSizeAs(statements);
                Statistics.collect("taken");
            } catch (InvalidStatementException refused) {
                assertThat(refused.getMessage()).isNotBlank();
                Statistics.collect("refused");
            }
        });
    }

    private static void within(Runnable check) {
        long start = System.nanoTime();
        check.run();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(AT_MOST);
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String sha256(String content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    }
}
