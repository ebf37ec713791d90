package io.learnstack.command.xapi;

import static io.learnstack.command.xapi.XapiJson.json;
import static io.learnstack.command.xapi.XapiJson.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class StatementNormaliserTest {

    private static final Instant STORED = Instant.parse("2026-11-24T09:15:02.123456789Z");
    private static final UUID NEW_ID = UUID.fromString("3c6f1a4e-2d1b-4c3a-9e8f-7a6b5c4d3e2f");
    private static final JsonNode AUTHORITY = json("""
            {"objectType": "Agent", "name": "client-1",
             "account": {"homePage": "http://127.0.0.1:8080", "name": "client-1"}}
            """);

    private final StatementNormaliser normaliser = new StatementNormaliser();
    private final List<UUID> handedOut = new ArrayList<>();
    private final Supplier<UUID> ids = () -> {
        handedOut.add(NEW_ID);
        return NEW_ID;
    };

    private ObjectNode normalise(JsonNode statement, XapiVersion version) {
        return normaliser.normalise(statement, AUTHORITY, STORED, version, ids);
    }

    @Test
    void givenAMinimalStatement_whenNormalised_thenExactlyTheLrsAssignedPropertiesAreAdded() {
        ObjectNode normalised = normalise(XapiFixtures.minimal(), XapiVersion.V1_0_3);

        assertThat(normalised).isEqualTo(json("""
                {
                  "id": "3c6f1a4e-2d1b-4c3a-9e8f-7a6b5c4d3e2f",
                  "actor": {"mbox": "mailto:ada@example.org"},
                  "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
                  "object": {"objectType": "Activity", "id": "http://example.org/courses/maths"},
                  "timestamp": "2026-11-24T09:15:02.123Z",
                  "stored": "2026-11-24T09:15:02.123Z",
                  "authority": {"objectType": "Agent", "name": "client-1",
                                "account": {"homePage": "http://127.0.0.1:8080", "name": "client-1"}},
                  "version": "1.0.0"
                }
                """));
    }

    @Test
    void givenAStatementThatAlreadyHasEverything_whenNormalised_thenOnlyIdCaseStoredAndAuthorityChange() {
        ObjectNode statement = XapiFixtures.rich();
        statement.put("id", "FD41C918-B88B-4B20-A0A5-A4C32391AAA0");
        statement.put("stored", "2001-01-01T00:00:00Z");
        statement.put("version", "1.0.3");
        statement.set("authority", json("{\"mbox\": \"mailto:impostor@example.org\"}"));

        ObjectNode normalised = normalise(statement, XapiVersion.V2_0_0);

        ObjectNode expected = XapiFixtures.rich();
        expected.put("stored", "2026-11-24T09:15:02.123Z");
        expected.put("version", "1.0.3");
        expected.set("authority", AUTHORITY);
        assertThat(normalised).isEqualTo(expected);
        assertThat(handedOut).isEmpty();
    }

    @Test
    void givenTheIdFirst_whenNormalised_thenTheIdStaysTheFirstProperty() {
        ObjectNode normalised = normalise(json("""
                {"actor": {"mbox": "mailto:ada@example.org"}, "id": "FD41C918-B88B-4B20-A0A5-A4C32391AAA0",
                 "verb": {"id": "http://example.org/v"}, "object": {"id": "http://example.org/a"}}
                """), XapiVersion.V1_0_3);

        assertThat(normalised.fieldNames().next()).isEqualTo("id");
        assertThat(normalised.get("id").asText()).isEqualTo("fd41c918-b88b-4b20-a0a5-a4c32391aaa0");
    }

    @Nested
    class Ids {

        @Test
        void givenNoId_whenNormalised_thenTheSuppliedIdIsUsed() {
            ObjectNode normalised = normalise(XapiFixtures.minimal(), XapiVersion.V1_0_3);

            assertThat(normalised.get("id").asText()).isEqualTo(NEW_ID.toString());
            assertThat(handedOut).containsExactly(NEW_ID);
        }

        @Test
        void givenAnUpperCaseId_whenNormalised_thenItIsLowerCasedAndNoNewIdIsDrawn() {
            ObjectNode normalised = normalise(
                    with(XapiFixtures.minimal(), "/id", "\"FD41C918-B88B-4B20-A0A5-A4C32391AAA0\""),
                    XapiVersion.V2_0_0);

            assertThat(normalised.get("id").asText()).isEqualTo("fd41c918-b88b-4b20-a0a5-a4c32391aaa0");
            assertThat(handedOut).isEmpty();
        }
    }

    @Nested
    class StoredAndTimestamp {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(textBlock = """
                2026-11-24T09:15:02.123456789Z, 2026-11-24T09:15:02.123Z
                2026-11-24T09:15:02.999999999Z, 2026-11-24T09:15:02.999Z
                2026-11-24T09:15:02Z,           2026-11-24T09:15:02.000Z
                2026-01-02T03:04:05.100Z,       2026-01-02T03:04:05.100Z
                """)
        void storedIsUtcWithMillisecondPrecision(String stored, String expected) {
            ObjectNode normalised = normaliser.normalise(XapiFixtures.minimal(), AUTHORITY, Instant.parse(stored),
                    XapiVersion.V1_0_3, ids);

            assertThat(normalised.get("stored").asText()).isEqualTo(expected);
        }

        @Test
        void givenNoTimestamp_whenNormalised_thenTheTimestampIsTheStoredTime() {
            ObjectNode normalised = normalise(XapiFixtures.minimal(), XapiVersion.V1_0_3);

            assertThat(normalised.get("timestamp")).isEqualTo(normalised.get("stored"));
        }

        @Test
        void givenATimestamp_whenNormalised_thenItIsKeptExactlyAsSent() {
            ObjectNode normalised = normalise(
                    with(XapiFixtures.minimal(), "/timestamp", "\"2013-05-18T05:32:34.804+01:00\""),
                    XapiVersion.V1_0_3);

            assertThat(normalised.get("timestamp").asText()).isEqualTo("2013-05-18T05:32:34.804+01:00");
        }

        @Test
        void givenAClientStoredValue_whenNormalised_thenTheLrsOverwritesIt() {
            ObjectNode normalised = normalise(
                    with(XapiFixtures.minimal(), "/stored", "\"2001-01-01T00:00:00Z\""), XapiVersion.V1_0_3);

            assertThat(normalised.get("stored").asText()).isEqualTo("2026-11-24T09:15:02.123Z");
        }
    }

    @Nested
    class AuthorityAndVersion {

        @Test
        void givenAClientAuthority_whenNormalised_thenTheLrsAuthorityReplacesIt() {
            ObjectNode normalised = normalise(
                    with(XapiFixtures.minimal(), "/authority", "{\"mbox\": \"mailto:impostor@example.org\"}"),
                    XapiVersion.V1_0_3);

            assertThat(normalised.get("authority")).isEqualTo(AUTHORITY);
        }

        @Test
        void theAuthorityIsCopiedSoTheResultCanBeChangedSafely() {
            ObjectNode normalised = normalise(XapiFixtures.minimal(), XapiVersion.V1_0_3);

            ((ObjectNode) normalised.get("authority")).put("name", "changed");

            assertThat(AUTHORITY.get("name").asText()).isEqualTo("client-1");
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void givenNoVersion_whenNormalised_thenTheVersionsDefaultIsSet(XapiVersion version) {
            ObjectNode normalised = normalise(XapiFixtures.minimal(), version);

            assertThat(normalised.get("version").asText()).isEqualTo(version.statementVersion());
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void givenAVersion_whenNormalised_thenItIsKept(XapiVersion version) {
            ObjectNode normalised = normalise(with(XapiFixtures.minimal(), "/version", "\"1.0.3\""), version);

            assertThat(normalised.get("version").asText()).isEqualTo("1.0.3");
        }
    }

    @Nested
    class Shapes {

        @Test
        void givenSingleContextActivities_whenNormalised_thenEachBecomesAnArrayOfOne() {
            ObjectNode normalised = normalise(with(XapiFixtures.minimal(), "/context", """
                    {"contextActivities": {
                       "parent": {"id": "http://example.org/course"},
                       "grouping": [{"id": "http://example.org/programme"}],
                       "category": {"objectType": "Activity", "id": "http://example.org/category"}
                    }}
                    """), XapiVersion.V1_0_3);

            assertThat(normalised.get("context")).isEqualTo(json("""
                    {"contextActivities": {
                       "parent": [{"id": "http://example.org/course"}],
                       "grouping": [{"id": "http://example.org/programme"}],
                       "category": [{"objectType": "Activity", "id": "http://example.org/category"}]
                    }}
                    """));
        }

        @Test
        void givenASubStatement_whenNormalised_thenItsObjectAndContextActivitiesAreNormalisedToo() {
            ObjectNode normalised = normalise(with(XapiFixtures.minimal(), "/object", """
                    {"objectType": "SubStatement",
                     "actor": {"mbox": "mailto:ada@example.org"},
                     "verb": {"id": "http://example.org/verbs/will-visit"},
                     "object": {"id": "http://example.org/website"},
                     "context": {"contextActivities": {"other": {"id": "http://example.org/other"}}}}
                    """), XapiVersion.V1_0_3);

            assertThat(normalised.get("object")).isEqualTo(json("""
                    {"objectType": "SubStatement",
                     "actor": {"mbox": "mailto:ada@example.org"},
                     "verb": {"id": "http://example.org/verbs/will-visit"},
                     "object": {"objectType": "Activity", "id": "http://example.org/website"},
                     "context": {"contextActivities": {"other": [{"id": "http://example.org/other"}]}}}
                    """));
            assertThat(normalised.get("object").has("id")).isFalse();
            assertThat(normalised.get("object").has("stored")).isFalse();
        }

        @Test
        void givenAnObjectWithAnObjectType_whenNormalised_thenItIsLeftAlone() {
            ObjectNode normalised = normalise(with(XapiFixtures.minimal(), "/object",
                    "{\"objectType\": \"Agent\", \"mbox\": \"mailto:bob@example.org\"}"), XapiVersion.V1_0_3);

            assertThat(normalised.get("object"))
                    .isEqualTo(json("{\"objectType\": \"Agent\", \"mbox\": \"mailto:bob@example.org\"}"));
        }

        @Test
        void theObjectTypeComesFirstInTheObject() {
            ObjectNode normalised = normalise(XapiFixtures.minimal(), XapiVersion.V1_0_3);

            assertThat(normalised.get("object").fieldNames().next()).isEqualTo("objectType");
        }
    }

    @Test
    void theInputStatementIsNeverModified() {
        ObjectNode statement = with(XapiFixtures.minimal(), "/context",
                "{\"contextActivities\": {\"parent\": {\"id\": \"http://example.org/course\"}}}");
        ObjectNode before = statement.deepCopy();

        ObjectNode normalised = normalise(statement, XapiVersion.V1_0_3);
        ((ObjectNode) normalised.get("actor")).put("name", "changed later");

        assertThat(statement).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void aNormalisedStatementIsStillValid(XapiVersion version) {
        ObjectNode normalised = normalise(with(XapiFixtures.rich(), "/context/contextActivities/parent",
                "{\"id\": \"http://example.org/course\"}"), version);

        new StatementValidator().validate(normalised, version);
    }
}
