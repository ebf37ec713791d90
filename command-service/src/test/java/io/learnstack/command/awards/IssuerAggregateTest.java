package io.learnstack.command.awards;

import java.time.Instant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.learnstack.events.IssuerKeyPublished;

class IssuerAggregateTest {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final String ISSUER = AwardIds.issuerAggregateId("demo");
    private static final String JWK = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"abc\"}";

    private FixtureConfiguration<IssuerAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IssuerAggregate.class);
    }

    @Test
    void aKeyIsPublishedOnce() {
        fixture.givenNoPriorActivity()
                .when(new PublishIssuerKey(ISSUER, "demo", "key-1", JWK, NOW))
                .expectEvents(new IssuerKeyPublished("demo", "key-1", "Ed25519", JWK, NOW));
    }

    @Test
    void publishingTheSameKeyAgainRecordsNothing() {
        fixture.given(new IssuerKeyPublished("demo", "key-1", "Ed25519", JWK, NOW))
                .when(new PublishIssuerKey(ISSUER, "demo", "key-1", JWK, NOW.plusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aNewKeyIsPublishedBesideTheOldOne() {
        fixture.given(new IssuerKeyPublished("demo", "key-1", "Ed25519", JWK, NOW))
                .when(new PublishIssuerKey(ISSUER, "demo", "key-2", JWK, NOW.plusSeconds(1)))
                .expectEvents(new IssuerKeyPublished("demo", "key-2", "Ed25519", JWK, NOW.plusSeconds(1)));
    }
}
