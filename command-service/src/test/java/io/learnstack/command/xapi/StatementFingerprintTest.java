package io.learnstack.command.xapi;

import static io.learnstack.command.xapi.XapiJson.json;
import static io.learnstack.command.xapi.XapiJson.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class StatementFingerprintTest {

    private static final JsonNode AUTHORITY = json("""
            {"objectType": "Agent", "account": {"homePage": "http://127.0.0.1:8080", "name": "client-1"}}
            """);

    private final StatementNormaliser normaliser = new StatementNormaliser();

    private ObjectNode normalised(JsonNode statement, String stored) {
        return normaliser.normalise(statement, AUTHORITY, Instant.parse(stored), XapiVersion.V1_0_3,
                UUID::randomUUID);
    }

    private static String fingerprint(JsonNode statement) {
        return StatementFingerprint.of(statement);
    }

    @Test
    void aFingerprintIsAHexSha256() {
        assertThat(fingerprint(XapiFixtures.rich())).matches("[0-9a-f]{64}");
    }

    @Test
    void theSameStatementAlwaysGivesTheSameFingerprint() {
        assertThat(fingerprint(XapiFixtures.rich())).isEqualTo(fingerprint(XapiFixtures.rich()));
    }

    @Nested
    class SameStatement {

        @Test
        void givenTheSameContentWithKeysInAnotherOrder_whenFingerprinted_thenTheFingerprintsAreEqual() {
            JsonNode oneOrder = json("""
                    {"id": "fd41c918-b88b-4b20-a0a5-a4c32391aaa0",
                     "actor": {"name": "Ada", "mbox": "mailto:ada@example.org"},
                     "verb": {"id": "http://adlnet.gov/expapi/verbs/passed"},
                     "object": {"objectType": "Activity", "id": "http://example.org/exam"},
                     "result": {"score": {"raw": 8, "max": 10}, "success": true,
                                "extensions": {"http://example.org/ext": {"a": 1, "b": [1, 2]}}}}
                    """);
            JsonNode otherOrder = json("""
                    {"result": {"extensions": {"http://example.org/ext": {"b": [1, 2], "a": 1}},
                                "success": true, "score": {"max": 10, "raw": 8}},
                     "object": {"id": "http://example.org/exam", "objectType": "Activity"},
                     "verb": {"id": "http://adlnet.gov/expapi/verbs/passed"},
                     "actor": {"mbox": "mailto:ada@example.org", "name": "Ada"},
                     "id": "fd41c918-b88b-4b20-a0a5-a4c32391aaa0"}
                    """);

            assertThat(fingerprint(oneOrder)).isEqualTo(fingerprint(otherOrder));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"2013-05-18T05:32:34Z", "2013-05-18T05:32:34.000Z", "2013-05-18T05:32:34+00:00",
                "2013-05-18T06:32:34+01:00", "2013-05-18T00:32:34.000-05:00", "2013-05-18t05:32:34z",
                "2013-05-18T05:32:34.0001Z", "2013-05-18T05:32:34+00"})
        void givenOneInstantWrittenInAnotherForm_whenFingerprinted_thenTheFingerprintsAreEqual(String timestamp) {
            JsonNode reference = with(XapiFixtures.rich(), "/timestamp", "\"2013-05-18T05:32:34.000Z\"");

            assertThat(fingerprint(with(XapiFixtures.rich(), "/timestamp", "\"" + timestamp + "\"")))
                    .isEqualTo(fingerprint(reference));
        }

        @Test
        void givenASubStatementTimestampInAnotherForm_whenFingerprinted_thenTheFingerprintsAreEqual() {
            JsonNode subStatement = json(XapiFixtures.SUBSTATEMENT);
            JsonNode utc = with(XapiFixtures.minimal(), "/object",
                    XapiJson.write(with(subStatement, "/timestamp", "\"2030-01-01T00:00:00Z\"")));
            JsonNode offset = with(XapiFixtures.minimal(), "/object",
                    XapiJson.write(with(subStatement, "/timestamp", "\"2030-01-01T01:00:00.000+01:00\"")));
            JsonNode later = with(XapiFixtures.minimal(), "/object",
                    XapiJson.write(with(subStatement, "/timestamp", "\"2030-01-01T00:00:01Z\"")));

            assertThat(fingerprint(utc)).isEqualTo(fingerprint(offset)).isNotEqualTo(fingerprint(later));
        }

        @Test
        void storedAuthorityVersionAndIdAreLeftOut() {
            ObjectNode first = XapiFixtures.rich();
            first.put("stored", "2020-01-01T00:00:00.000Z");
            first.set("authority", AUTHORITY);
            first.put("version", "1.0.0");
            ObjectNode resent = XapiFixtures.rich();
            resent.put("id", "FD41C918-B88B-4B20-A0A5-A4C32391AAA0");
            resent.put("stored", "2021-06-01T12:00:00.000Z");
            resent.set("authority", json("{\"mbox\": \"mailto:other-client@example.org\"}"));
            resent.put("version", "1.0.3");

            assertThat(fingerprint(first)).isEqualTo(fingerprint(resent));
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void givenAStatement_whenNormalised_thenItsFingerprintDoesNotChange(XapiVersion version) {
            ObjectNode sent = XapiFixtures.rich();
            sent.remove("id");
            sent.remove("timestamp");
            ((ObjectNode) sent.get("object")).remove("objectType");
            ((ObjectNode) sent.get("context").get("contextActivities")).set("parent",
                    json("{\"id\": \"http://example.org/courses/maths/quiz\"}"));

            ObjectNode normalised = normaliser.normalise(sent, AUTHORITY, Instant.parse("2026-11-24T09:15:02.123Z"),
                    version, UUID::randomUUID);

            assertThat(fingerprint(normalised)).isEqualTo(fingerprint(sent));
        }

        @Test
        void givenAStatementSentWithATimestamp_whenNormalised_thenItsFingerprintDoesNotChange() {
            ObjectNode sent = XapiFixtures.rich();

            assertThat(fingerprint(normalised(sent, "2026-11-24T09:15:02.123Z"))).isEqualTo(fingerprint(sent));
        }

        @Test
        void givenAStatementWithoutTimestampResentLater_whenBothAreNormalised_thenTheFingerprintsAreEqual() {
            // The LRS fills the timestamp from stored, which differs on every attempt.
            ObjectNode first = normalised(XapiFixtures.minimal(), "2026-11-24T09:15:02.123Z");
            ObjectNode retry = normalised(XapiFixtures.minimal(), "2026-11-24T09:17:45.001Z");

            assertThat(first.get("timestamp")).isNotEqualTo(retry.get("timestamp"));
            assertThat(fingerprint(first)).isEqualTo(fingerprint(retry));
        }

        @Test
        void givenAStatementReadBackFromItsJsonText_whenFingerprinted_thenTheFingerprintIsTheSame() {
            ObjectNode normalised = normalised(XapiFixtures.rich(), "2026-11-24T09:15:02.123Z");

            JsonNode readBack = json(XapiJson.write(normalised));

            assertThat(fingerprint(readBack)).isEqualTo(fingerprint(normalised));
        }

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                # Verb display and Activity definitions describe the Verb and Activity, not the statement
                /verb/display                 | {"en-GB": "answered", "de": "beantwortet"}
                /verb/display                 | <absent>
                /object/definition            | {"name": {"en-US": "Question one (fixed typo)"}}
                /object/definition            | <absent>
                /context/contextActivities/parent/0/definition | {"name": {"en-US": "Quiz"}}
                # values the specification calls case-insensitive
                /actor/mbox                   | "MAILTO:ada@EXAMPLE.ORG"
                /context/registration         | "EC531277-B57B-4C15-8D91-D292C5B2B8F7"
                /context/statement/id         | "6690E6C9-3EF0-4ED3-8B37-7F3964730BEE"
                /context/language             | "EN-gb"
                # an Agent's objectType is optional
                /actor/objectType             | <absent>
                # an Activity's objectType is optional
                /context/contextActivities/grouping/0/objectType | <absent>
                # durations compare to hundredths of a second
                /result/duration              | "PT1M30.50S"
                /result/duration              | "PT1M30,5S"
                # numbers compare by value
                /result/score/raw             | 8.0
                /result/score/max             | 1E1
                """)
        void givenADifferenceTheComparisonRulesIgnore_whenFingerprinted_thenTheFingerprintsAreEqual(String pointer,
                String value) {
            assertThat(fingerprint(with(XapiFixtures.rich(), pointer, value)))
                    .isEqualTo(fingerprint(XapiFixtures.rich()));
        }

        @Test
        void givenDurationsDifferingBeyondHundredths_whenFingerprinted_thenTheFingerprintsAreEqual() {
            assertThat(fingerprint(with(XapiFixtures.rich(), "/result/duration", "\"P1DT12H36M0.1237S\"")))
                    .isEqualTo(fingerprint(with(XapiFixtures.rich(), "/result/duration", "\"P1DT12H36M0.12S\"")));
        }

        @Test
        void givenGroupMembersInAnotherOrder_whenFingerprinted_thenTheFingerprintsAreEqual() {
            String ab = """
                    {"objectType": "Group", "member": [{"mbox": "mailto:a@example.org"}, {"openid": "http://b.example.org/"}]}
                    """;
            String ba = """
                    {"objectType": "Group", "member": [{"openid": "http://b.example.org/"}, {"mbox": "mailto:a@example.org"}]}
                    """;

            assertThat(fingerprint(with(XapiFixtures.rich(), "/actor", ba)))
                    .isEqualTo(fingerprint(with(XapiFixtures.rich(), "/actor", ab)));
            assertThat(fingerprint(with(XapiFixtures.rich(), "/context/team", ba)))
                    .isEqualTo(fingerprint(with(XapiFixtures.rich(), "/context/team", ab)));
        }
    }

    @Nested
    class DifferentStatement {

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                /actor/mbox                  | "mailto:grace@example.org"
                /actor/mbox                  | "mailto:Ada@example.org"
                /actor/name                  | "Ada King"
                /verb/id                     | "http://adlnet.gov/expapi/verbs/attempted"
                /object/id                   | "http://example.org/courses/maths/quiz/q2"
                /object                      | {"objectType": "StatementRef", "id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee"}
                /result/score/raw            | 7
                /result/score/scaled         | 0.7
                /result/success              | false
                /result/response             | "a"
                /result/duration             | "PT1M30.6S"
                /result/duration             | "PT90.5S"
                /result/extensions           | {"http://example.org/ext/attempt": 2}
                /result/extensions           | {"http://example.org/ext/attempt": "1"}
                /context/registration        | "00000000-0000-4000-8000-000000000000"
                /context/instructor          | {"mbox": "mailto:someone-else@example.org"}
                /context/revision            | "r3"
                /context/platform            | "Other platform"
                /context/contextActivities/parent | [{"id": "http://example.org/courses/maths/quiz"}, {"id": "http://example.org/extra"}]
                /context/contextActivities/other  | <absent>
                /context/extensions          | {"http://example.org/ext/session": {"seat": 13, "note": null}}
                /context/extensions          | {"http://example.org/ext/session": {"seat": 12}}
                /timestamp                   | "2013-05-18T05:32:34.805+01:00"
                /timestamp                   | "2013-05-18T05:32:34.804Z"
                /timestamp                   | <absent>
                /attachments/0/length        | 4236
                /attachments                 | <absent>
                """)
        void givenContentThatDiffers_whenFingerprinted_thenTheFingerprintsDiffer(String pointer, String value) {
            assertThat(fingerprint(with(XapiFixtures.rich(), pointer, value)))
                    .isNotEqualTo(fingerprint(XapiFixtures.rich()));
        }

        @Test
        void givenArrayElementsInAnotherOrder_whenFingerprinted_thenTheFingerprintsDiffer() {
            String ab = "[{\"id\": \"http://example.org/a\"}, {\"id\": \"http://example.org/b\"}]";
            String ba = "[{\"id\": \"http://example.org/b\"}, {\"id\": \"http://example.org/a\"}]";

            assertThat(fingerprint(with(XapiFixtures.rich(), "/context/contextActivities/category", ab)))
                    .isNotEqualTo(fingerprint(with(XapiFixtures.rich(), "/context/contextActivities/category", ba)));
        }

        @Test
        void givenAClientTimestampOnTheRetryOfAStatementSentWithout_whenNormalised_thenTheFingerprintsDiffer() {
            ObjectNode first = normalised(XapiFixtures.minimal(), "2026-11-24T09:15:02.123Z");
            ObjectNode retry = normalised(with(XapiFixtures.minimal(), "/timestamp", "\"2026-11-24T09:00:00Z\""),
                    "2026-11-24T09:17:45.001Z");

            assertThat(fingerprint(first)).isNotEqualTo(fingerprint(retry));
        }

        @Test
        void givenTheSameTextInDifferentPlaces_whenFingerprinted_thenTheFingerprintsDiffer() {
            JsonNode inResponse = with(XapiFixtures.minimal(), "/result", "{\"response\": \"x\"}");
            JsonNode inExtension = with(XapiFixtures.minimal(), "/result",
                    "{\"extensions\": {\"http://example.org/response\": \"x\"}}");

            assertThat(fingerprint(inResponse)).isNotEqualTo(fingerprint(inExtension));
        }
    }

    @Test
    void somethingThatIsNotAStatementIsRefused() {
        assertThatThrownBy(() -> StatementFingerprint.of(json("[]"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatementFingerprint.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
