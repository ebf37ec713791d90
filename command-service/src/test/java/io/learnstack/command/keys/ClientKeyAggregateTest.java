package io.learnstack.command.keys;

import java.time.Instant;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.learnstack.events.ClientKeyIssued;
import io.learnstack.events.ClientKeyRevoked;
import io.learnstack.events.ClientKeySecretRotated;

class ClientKeyAggregateTest {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final ClientKeyIssued ISSUED = new ClientKeyIssued("rto-a", "k-1", "$h1", List.of("xapi"), NOW);

    private FixtureConfiguration<ClientKeyAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ClientKeyAggregate.class);
    }

    @Test
    void aKeyIsIssuedWithItsHashAndRoles() {
        fixture.givenNoPriorActivity()
                .when(new IssueKey("k-1", "rto-a", "$h1", List.of("xapi"), NOW))
                .expectEvents(ISSUED);
    }

    @Test
    void aKeyNameIsIssuedOnlyOnceEvenAfterRevocation() {
        fixture.given(ISSUED, new ClientKeyRevoked("rto-a", "k-1", NOW.plusSeconds(1)))
                .when(new IssueKey("k-1", "rto-b", "$h2", List.of("xapi"), NOW.plusSeconds(2)))
                .expectException(KeyRefusedException.class)
                .expectNoEvents();
    }

    @Test
    void eachRotationIsTheNextGenerationOfTheSecret() {
        fixture.given(ISSUED, new ClientKeySecretRotated("rto-a", "k-1", "$h2", 2, NOW.plusSeconds(1)))
                .when(new RotateKeySecret("k-1", "$h3", NOW.plusSeconds(2)))
                .expectEvents(new ClientKeySecretRotated("rto-a", "k-1", "$h3", 3, NOW.plusSeconds(2)))
                .expectResultMessagePayload("rto-a");
    }

    @Test
    void aRevokedKeyCannotBeRotated() {
        fixture.given(ISSUED, new ClientKeyRevoked("rto-a", "k-1", NOW.plusSeconds(1)))
                .when(new RotateKeySecret("k-1", "$h2", NOW.plusSeconds(2)))
                .expectException(KeyRefusedException.class)
                .expectNoEvents();
    }

    @Test
    void revokingIsRecordedOnce() {
        fixture.given(ISSUED)
                .when(new RevokeKey("k-1", NOW.plusSeconds(1)))
                .expectEvents(new ClientKeyRevoked("rto-a", "k-1", NOW.plusSeconds(1)));
        fixture.given(ISSUED, new ClientKeyRevoked("rto-a", "k-1", NOW.plusSeconds(1)))
                .when(new RevokeKey("k-1", NOW.plusSeconds(2)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
