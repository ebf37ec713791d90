package io.learnstack.command.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.command.documents.DocumentRefusedException.Reason;
import io.learnstack.command.documents.Preconditions.Unconditional;
import io.learnstack.command.xapi.InvalidStatementException;
import io.learnstack.events.DocumentDeleted;
import io.learnstack.events.DocumentKind;
import io.learnstack.events.DocumentStored;

class DocumentScopeAggregateTest {

    private static final DocumentScope STATES = new DocumentScope("demo", DocumentKind.STATE,
            "https://rto.example/units/HLTAID011", "mbox:mailto:ada@example.org", null);
    private static final String JSON = "application/json";
    private static final String REGISTRATION = "d1f7c5a4-3c2b-4a1e-9f0d-2b6c8e7a5f31";
    private static final Instant EARLIER = Instant.parse("2026-11-24T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-24T09:05:00.250Z");

    private FixtureConfiguration<DocumentScopeAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DocumentScopeAggregate.class);
    }

    @Nested
    class Put {

        @Test
        void aNewDocumentIsStoredAsSentWithTheSha1OfItsContentAsETag() {
            byte[] content = {0, 1, 2, (byte) 0xff};

            fixture.givenNoPriorActivity()
                    .when(put("bookmark", "application/octet-stream", content, Preconditions.none()))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(Etags.of(content))
                    .expectEvents(stored("bookmark", "application/octet-stream", content, NOW));
        }

        @Test
        void anotherContentReplacesTheDocument() {
            fixture.given(stored("bookmark", JSON, "{\"page\":1}", EARLIER))
                    .when(put("bookmark", JSON, "{\"page\":2}", Preconditions.none()))
                    .expectEvents(stored("bookmark", JSON, "{\"page\":2}", NOW));
        }

        @Test
        void theSameContentAndTypeAgainRecordsNothing() {
            fixture.given(stored("bookmark", JSON, "{\"page\":1}", EARLIER))
                    .when(put("bookmark", JSON, "{\"page\":1}", Preconditions.none()))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(etag("{\"page\":1}"))
                    .expectNoEvents();
        }

        @Test
        void theSameContentUnderAnotherTypeIsStored() {
            fixture.given(stored("bookmark", JSON, "{\"page\":1}", EARLIER))
                    .when(put("bookmark", "text/plain", "{\"page\":1}", Preconditions.none()))
                    .expectEvents(stored("bookmark", "text/plain", "{\"page\":1}", NOW));
        }

        @Test
        void documentsOfOneScopeAreIndependent() {
            fixture.given(stored("bookmark", JSON, "{\"page\":1}", EARLIER))
                    .when(put("progress", JSON, "{\"done\":3}", ifNoneMatch("*")))
                    .expectEvents(stored("progress", JSON, "{\"done\":3}", NOW));
        }
    }

    @Nested
    class Preconditions412 {

        @Test
        void ifMatchWithTheCurrentETagReplaces() {
            fixture.given(stored("bookmark", JSON, "{\"page\":1}", EARLIER))
                    .when(put("bookmark", JSON, "{\"page\":2}", ifMatch(etag("{\"page\":1}"))))
                    .expectEvents(stored("bookmark", JSON, "{\"page\":2}", NOW));
        }

        @Test
        void ifMatchWithAnotherETagFails() {
            fixture.given(stored("bookmark", JSON, "{\"page\":1}", EARLIER))
                    .when(put("bookmark", JSON, "{\"page\":2}", ifMatch("\"1234\"")))
                    .expectNoEvents()
                    .expectException(refused(Reason.PRECONDITION_FAILED));
        }

        @Test
        void ifMatchAnyNeedsADocument() {
            fixture.givenNoPriorActivity()
                    .when(put("bookmark", JSON, "{\"page\":2}", ifMatch("*")))
                    .expectNoEvents()
                    .expectException(refused(Reason.PRECONDITION_FAILED));
        }

        @Test
        void ifNoneMatchAnyFailsOnAnExistingDocument() {
            fixture.given(stored("bookmark", JSON, "{\"page\":1}", EARLIER))
                    .when(put("bookmark", JSON, "{\"page\":2}", ifNoneMatch("*")))
                    .expectNoEvents()
                    .expectException(refused(Reason.PRECONDITION_FAILED));
        }

        @Test
        void ifMatchAppliesToPostsAndDeletesToo() {
            fixture.given(stored("bookmark", JSON, "{\"page\":1}", EARLIER))
                    .when(post("bookmark", JSON, "{\"page\":2}", ifMatch("\"1234\"")))
                    .expectException(refused(Reason.PRECONDITION_FAILED));
            new AggregateTestFixture<>(DocumentScopeAggregate.class)
                    .given(stored("bookmark", JSON, "{\"page\":1}", EARLIER))
                    .when(new DeleteDocument(STATES, "bookmark", ifMatch("\"1234\""), NOW))
                    .expectNoEvents()
                    .expectException(refused(Reason.PRECONDITION_FAILED));
        }
    }

    @Nested
    class PutWithoutPreconditions {

        @Test
        void conflictsWithAnExistingDocumentWhereTheVersionAsksForIt() {
            fixture.given(stored("bookmark", JSON, "{\"page\":1}", EARLIER))
                    .when(put("bookmark", JSON, "{\"page\":2}", unconditional(Unconditional.CONFLICTS_WITH_EXISTING)))
                    .expectNoEvents()
                    .expectException(refused(Reason.CONFLICT));
        }

        @Test
        void createsANewDocumentWhenOnlyReplacingIsGuarded() {
            fixture.givenNoPriorActivity()
                    .when(put("bookmark", JSON, "{\"page\":2}", unconditional(Unconditional.CONFLICTS_WITH_EXISTING)))
                    .expectEvents(stored("bookmark", JSON, "{\"page\":2}", NOW));
        }

        @Test
        void isRefusedForANewDocumentWhenThePreconditionIsRequired() {
            fixture.givenNoPriorActivity()
                    .when(put("bookmark", JSON, "{\"page\":2}", unconditional(Unconditional.REFUSED)))
                    .expectNoEvents()
                    .expectException(refused(Reason.PRECONDITION_REQUIRED));
        }

        @Test
        void conflictsWithAnExistingDocumentWhenThePreconditionIsRequired() {
            fixture.given(stored("bookmark", JSON, "{\"page\":1}", EARLIER))
                    .when(put("bookmark", JSON, "{\"page\":2}", unconditional(Unconditional.REFUSED)))
                    .expectException(refused(Reason.CONFLICT));
        }
    }

    @Nested
    class Post {

        @Test
        void mergesTopLevelPropertiesReplacingWholeValues() throws Exception {
            fixture.given(stored("bookmark", JSON,
                            "{\"car\":{\"make\":\"Ford\",\"model\":\"Escape\"},\"driver\":\"Dale\",\"keep\":true}", EARLIER))
                    .when(post("bookmark", JSON, "{\"car\":{\"make\":\"Dodge\"},\"driver\":\"Jeff\",\"type\":\"Ram\"}",
                            Preconditions.none()))
                    .expectEventsMatching(payloadsMatching(
                            exactSequenceOf(
                                    new CustomTypeSafeMatcher<DocumentStored>("the merged document") {
                                        @Override
                                        protected boolean matchesSafely(DocumentStored event) {
                                            return event.contentType().equals(JSON)
                                                    && json(event.content()).equals(json("{\"car\":{\"make\":\"Dodge\"},"
                                                            + "\"driver\":\"Jeff\",\"keep\":true,\"type\":\"Ram\"}"))
                                                    && event.etag().equals(Etags.of(event.content()))
                                                    && event.stored().equals(NOW);
                                        }
                                    },
                                    andNoMore())));
        }

        @Test
        void storesADocumentThatDoesNotExistAsSent() {
            fixture.given(stored("other", JSON, "{\"a\":1}", EARLIER))
                    .when(post("bookmark", "text/plain", "chapter 3", Preconditions.none()))
                    .expectEvents(stored("bookmark", "text/plain", "chapter 3", NOW));
        }

        @Test
        void aMergeThatChangesNothingRecordsNothing() {
            fixture.given(stored("bookmark", JSON, "{\"a\":1,\"b\":2}", EARLIER))
                    .when(post("bookmark", JSON, "{\"b\":2}", Preconditions.none()))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesNonJsonIntoAJsonDocument() {
            fixture.given(stored("bookmark", JSON, "{\"a\":1}", EARLIER))
                    .when(post("bookmark", "application/octet-stream", "abcdefg", Preconditions.none()))
                    .expectNoEvents()
                    .expectException(InvalidStatementException.class);
        }

        @Test
        void refusesJsonIntoADocumentStoredAsAnotherType() {
            fixture.given(stored("bookmark", "application/octet-stream", "/ asdf / undefined", EARLIER))
                    .when(post("bookmark", JSON, "{\"a\":1}", Preconditions.none()))
                    .expectNoEvents()
                    .expectException(InvalidStatementException.class);
        }

        @Test
        void refusesJsonIntoAJsonDocumentThatIsNoObject() {
            fixture.given(stored("bookmark", JSON, "[1,2]", EARLIER))
                    .when(post("bookmark", JSON, "{\"a\":1}", Preconditions.none()))
                    .expectNoEvents()
                    .expectException(InvalidStatementException.class);
        }

        @Test
        void ifNoneMatchAnyRefusesAMergeIntoAnExistingDocument() {
            fixture.given(stored("bookmark", JSON, "{\"a\":1}", EARLIER))
                    .when(post("bookmark", JSON, "{\"b\":1}", ifNoneMatch("*")))
                    .expectException(refused(Reason.PRECONDITION_FAILED));
        }
    }

    @Nested
    class Delete {

        @Test
        void deletesOneDocument() {
            fixture.given(stored("bookmark", JSON, "{\"a\":1}", EARLIER), stored("progress", JSON, "{}", EARLIER))
                    .when(new DeleteDocument(STATES, "bookmark", Preconditions.none(), NOW))
                    .expectEvents(new DocumentDeleted("demo", STATES.address("bookmark"), NOW));
        }

        @Test
        void deletingADocumentTwiceRecordsItOnce() {
            fixture.given(stored("bookmark", JSON, "{\"a\":1}", EARLIER),
                            new DocumentDeleted("demo", STATES.address("bookmark"), EARLIER))
                    .when(new DeleteDocument(STATES, "bookmark", Preconditions.none(), NOW))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void deletingInAScopeThatWasNeverWrittenRecordsNothing() {
            fixture.givenNoPriorActivity()
                    .when(new DeleteDocument(STATES, "bookmark", Preconditions.none(), NOW))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void deletingAScopeDeletesEachOfItsDocumentsOnce() {
            fixture.given(stored("bookmark", JSON, "{\"a\":1}", EARLIER), stored("progress", JSON, "{}", EARLIER),
                            stored("gone", JSON, "{}", EARLIER),
                            new DocumentDeleted("demo", STATES.address("gone"), EARLIER))
                    .when(new DeleteDocuments(STATES, NOW))
                    .expectEvents(new DocumentDeleted("demo", STATES.address("bookmark"), NOW),
                            new DocumentDeleted("demo", STATES.address("progress"), NOW));
        }

        @Test
        void withoutARegistrationDeletesTheStatesOfEveryRegistration() {
            DocumentScope registered = new DocumentScope("demo", DocumentKind.STATE, STATES.activityId(),
                    STATES.agentKey(), REGISTRATION);
            fixture.given(stored("bookmark", JSON, "{}", EARLIER),
                            new DocumentStored("demo", registered.address("bookmark"), JSON, "{}".getBytes(),
                                    Etags.of("{}".getBytes()), EARLIER))
                    .when(new DeleteDocuments(STATES, NOW))
                    .expectEvents(new DocumentDeleted("demo", registered.address("bookmark"), NOW),
                            new DocumentDeleted("demo", STATES.address("bookmark"), NOW));
        }

        @Test
        void withARegistrationDeletesThatRegistrationsStatesOnly() {
            DocumentScope registered = new DocumentScope("demo", DocumentKind.STATE, STATES.activityId(),
                    STATES.agentKey(), REGISTRATION);
            fixture.given(stored("bookmark", JSON, "{}", EARLIER),
                            new DocumentStored("demo", registered.address("bookmark"), JSON, "{}".getBytes(),
                                    Etags.of("{}".getBytes()), EARLIER))
                    .when(new DeleteDocuments(registered, NOW))
                    .expectEvents(new DocumentDeleted("demo", registered.address("bookmark"), NOW));
        }

        @Test
        void theSameStateIdUnderTwoRegistrationsAreTwoDocuments() {
            DocumentScope registered = new DocumentScope("demo", DocumentKind.STATE, STATES.activityId(),
                    STATES.agentKey(), REGISTRATION);
            fixture.given(stored("bookmark", JSON, "{}", EARLIER))
                    .when(new StoreDocument(registered, "bookmark", JSON, "{}".getBytes(), ifNoneMatch("*"), NOW))
                    .expectEvents(new DocumentStored("demo", registered.address("bookmark"), JSON, "{}".getBytes(),
                            Etags.of("{}".getBytes()), NOW));
        }

        @Test
        void aDeletedDocumentCanBeCreatedAgain() {
            fixture.given(stored("bookmark", JSON, "{\"a\":1}", EARLIER),
                            new DocumentDeleted("demo", STATES.address("bookmark"), EARLIER))
                    .when(put("bookmark", JSON, "{\"a\":1}", ifNoneMatch("*")))
                    .expectEvents(stored("bookmark", JSON, "{\"a\":1}", NOW));
        }
    }

    private static StoreDocument put(String id, String contentType, String content, Preconditions preconditions) {
        return put(id, contentType, content.getBytes(StandardCharsets.UTF_8), preconditions);
    }

    private static StoreDocument put(String id, String contentType, byte[] content, Preconditions preconditions) {
        return new StoreDocument(STATES, id, contentType, content, preconditions, NOW);
    }

    private static MergeDocument post(String id, String contentType, String content, Preconditions preconditions) {
        return new MergeDocument(STATES, id, contentType, content.getBytes(StandardCharsets.UTF_8), preconditions,
                NOW);
    }

    private static DocumentStored stored(String id, String contentType, String content, Instant when) {
        return stored(id, contentType, content.getBytes(StandardCharsets.UTF_8), when);
    }

    private static DocumentStored stored(String id, String contentType, byte[] content, Instant when) {
        return new DocumentStored("demo", STATES.address(id), contentType, content, Etags.of(content), when);
    }

    private static String etag(String content) {
        return Etags.of(content.getBytes(StandardCharsets.UTF_8));
    }

    private static Preconditions ifMatch(String tags) {
        return new Preconditions(Etags.parse(tags), null, Unconditional.CONFLICTS_WITH_EXISTING);
    }

    private static Preconditions ifNoneMatch(String tags) {
        return new Preconditions(null, Etags.parse(tags), Unconditional.CONFLICTS_WITH_EXISTING);
    }

    private static Preconditions unconditional(Unconditional unconditional) {
        return new Preconditions(null, null, unconditional);
    }

    private static Matcher<DocumentRefusedException> refused(Reason reason) {
        return new CustomTypeSafeMatcher<>("refused for " + reason) {
            @Override
            protected boolean matchesSafely(DocumentRefusedException refused) {
                return refused.reason() == reason;
            }
        };
    }

    private static Object json(byte[] content) {
        try {
            return new ObjectMapper().readTree(content);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Object json(String content) {
        return json(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theScopeAggregateIdFitsTheEventStoreAndSeparatesScopes() {
        String longIri = "https://rto.example/" + "x".repeat(400);
        DocumentScope withoutRegistration = new DocumentScope("demo", DocumentKind.STATE, longIri, "mbox:a", null);
        DocumentScope withRegistration = new DocumentScope("demo", DocumentKind.STATE, longIri, "mbox:a",
                "d1f7c5a4-3c2b-4a1e-9f0d-2b6c8e7a5f31");

        assertThat(withoutRegistration.aggregateId()).hasSizeLessThan(255).startsWith("documents/state/");
        assertThat(withRegistration.aggregateId()).as("one aggregate holds the states of every registration")
                .isEqualTo(withoutRegistration.aggregateId());
        assertThat(List.of(withoutRegistration.aggregateId(),
                new DocumentScope("other", DocumentKind.STATE, longIri, "mbox:a", null).aggregateId(),
                new DocumentScope("demo", DocumentKind.AGENT_PROFILE, null, "mbox:a", null).aggregateId()))
                .doesNotHaveDuplicates();
    }
}
