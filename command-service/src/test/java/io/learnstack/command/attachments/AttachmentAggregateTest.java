package io.learnstack.command.attachments;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.learnstack.events.AttachmentStored;

class AttachmentAggregateTest {

    private static final String SHA2 = "495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a";
    private static final byte[] CONTENT = "here is a simple attachment".getBytes(StandardCharsets.US_ASCII);
    private static final Instant STORED = Instant.parse("2026-11-24T09:00:02.500Z");

    private FixtureConfiguration<AttachmentAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AttachmentAggregate.class);
    }

    @Test
    void newContentIsStored() {
        fixture.givenNoPriorActivity()
                .when(store(STORED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AttachmentStored("demo", SHA2, "text/plain", CONTENT, STORED));
    }

    @Test
    void contentTheTenantHasAlreadyIsNotStoredAgain() {
        fixture.given(new AttachmentStored("demo", SHA2, "text/plain", CONTENT, STORED))
                .when(store(STORED.plusSeconds(60)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private static StoreAttachment store(Instant stored) {
        return StoreAttachment.of("demo", new ReceivedAttachment(SHA2, "text/plain", CONTENT), stored);
    }
}
