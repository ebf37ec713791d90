package io.learnstack.command.awards;

import static io.learnstack.command.awards.AwardFixtures.ADA;
import static io.learnstack.command.awards.AwardFixtures.BASE;
import static io.learnstack.command.awards.AwardFixtures.firstAid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.events.CredentialDefinition;
import io.learnstack.events.CredentialExpired;
import io.learnstack.events.CredentialIssued;
import io.learnstack.events.CredentialRevoked;

class AwardAggregateTest {

    private static final Instant ELIGIBLE = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final Instant IN_THREE_YEARS = Instant.parse("2029-11-24T09:00:00Z");
    private static final String AWARD = AwardIds.awardId("demo", ADA, "first-aid", ELIGIBLE);
    private static final String AGGREGATE = AwardIds.aggregateId(AWARD);

    private final AwardFixtures.MemoryKeys keys = new AwardFixtures.MemoryKeys();
    private FixtureConfiguration<AwardAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AwardAggregate.class);
        fixture.registerInjectableResource(new CredentialSigner(keys, new ObjectMapper(), new PublicUrls(BASE)));
    }

    @Nested
    class Issue {

        @Test
        void aNewAwardIsIssuedValidForTheDefinitionsValidityAndSigned() {
            List<CredentialIssued> recorded = new ArrayList<>();

            fixture.givenNoPriorActivity()
                    .when(issue(firstAid(Period.ofYears(3))))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(new Issuance(AWARD, true))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(capture(recorded), andNoMore())));

            CredentialIssued issued = recorded.get(0);
            assertThat(issued.tenant()).isEqualTo("demo");
            assertThat(issued.learnerKey()).isEqualTo(ADA);
            assertThat(issued.credentialId()).isEqualTo("first-aid");
            assertThat(issued.revision()).isEqualTo(2);
            assertThat(issued.approvedBy()).isNull();
            assertThat(issued.eligibleAt()).isEqualTo(ELIGIBLE);
            assertThat(issued.validFrom()).isEqualTo(NOW);
            assertThat(issued.validUntil()).isEqualTo(IN_THREE_YEARS);
            assertThat(signatureHolds(issued.signedCredential())).isTrue();
        }

        @Test
        void aCredentialWithoutValidityNeverExpires() {
            List<CredentialIssued> recorded = new ArrayList<>();

            fixture.givenNoPriorActivity()
                    .when(issue(firstAid(null)))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(capture(recorded), andNoMore())));

            assertThat(recorded.get(0).validUntil()).isNull();
        }

        @Test
        void issuingTheSameAwardAgainRecordsNothingAndSaysSo() {
            fixture.given(issued(IN_THREE_YEARS))
                    .when(issue(firstAid(Period.ofYears(3))))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(new Issuance(AWARD, false))
                    .expectNoEvents();
        }
    }

    @Nested
    class Revoke {

        @Test
        void theIssuerRevokesAnAward() {
            fixture.given(issued(IN_THREE_YEARS))
                    .when(new RevokeCredential(AGGREGATE, "demo", "issued in error", "demo", NOW))
                    .expectEvents(new CredentialRevoked("demo", AWARD, ADA, "first-aid", "issued in error", "demo", NOW));
        }

        @Test
        void revokingTwiceRecordsNothingMore() {
            fixture.given(issued(IN_THREE_YEARS),
                            new CredentialRevoked("demo", AWARD, ADA, "first-aid", "issued in error", "demo", NOW))
                    .when(new RevokeCredential(AGGREGATE, "demo", "again", "demo", NOW.plusSeconds(5)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anotherTenantCannotRevokeIt() {
            fixture.given(issued(IN_THREE_YEARS))
                    .when(new RevokeCredential(AGGREGATE, "harbour-rto", "mine now", "harbour", NOW))
                    .expectException(AwardNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Expire {

        @Test
        void anAwardExpiresAtItsValidUntil() {
            fixture.given(issued(IN_THREE_YEARS))
                    .when(new ExpireCredential(AGGREGATE, IN_THREE_YEARS))
                    .expectResultMessagePayload(true)
                    .expectEvents(new CredentialExpired("demo", AWARD, ADA, "first-aid", IN_THREE_YEARS));
        }

        @Test
        void expiringTooEarlyIsRefused() {
            fixture.given(issued(IN_THREE_YEARS))
                    .when(new ExpireCredential(AGGREGATE, IN_THREE_YEARS.minusMillis(1)))
                    .expectException(ExpiryNotDueException.class)
                    .expectNoEvents();
        }

        @Test
        void anAwardWithoutValidUntilNeverExpires() {
            fixture.given(issued(null))
                    .when(new ExpireCredential(AGGREGATE, IN_THREE_YEARS))
                    .expectException(ExpiryNotDueException.class);
        }

        @Test
        void expiringTwiceRecordsNothingMore() {
            fixture.given(issued(IN_THREE_YEARS), new CredentialExpired("demo", AWARD, ADA, "first-aid", IN_THREE_YEARS))
                    .when(new ExpireCredential(AGGREGATE, IN_THREE_YEARS.plusSeconds(60)))
                    .expectResultMessagePayload(false)
                    .expectNoEvents();
        }

        @Test
        void aRevokedAwardDoesNotExpireAnymore() {
            fixture.given(issued(IN_THREE_YEARS),
                            new CredentialRevoked("demo", AWARD, ADA, "first-aid", "issued in error", "demo", NOW))
                    .when(new ExpireCredential(AGGREGATE, IN_THREE_YEARS))
                    .expectResultMessagePayload(false)
                    .expectNoEvents();
        }
    }

    private static IssueCredential issue(CredentialDefinition definition) {
        return new IssueCredential(AGGREGATE, AWARD, "demo", ADA, definition, null, ELIGIBLE, NOW);
    }

    private static CredentialIssued issued(Instant validUntil) {
        return new CredentialIssued("demo", AWARD, ADA, "first-aid", 2, null, ELIGIBLE, NOW, validUntil, "a.b.c");
    }

    private boolean signatureHolds(String jwt) {
        try {
            return AwardFixtures.signatureHolds(jwt, keys.current("demo"));
        } catch (Exception failure) {
            throw new AssertionError(failure);
        }
    }

    private static CustomTypeSafeMatcher<CredentialIssued> capture(List<CredentialIssued> into) {
        return new CustomTypeSafeMatcher<>("a CredentialIssued") {
            @Override
            protected boolean matchesSafely(CredentialIssued event) {
                into.add(event);
                return true;
            }
        };
    }
}
