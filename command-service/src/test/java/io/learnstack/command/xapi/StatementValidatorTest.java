package io.learnstack.command.xapi;

import static io.learnstack.command.xapi.XapiJson.json;
import static io.learnstack.command.xapi.XapiJson.with;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The tables change one value of {@link XapiFixtures#RICH} (at a JSON pointer; {@code <absent>} removes
 * it) and name the message the validator must answer with. Messages are checked from their start, so
 * the JSON path is always part of the check. The backtick is the CSV quote character, so that JSON
 * (double quotes) and messages (single quotes) can be written as they are.
 */
class StatementValidatorTest {

    private final StatementValidator validator = new StatementValidator();

    private void accepts(JsonNode statement, XapiVersion version) {
        assertThatCode(() -> validator.validate(statement, version)).doesNotThrowAnyException();
    }

    private void rejects(JsonNode statement, XapiVersion version, String expectedMessageStart) {
        assertThatThrownBy(() -> validator.validate(statement, version))
                .isInstanceOf(InvalidStatementException.class)
                .hasMessageStartingWith(expectedMessageStart);
    }

    private void rejectsInBothVersions(String pointer, String value, String expectedMessageStart) {
        ObjectNode statement = with(XapiFixtures.rich(), pointer, value);
        rejects(statement, XapiVersion.V1_0_3, expectedMessageStart);
        rejects(statement, XapiVersion.V2_0_0, expectedMessageStart);
    }

    private void acceptsInBothVersions(String pointer, String value) {
        ObjectNode statement = with(XapiFixtures.rich(), pointer, value);
        accepts(statement, XapiVersion.V1_0_3);
        accepts(statement, XapiVersion.V2_0_0);
    }

    @Nested
    class ValidStatements {

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void aMinimalStatementIsValid(XapiVersion version) {
            accepts(XapiFixtures.minimal(), version);
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void aStatementUsingMostOfTheDataModelIsValid(XapiVersion version) {
            accepts(XapiFixtures.rich(), version);
        }

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                # ids: any UUID version or variant, either case
                /id                  | "FD41C918-B88B-4B20-A0A5-A4C32391AAA0"
                /id                  | "00000000-0000-0000-0000-000000000000"
                /id                  | <absent>
                # each inverse functional identifier
                /actor               | {"mbox_sha1sum": "EBD31E95054C018B10727CCFFD2EF2EC3A016EE9"}
                /actor               | {"openid": "http://toby.openid.example.org/"}
                /actor               | {"account": {"homePage": "http://www.example.com", "name": "13936749"}}
                /actor               | {"mbox": "MAILTO:Ada@Example.org"}
                # groups
                /actor               | {"objectType": "Group", "member": [{"mbox": "mailto:a@example.org"}, {"openid": "http://b.example.org/"}]}
                /actor               | {"objectType": "Group", "name": "Team", "mbox": "mailto:team@example.org"}
                /actor               | {"objectType": "Group", "mbox": "mailto:team@example.org", "member": []}
                /actor               | {"objectType": "Group", "account": {"homePage": "http://x.example.org", "name": "t"}, "member": [{"objectType": "Agent", "mbox": "mailto:a@example.org"}]}
                # verbs
                /verb/display        | <absent>
                /verb/display        | {}
                /verb/display        | {"de": "besucht", "zh-Hant": "x", "sr-Latn-RS": "x", "es-419": "x", "cmn": "x", "i-klingon": "x", "en-US-x-twain": "x", "x-private": "x", "de-CH-1901": "x"}
                /verb/id             | "urn:uuid:6690e6c9-3ef0-4ed3-8b37-7f3964730bee"
                /verb/id             | "http://example.org/verbs/%E2%9C%93"
                /verb/id             | "http://example.org/verbs/ümlaut"
                # objects
                /object              | {"id": "http://example.org/a"}
                /object/definition   | {}
                /object/definition   | <absent>
                /object/definition   | {"interactionType": "true-false", "correctResponsesPattern": ["true"]}
                /object/definition   | {"interactionType": "likert", "scale": [{"id": "likert_0"}, {"id": "likert_1"}]}
                /object/definition   | {"interactionType": "matching", "source": [{"id": "a"}], "target": [{"id": "1"}], "correctResponsesPattern": ["a[.]1"]}
                /object/definition   | {"interactionType": "performance", "steps": [{"id": "pong", "description": {"en-US": "Net pong"}}]}
                /object/definition   | {"interactionType": "sequencing", "choices": [{"id": "a"}, {"id": "b"}]}
                /object/definition   | {"interactionType": "fill-in"}
                /object/definition   | {"interactionType": "long-fill-in", "correctResponsesPattern": []}
                /object/definition   | {"interactionType": "numeric", "correctResponsesPattern": ["4[:]"]}
                /object/definition   | {"interactionType": "other", "correctResponsesPattern": ["(35.937432,-86.868896)"]}
                # results
                /result              | {}
                /result/score        | {"scaled": 1.0}
                /result/score        | {"scaled": -1}
                /result/score        | {"raw": 5, "min": 5, "max": 5}
                /result/score        | {"raw": 100.6767676, "max": 1000}
                /result/duration     | "PT4H35M59.14S"
                /result/duration     | "PT16559.14S"
                /result/duration     | "P3Y1M29DT4H35M59.14S"
                /result/duration     | "P3Y"
                /result/duration     | "P4W"
                /result/duration     | "P1DT12H36M0.12567S"
                /result/duration     | "PT0,5S"
                /result/duration     | "P0D"
                # extensions take any value, null included
                /result/extensions   | {}
                /result/extensions   | {"http://example.org/ext": null}
                /result/extensions   | {"http://example.org/ext": ""}
                /result/extensions   | {"http://example.org/ext": {}}
                /result/extensions   | {"http://example.org/ext": [1, "a", null, {"deep": null}]}
                # contexts
                /context             | {}
                /context/contextActivities/parent   | {"id": "http://example.org/single"}
                /context/contextActivities/category | []
                /context/language    | "zh-Hans-CN"
                /context/language    | "ase"
                /context/team        | {"objectType": "Group", "member": [{"mbox": "mailto:a@example.org"}]}
                /context/instructor  | {"objectType": "Group", "mbox": "mailto:instructors@example.org"}
                /context/registration | "EC531277-B57B-4C15-8D91-D292C5B2B8F7"
                # timestamps: any zone, any precision down to minutes
                /timestamp           | "2013-05-18T05:32:34Z"
                /timestamp           | "2013-05-18T05:32:34.000Z"
                /timestamp           | "2013-05-18T05:32:34+00:00"
                /timestamp           | "2013-05-18T05:32:34.123456789-05:00"
                /timestamp           | "2013-05-18T05:32:34+14"
                /timestamp           | "2013-05-18T05:32Z"
                /timestamp           | "2013-05-18t05:32:34z"
                /timestamp           | "2999-01-01T00:00:00Z"
                /stored              | "2013-05-18T05:32:34.804Z"
                # versions of the 1.0 family are valid everywhere
                /version             | "1.0.0"
                /version             | "1.0"
                /version             | "1.0.9"
                # the LRS overrides the authority, but what a client sends must still be valid
                /authority           | {"objectType": "Agent", "account": {"homePage": "http://lrs.example.org", "name": "key"}}
                /authority           | {"objectType": "Group", "member": [{"account": {"homePage": "http://example.com/xAPI/OAuth/Token", "name": "oauth_consumer_x75db"}}, {"mbox": "mailto:bob@example.com"}]}
                # attachments
                /attachments         | []
                /attachments/0/fileUrl     | <absent>
                /attachments/0/description | <absent>
                /attachments/0/contentType | "text/plain; charset=ascii"
                /attachments/0/length      | 0
                """)
        void aValidVariationIsAcceptedInBothVersions(String pointer, String value) {
            acceptsInBothVersions(pointer, value);
        }

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                /object  | {"objectType": "StatementRef", "id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee"}
                /object  | {"objectType": "SubStatement", "actor": {"mbox": "mailto:a@example.org"}, "verb": {"id": "http://example.org/planned"}, "object": {"id": "http://example.org/website"}}
                /object  | {"objectType": "Agent", "mbox": "mailto:bob@example.org"}
                /object  | {"objectType": "Group", "member": [{"mbox": "mailto:bob@example.org"}]}
                /object  | {"objectType": "Group", "openid": "http://team.example.org/"}
                """)
        void anObjectOtherThanAnActivityIsValidWithoutRevisionAndPlatform(String pointer, String value) {
            ObjectNode statement = with(XapiFixtures.rich(), pointer, value);
            ((ObjectNode) statement.get("context")).remove("revision");
            ((ObjectNode) statement.get("context")).remove("platform");
            accepts(statement, XapiVersion.V1_0_3);
            accepts(statement, XapiVersion.V2_0_0);
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void aSubStatementCanCarryResultContextTimestampAndAttachments(XapiVersion version) {
            accepts(json("""
                    {
                      "actor": {"mbox": "mailto:teacher@example.org"},
                      "verb": {"id": "http://example.org/verbs/expected"},
                      "object": {
                        "objectType": "SubStatement",
                        "actor": {"mbox": "mailto:ada@example.org"},
                        "verb": {"id": "http://adlnet.gov/expapi/verbs/passed", "display": {"en-US": "passed"}},
                        "object": {"objectType": "Activity", "id": "http://example.org/exam"},
                        "result": {"success": true, "score": {"scaled": 0.9}},
                        "context": {
                          "contextActivities": {"parent": {"id": "http://example.org/course"}},
                          "platform": "LMS",
                          "revision": "1"
                        },
                        "timestamp": "2999-01-01T00:00:00Z",
                        "attachments": []
                      }
                    }
                    """), version);
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void aVoidingStatementWithAStatementRefIsValid(XapiVersion version) {
            accepts(json("""
                    {
                      "actor": {"mbox": "mailto:admin@example.org"},
                      "verb": {"id": "http://adlnet.gov/expapi/verbs/voided", "display": {"en-US": "voided"}},
                      "object": {"objectType": "StatementRef", "id": "e05aa883-acaf-40ad-bf54-02c8ce485fb0"}
                    }
                    """), version);
        }
    }

    @Nested
    class StatementProperties {

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                /foo       | 1                                        | statement.foo: is not an allowed property here
                /iD        | "fd41c918-b88b-4b20-a0a5-a4c32391aaa0"   | statement.iD: is not an allowed property here
                /objectType | "Statement"                             | statement.objectType: is not an allowed property here
                /id        | "not-a-uuid"                             | statement.id: must be a UUID in its hyphenated form, not 'not-a-uuid'
                /id        | "AA97B177-9383-4934-8543-0F91A7A028368"  | statement.id: must be a UUID
                /id        | "MA97B177-9383-4934-8543-0F91A7A02836"   | statement.id: must be a UUID
                /id        | "fd41c918b88b4b20a0a5a4c32391aaa0"       | statement.id: must be a UUID
                /id        | "{fd41c918-b88b-4b20-a0a5-a4c32391aaa0}" | statement.id: must be a UUID
                /id        | ""                                       | statement.id: must be a UUID
                /id        | 12345                                    | statement.id: must be a string
                /id        | {"key": "should fail"}                   | statement.id: must be a string
                /id        | null                                     | statement.id: must not be null
                /actor     | <absent>                                 | statement.actor: is required
                /verb      | <absent>                                 | statement.verb: is required
                /object    | <absent>                                 | statement.object: is required
                /actor     | null                                     | statement.actor: must not be null
                /verb      | null                                     | statement.verb: must not be null
                /object    | null                                     | statement.object: must not be null
                /context   | null                                     | statement.context: must not be null
                /result    | null                                     | statement.result: must not be null
                /actor     | "mailto:ada@example.org"                 | statement.actor: must be a JSON object
                /verb      | "http://adlnet.gov/expapi/verbs/answered" | statement.verb: must be a JSON object
                /object    | ["http://example.org/a"]                 | statement.object: must be a JSON object
                /context   | []                                       | statement.context: must be a JSON object
                /result    | "passed"                                 | statement.result: must be a JSON object
                """)
        void aBrokenTopLevelPropertyIsRejected(String pointer, String value, String message) {
            rejectsInBothVersions(pointer, value, message);
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "\"statement\"", "42", "true"})
        void aStatementMustBeAJsonObject(String notAnObject) {
            rejects(json(notAnObject), XapiVersion.V1_0_3, "statement: must be a JSON object");
        }

        @Test
        void aNullStatementIsRejected() {
            rejects(json("null"), XapiVersion.V1_0_3, "statement: must not be null");
        }

        @Test
        void aMissingStatementIsReportedAsRequired() {
            rejects(null, XapiVersion.V2_0_0, "statement: is required");
        }

        @Test
        void givenARootPath_whenAStatementIsInvalid_thenTheMessageStartsWithThatPath() {
            JsonNode statement = with(XapiFixtures.minimal(), "/actor/mbox", "\"ada@example.org\"");

            assertThatThrownBy(() -> validator.validate(statement, XapiVersion.V1_0_3, "statement[2]"))
                    .isInstanceOf(InvalidStatementException.class)
                    .hasMessageStartingWith("statement[2].actor.mbox: must be a mailto IRI");
        }
    }

    @Nested
    class ActorsAndGroups {

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                /actor/mbox   | <absent>                  | statement.actor: an Agent must have exactly one of mbox, mbox_sha1sum, openid, account
                /actor/openid | "http://openid.example.org/ada" | statement.actor: an Agent must have exactly one of mbox, mbox_sha1sum, openid, account
                /actor/account | {"homePage": "http://x.example.org", "name": "ada"} | statement.actor: an Agent must have exactly one of
                /actor/mbox_sha1sum | "ebd31e95054c018b10727ccffd2ef2ec3a016ee9" | statement.actor: an Agent must have exactly one of
                /actor/mbox   | "ada@example.org"          | statement.actor.mbox: must be a mailto IRI such as mailto:learner@example.com, not 'ada@example.org'
                /actor/mbox   | "mailto:should.fail.com"   | statement.actor.mbox: must be a mailto IRI
                /actor/mbox   | "http://should.fail.com"   | statement.actor.mbox: must be a mailto IRI
                /actor/mbox   | "mailto:"                  | statement.actor.mbox: must be a mailto IRI
                /actor/mbox   | "mailto:ada@"              | statement.actor.mbox: must be a mailto IRI
                /actor/mbox   | "mailto:ada lovelace@example.org" | statement.actor.mbox: must be a mailto IRI
                /actor/mbox   | 12345                      | statement.actor.mbox: must be a string
                /actor/mbox   | null                       | statement.actor.mbox: must not be null
                /actor        | {"mbox_sha1sum": "ebd31e95"} | statement.actor.mbox_sha1sum: must be 40 hexadecimal characters
                /actor        | {"mbox_sha1sum": "zbd31e95054c018b10727ccffd2ef2ec3a016ee9"} | statement.actor.mbox_sha1sum: must be 40 hexadecimal characters
                /actor        | {"mbox_sha1sum": 12345}    | statement.actor.mbox_sha1sum: must be a string
                /actor        | {"openid": "ab=c://should.fail.com"} | statement.actor.openid: must be an absolute URI (with a scheme), not 'ab=c://should.fail.com'
                /actor        | {"openid": "toby.openid.example.org"} | statement.actor.openid: must be an absolute URI
                /actor        | {"account": {"homePage": "ab=c://should.fail.com", "name": "a"}} | statement.actor.account.homePage: must be an absolute IRL
                /actor        | {"account": {"homePage": "www.example.com", "name": "a"}} | statement.actor.account.homePage: must be an absolute IRL
                /actor        | {"account": {"name": "a"}} | statement.actor.account.homePage: is required
                /actor        | {"account": {"homePage": "http://x.example.org"}} | statement.actor.account.name: is required
                /actor        | {"account": {"homePage": "http://x.example.org", "name": {"key": "value"}}} | statement.actor.account.name: must be a string
                /actor        | {"account": {"homePage": "http://x.example.org", "name": 17}} | statement.actor.account.name: must be a string
                /actor        | {"account": {"homePage": "http://x.example.org", "name": "a", "id": 1}} | statement.actor.account.id: is not an allowed property here
                /actor        | {"account": "http://x.example.org/ada"} | statement.actor.account: must be a JSON object
                /actor/name   | 123                        | statement.actor.name: must be a string
                /actor/name   | {"key": "value"}           | statement.actor.name: must be a string
                /actor/name   | null                       | statement.actor.name: must not be null
                /actor/objectType | "agent"                | statement.actor.objectType: must be Agent or Group, not 'agent'
                /actor/objectType | "Person"               | statement.actor.objectType: must be Agent or Group, not 'Person'
                /actor/objectType | 123                    | statement.actor.objectType: must be a string
                /actor/objectType | {"key": "value"}       | statement.actor.objectType: must be a string
                /actor/member | [{"mbox": "mailto:b@example.org"}] | statement.actor.member: is only allowed on a Group, which must say objectType Group
                /actor/Name   | "Ada"                      | statement.actor.Name: is not an allowed property here
                """)
        void anInvalidAgentIsRejected(String pointer, String value, String message) {
            rejectsInBothVersions(pointer, value, message);
        }

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                /actor | {"objectType": "Group", "name": "Team"} | statement.actor: an anonymous Group (one without mbox, mbox_sha1sum, openid, account) must list its member Agents
                /actor | {"objectType": "Group", "member": []}   | statement.actor.member: an anonymous Group must have at least one member
                /actor | {"objectType": "Group", "member": {"mbox": "mailto:a@example.org"}} | statement.actor.member: must be an array
                /actor | {"objectType": "Group", "member": null}  | statement.actor.member: must not be null
                /actor | {"objectType": "Group", "member": [{"objectType": "Group", "mbox": "mailto:t@example.org"}]} | statement.actor.member[0]: a Group's members must be Agents, not Groups
                /actor | {"objectType": "Group", "member": [{"mbox": "mailto:a@example.org"}, {"name": "no identifier"}]} | statement.actor.member[1]: an Agent must have exactly one of mbox, mbox_sha1sum, openid, account
                /actor | {"objectType": "Group", "member": ["mailto:a@example.org"]} | statement.actor.member[0]: must be a JSON object
                /actor | {"objectType": "Group", "mbox": "mailto:t@example.org", "openid": "http://t.example.org/"} | statement.actor: an identified Group must have exactly one of mbox, mbox_sha1sum, openid, account
                /actor | {"objectType": "Group", "mbox": "mailto:t@example.org", "member": [{"mbox": "a@example.org"}]} | statement.actor.member[0].mbox: must be a mailto IRI
                /actor | {"objectType": "Group", "mbox": "not-a-mailto"} | statement.actor.mbox: must be a mailto IRI
                /actor | {"objectType": "group", "mbox": "mailto:t@example.org"} | statement.actor.objectType: must be Agent or Group, not 'group'
                /actor | {"objectType": "Group", "mbox": "mailto:t@example.org", "members": []} | statement.actor.members: is not an allowed property here
                """)
        void anInvalidGroupIsRejected(String pointer, String value, String message) {
            rejectsInBothVersions(pointer, value, message);
        }

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                /authority | {"objectType": "Group", "member": [{"mbox": "mailto:a@example.org"}]} | statement.authority: a Group authority must be an anonymous Group of exactly two Agents (OAuth)
                /authority | {"objectType": "Group", "member": [{"mbox": "mailto:a@example.org"}, {"mbox": "mailto:b@example.org"}, {"mbox": "mailto:c@example.org"}]} | statement.authority: a Group authority must be an anonymous Group of exactly two Agents
                /authority | {"objectType": "Group", "mbox": "mailto:t@example.org", "member": [{"mbox": "mailto:a@example.org"}, {"mbox": "mailto:b@example.org"}]} | statement.authority: a Group authority must be an anonymous Group of exactly two Agents
                /authority | {"objectType": "Group", "account": {"homePage": "http://x.example.org", "name": "t"}} | statement.authority: a Group authority must be an anonymous Group of exactly two Agents
                /authority | {"name": "no identifier"} | statement.authority: an Agent must have exactly one of
                /authority | {"mbox": "mailto:a@example.org", "openid": "http://a.example.org/"} | statement.authority: an Agent must have exactly one of
                /authority | {"objectType": "agent", "mbox": "mailto:a@example.org"} | statement.authority.objectType: must be Agent or Group, not 'agent'
                /authority | {"account": {"homePage": "http://x.example.org", "name": {"key": "value"}}} | statement.authority.account.name: must be a string
                /authority | "mailto:a@example.org" | statement.authority: must be a JSON object
                /authority | null | statement.authority: must not be null
                """)
        void anInvalidAuthorityIsRejected(String pointer, String value, String message) {
            rejectsInBothVersions(pointer, value, message);
        }
    }

    @Nested
    class Verbs {

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                /verb/id      | <absent>                   | statement.verb.id: is required
                /verb/id      | "answered"                 | statement.verb.id: must be an absolute IRI (with a scheme), not 'answered'
                /verb/id      | "ab=c://should.fail.com"   | statement.verb.id: must be an absolute IRI
                /verb/id      | "http://example.org/has space" | statement.verb.id: must be an absolute IRI
                /verb/id      | "http://example.org/<b>"   | statement.verb.id: must be an absolute IRI
                /verb/id      | "http://example.org/%zz"   | statement.verb.id: must be an absolute IRI
                /verb/id      | "http:"                    | statement.verb.id: must be an absolute IRI
                /verb/id      | ""                         | statement.verb.id: must be an absolute IRI
                /verb/id      | 12345                      | statement.verb.id: must be a string
                /verb/display | "answered"                 | statement.verb.display: must be a JSON object
                /verb/display | 12345                      | statement.verb.display: must be a JSON object
                /verb/display | {"a12345": "attended"}     | statement.verb.display: language map key 'a12345' is not an RFC 5646 language tag
                /verb/display | {"something": "besucht"}   | statement.verb.display: language map key 'something' is not an RFC 5646 language tag
                /verb/display | {"en_US": "answered"}      | statement.verb.display: language map key 'en_US' is not an RFC 5646 language tag
                /verb/display | {"": "answered"}           | statement.verb.display: language map key '' is not an RFC 5646 language tag
                /verb/display | {"en-US": 1}               | statement.verb.display.en-US: must be a string
                /verb/display | {"en-US": null}            | statement.verb.display.en-US: must not be null
                /verb/display | {"en-US": {"text": "answered"}} | statement.verb.display.en-US: must be a string
                /verb/foo     | 1                          | statement.verb.foo: is not an allowed property here
                """)
        void anInvalidVerbIsRejected(String pointer, String value, String message) {
            rejectsInBothVersions(pointer, value, message);
        }

        @Test
        void aVoidingStatementMustReferToAStatement() {
            rejectsInBothVersions("/verb/id", "\"http://adlnet.gov/expapi/verbs/voided\"",
                    "statement.object: a voiding statement (verb http://adlnet.gov/expapi/verbs/voided) "
                            + "must have a StatementRef object");
        }
    }

    @Nested
    class ObjectsAndActivities {

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                /object/id            | <absent>              | statement.object.id: is required
                /object/id            | "not an iri"          | statement.object.id: must be an absolute IRI
                /object/id            | "q1"                  | statement.object.id: must be an absolute IRI
                /object/id            | 12345                 | statement.object.id: must be a string
                /object/objectType    | "activity"            | statement.object.objectType: must be one of Activity, Agent, Group, StatementRef, SubStatement, not 'activity'
                /object/objectType    | 1                     | statement.object.objectType: must be a string
                /object/objectType    | null                  | statement.object.objectType: must not be null
                /object/name          | {"en-US": "Quiz"}     | statement.object.name: is not an allowed property here
                /object/definition    | "a quiz"              | statement.object.definition: must be a JSON object
                /object/definition    | null                  | statement.object.definition: must not be null
                /object/definition/name        | "Question 1"          | statement.object.definition.name: must be a JSON object
                /object/definition/name        | 12345                 | statement.object.definition.name: must be a JSON object
                /object/definition/name        | {"something": "x"}    | statement.object.definition.name: language map key 'something' is not an RFC 5646 language tag
                /object/definition/description | "Pick one"            | statement.object.definition.description: must be a JSON object
                /object/definition/description | {"en-GB": "a", "something": "b"} | statement.object.definition.description: language map key 'something'
                /object/definition/description | {"zh-z-aaa-z-bbb-c-ccc": "x"} | statement.object.definition.description: language map key 'zh-z-aaa-z-bbb-c-ccc' is not an RFC 5646 language tag
                /object/definition/type        | "cmi.interaction"     | statement.object.definition.type: must be an absolute IRI
                /object/definition/moreInfo    | "q1.html"             | statement.object.definition.moreInfo: must be an absolute IRL
                /object/definition/extensions  | {"difficulty": 3}     | statement.object.definition.extensions: extension key 'difficulty' is not an absolute IRI
                /object/definition/extensions  | "difficulty"          | statement.object.definition.extensions: must be a JSON object
                /object/definition/extensions  | null                  | statement.object.definition.extensions: must not be null
                /object/definition/interactionType | "choiCe"          | statement.object.definition.interactionType: must be one of true-false, choice, fill-in, long-fill-in, matching, performance, sequencing, likert, numeric, other, not 'choiCe'
                /object/definition/interactionType | "Other"           | statement.object.definition.interactionType: must be one of
                /object/definition/interactionType | "http://adlnet.gov/expapi/activities/cmi.interaction" | statement.object.definition.interactionType: must be one of
                /object/definition/interactionType | 1                 | statement.object.definition.interactionType: must be a string
                /object/definition/interactionType | {"key": "choice"} | statement.object.definition.interactionType: must be a string
                /object/definition/interactionType | <absent>          | statement.object.definition.interactionType: is required when the definition has correctResponsesPattern
                /object/definition/correctResponsesPattern | "b"       | statement.object.definition.correctResponsesPattern: must be an array
                /object/definition/correctResponsesPattern | [1]       | statement.object.definition.correctResponsesPattern[0]: must be a string
                /object/definition/correctResponsesPattern | [null]    | statement.object.definition.correctResponsesPattern[0]: must not be null
                /object/definition/choices  | [{"description": {"en-US": "4"}}] | statement.object.definition.choices[0].id: is required
                /object/definition/choices  | [{"id": "a"}, {"id": "a"}] | statement.object.definition.choices[1].id: interaction component ids must be distinct; 'a' appears more than once
                /object/definition/choices  | [{"id": 1}]               | statement.object.definition.choices[0].id: must be a string
                /object/definition/choices  | [{"id": "a", "description": {"en_US": "x"}}] | statement.object.definition.choices[0].description: language map key 'en_US'
                /object/definition/choices  | [{"id": "a", "label": "x"}] | statement.object.definition.choices[0].label: is not an allowed property here
                /object/definition/choices  | ["a"]                     | statement.object.definition.choices[0]: must be a JSON object
                /object/definition/choices  | {"id": "a"}               | statement.object.definition.choices: must be an array
                /object/definition/scale    | [{"id": "1"}, {"id": "1"}] | statement.object.definition.scale[1].id: interaction component ids must be distinct
                /object/definition/steps    | "pong"                    | statement.object.definition.steps: must be an array
                /object/definition/source   | [{}]                      | statement.object.definition.source[0].id: is required
                /object/definition/target   | [{"id": null}]            | statement.object.definition.target[0].id: must not be null
                /object/definition/correctResponses | ["b"]             | statement.object.definition.correctResponses: is not an allowed property here
                """)
        void anInvalidActivityIsRejected(String pointer, String value, String message) {
            rejectsInBothVersions(pointer, value, message);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                {"interactionType": null, "choices": [{"id": "a"}]}   | statement.object.definition.interactionType: must not be null
                {"choices": [{"id": "a"}]}                            | statement.object.definition.interactionType: is required when the definition has choices
                {"scale": [{"id": "a"}]}                              | statement.object.definition.interactionType: is required when the definition has scale
                {"source": [{"id": "a"}], "target": [{"id": "b"}]}    | statement.object.definition.interactionType: is required when the definition has source
                {"steps": [{"id": "a"}]}                              | statement.object.definition.interactionType: is required when the definition has steps
                """)
        void interactionPropertiesNeedAnInteractionType(String definition, String message) {
            rejectsInBothVersions("/object/definition", definition, message);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                {"mbox": "mailto:bob@example.org"}                         | statement.object.objectType: is required when the object is an Agent or a Group
                {"member": [{"mbox": "mailto:bob@example.org"}]}           | statement.object.objectType: is required when the object is an Agent or a Group
                {"objectType": "Agent", "name": "Bob"}                     | statement.object: an Agent must have exactly one of
                {"objectType": "agent", "mbox": "mailto:bob@example.org"}  | statement.object.objectType: must be one of Activity, Agent, Group, StatementRef, SubStatement, not 'agent'
                {"objectType": "Group", "name": "no members"}              | statement.object: an anonymous Group
                {"objectType": "Agent", "mbox": "mailto:bob@example.org", "id": "http://example.org/bob"} | statement.object.id: is not an allowed property here
                {"objectType": "StatementRef"}                             | statement.object.id: is required
                {"objectType": "StatementRef", "id": "not-a-uuid"}         | statement.object.id: must be a UUID
                {"objectType": "StatementRef", "id": 12345}                | statement.object.id: must be a string
                {"objectType": "StatementRef", "id": {"key": "value"}}     | statement.object.id: must be a string
                {"objectType": "statementref", "id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee"} | statement.object.objectType: must be one of
                {"objectType": "StatementRef", "id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee", "definition": {}} | statement.object.definition: is not an allowed property here
                """)
        void anInvalidAgentGroupOrStatementRefObjectIsRejected(String object, String message) {
            rejectsInBothVersions("/object", object, message);
        }
    }

    @Nested
    class SubStatements {

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                /id         | "6690e6c9-3ef0-4ed3-8b37-7f3964730bee" | statement.object.id: a SubStatement must not have id
                /stored     | "2013-05-18T05:32:34Z"                 | statement.object.stored: a SubStatement must not have stored
                /version    | "1.0.0"                                | statement.object.version: a SubStatement must not have version
                /authority  | {"mbox": "mailto:lrs@example.org"}     | statement.object.authority: a SubStatement must not have authority
                /object     | {"objectType": "SubStatement", "actor": {"mbox": "mailto:a@example.org"}, "verb": {"id": "http://example.org/v"}, "object": {"id": "http://example.org/a"}} | statement.object.object: a SubStatement must not contain another SubStatement
                /actor      | <absent>                               | statement.object.actor: is required
                /verb       | <absent>                               | statement.object.verb: is required
                /object     | <absent>                               | statement.object.object: is required
                /objectType | "substatement"                         | statement.object.objectType: must be one of
                /actor      | {"name": "no identifier"}              | statement.object.actor: an Agent must have exactly one of
                /verb/id    | "will-visit"                           | statement.object.verb.id: must be an absolute IRI
                /timestamp  | "2013-05-18T05:32:34"                  | statement.object.timestamp: must include a time zone offset or Z
                /result     | {"success": "true"}                    | statement.object.result.success: must be true or false
                /context    | {"registration": "abc"}                | statement.object.context.registration: must be a UUID
                /context    | {"platform": "LMS"}                    | statement.object.context.platform: is only allowed when the object is an Activity
                /attachments | {}                                    | statement.object.attachments: must be an array
                /foo        | 1                                      | statement.object.foo: is not an allowed property here
                """)
        void anInvalidSubStatementIsRejected(String pointer, String value, String message) {
            ObjectNode subStatement = with(XapiJson.json(XapiFixtures.SUBSTATEMENT), pointer, value);
            if (pointer.equals("/context") && value.contains("platform")) {
                subStatement.set("object", json("""
                        {"objectType": "StatementRef", "id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee"}
                        """));
            }
            ObjectNode statement = with(XapiFixtures.minimal(), "/object", XapiJson.write(subStatement));
            rejects(statement, XapiVersion.V1_0_3, message);
            rejects(statement, XapiVersion.V2_0_0, message);
        }

        @Test
        void aSubStatementWithTheVoidedVerbIsNotAVoidingStatement() {
            ObjectNode subStatement = with(XapiJson.json(XapiFixtures.SUBSTATEMENT), "/verb/id",
                    "\"http://adlnet.gov/expapi/verbs/voided\"");

            accepts(with(XapiFixtures.minimal(), "/object", XapiJson.write(subStatement)), XapiVersion.V1_0_3);
        }
    }

    @Nested
    class Results {

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                /result/success      | "true"          | statement.result.success: must be true or false
                /result/success      | "false"         | statement.result.success: must be true or false
                /result/success      | 1               | statement.result.success: must be true or false
                /result/completion   | "true"          | statement.result.completion: must be true or false
                /result/completion   | {"key": "value"} | statement.result.completion: must be true or false
                /result/completion   | null            | statement.result.completion: must not be null
                /result/response     | 12345           | statement.result.response: must be a string
                /result/response     | ["b"]           | statement.result.response: must be a string
                /result/duration     | "PA1H0M0S"      | statement.result.duration: must be an ISO 8601 duration such as PT1H30M or P4W, not 'PA1H0M0S'
                /result/duration     | "should fail"   | statement.result.duration: must be an ISO 8601 duration
                /result/duration     | "P4W1D"         | statement.result.duration: must be an ISO 8601 duration
                /result/duration     | "P"             | statement.result.duration: must be an ISO 8601 duration
                /result/duration     | "PT"            | statement.result.duration: must be an ISO 8601 duration
                /result/duration     | "P1DT"          | statement.result.duration: must be an ISO 8601 duration
                /result/duration     | "PT1H30"        | statement.result.duration: must be an ISO 8601 duration
                /result/duration     | "1H30M"         | statement.result.duration: must be an ISO 8601 duration
                /result/duration     | "PT30M1H"       | statement.result.duration: must be an ISO 8601 duration
                /result/duration     | "PT1.5H30M"     | statement.result.duration: must be an ISO 8601 duration
                /result/duration     | "P1M2Y"         | statement.result.duration: must be an ISO 8601 duration
                /result/duration     | "P0003-06-04T12:30:05" | statement.result.duration: must be an ISO 8601 duration
                /result/duration     | "pt1h"          | statement.result.duration: must be an ISO 8601 duration
                /result/duration     | "-PT1H"         | statement.result.duration: must be an ISO 8601 duration
                /result/duration     | 12345           | statement.result.duration: must be a string
                /result/duration     | {"key": "invalid"} | statement.result.duration: must be a string
                /result/extensions   | {"should fail": true} | statement.result.extensions: extension key 'should fail' is not an absolute IRI
                /result/extensions   | 12345           | statement.result.extensions: must be a JSON object
                /result/extensions   | "should fail"   | statement.result.extensions: must be a JSON object
                /result/score        | 12345           | statement.result.score: must be a JSON object
                /result/score        | "should fail"   | statement.result.score: must be a JSON object
                /result/score/scaled | 1.01            | statement.result.score.scaled: must be between -1 and 1, not 1.01
                /result/score/scaled | -1.5            | statement.result.score.scaled: must be between -1 and 1
                /result/score/scaled | "0.5"           | statement.result.score.scaled: must be a number
                /result/score/scaled | true            | statement.result.score.scaled: must be a number
                /result/score/raw    | 11              | statement.result.score.raw: must not be greater than max
                /result/score/raw    | -0.5            | statement.result.score.raw: must not be less than min
                /result/score/raw    | "8"             | statement.result.score.raw: must be a number
                /result/score/raw    | null            | statement.result.score.raw: must not be null
                /result/score/min    | 20              | statement.result.score.min: must not be greater than max
                /result/score/max    | "10"            | statement.result.score.max: must be a number
                /result/score/percent | 80             | statement.result.score.percent: is not an allowed property here
                /result/Success      | true            | statement.result.Success: is not an allowed property here
                """)
        void anInvalidResultIsRejected(String pointer, String value, String message) {
            rejectsInBothVersions(pointer, value, message);
        }
    }

    @Nested
    class Contexts {

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                /context/registration | "should fail"            | statement.context.registration: must be a UUID
                /context/registration | {"key": "should fail"}   | statement.context.registration: must be a string
                /context/registration | "ec531277-b57b-4c15-8d91-d292c5b2b8f78" | statement.context.registration: must be a UUID
                /context/instructor   | {"key": "should fail"}   | statement.context.instructor.key: is not an allowed property here
                /context/instructor   | "should fail"            | statement.context.instructor: must be a JSON object
                /context/instructor   | {"objectType": "agent", "mbox": "mailto:g@example.org"} | statement.context.instructor.objectType: must be Agent or Group, not 'agent'
                /context/instructor   | {"mbox": "g@example.org"} | statement.context.instructor.mbox: must be a mailto IRI
                /context/team         | {"mbox": "mailto:team@example.org"} | statement.context.team: must be a Group (objectType Group)
                /context/team         | {"objectType": "Agent", "mbox": "mailto:team@example.org"} | statement.context.team: must be a Group (objectType Group)
                /context/team         | {"objectType": "Group", "name": "no members"} | statement.context.team: an anonymous Group
                /context/team         | {"objectType": "Group", "mbox": "mailto:t@example.org", "openid": "http://t.example.org/"} | statement.context.team: an identified Group must have exactly one of
                /context/team         | "should fail"            | statement.context.team: must be a JSON object
                /context/contextActivities | "should fail"       | statement.context.contextActivities: must be a JSON object
                /context/contextActivities/sibling | []          | statement.context.contextActivities.sibling: is not an allowed property here
                /context/contextActivities/Parent  | []          | statement.context.contextActivities.Parent: is not an allowed property here
                /context/contextActivities/parent  | "http://example.org/x" | statement.context.contextActivities.parent: must be an Activity or an array of Activities
                /context/contextActivities/parent  | null        | statement.context.contextActivities.parent: must not be null
                /context/contextActivities/other   | [{"id": "http://example.org/a"}, {"key": "should fail"}] | statement.context.contextActivities.other[1].key: is not an allowed property here
                /context/contextActivities/other   | [{"id": "http://example.org/a"}, "http://example.org/b"] | statement.context.contextActivities.other[1]: must be a JSON object
                /context/contextActivities/grouping | [{"objectType": "Agent", "id": "http://example.org/a"}] | statement.context.contextActivities.grouping[0].objectType: must be Activity, not 'Agent'
                /context/contextActivities/category | {"id": "not an iri"} | statement.context.contextActivities.category.id: must be an absolute IRI
                /context/contextActivities/parent/0/definition | {"name": {"something": "x"}} | statement.context.contextActivities.parent[0].definition.name: language map key 'something'
                /context/revision     | 2                        | statement.context.revision: must be a string
                /context/revision     | {"key": "value"}         | statement.context.revision: must be a string
                /context/platform     | 2                        | statement.context.platform: must be a string
                /context/platform     | null                     | statement.context.platform: must not be null
                /context/language     | "something"              | statement.context.language: must be an RFC 5646 language tag, not 'something'
                /context/language     | "en-"                    | statement.context.language: must be an RFC 5646 language tag
                /context/language     | "en--US"                 | statement.context.language: must be an RFC 5646 language tag
                /context/language     | 12345                    | statement.context.language: must be a string
                /context/language     | {"en": "English"}        | statement.context.language: must be a string
                /context/statement    | {"id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee"} | statement.context.statement.objectType: is required
                /context/statement    | {"objectType": "statementref", "id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee"} | statement.context.statement.objectType: must be StatementRef, not 'statementref'
                /context/statement    | {"objectType": "StatementRef", "id": "should fail"} | statement.context.statement.id: must be a UUID
                /context/statement    | {"objectType": "StatementRef", "id": 12345} | statement.context.statement.id: must be a string
                /context/statement    | "6690e6c9-3ef0-4ed3-8b37-7f3964730bee" | statement.context.statement: must be a JSON object
                /context/extensions   | {"should fail": 1}       | statement.context.extensions: extension key 'should fail' is not an absolute IRI
                /context/extensions   | "should fail"            | statement.context.extensions: must be a JSON object
                /context/foo          | 1                        | statement.context.foo: is not an allowed property here
                """)
        void anInvalidContextIsRejected(String pointer, String value, String message) {
            rejectsInBothVersions(pointer, value, message);
        }

        @ParameterizedTest(name = "object {0}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                {"objectType": "StatementRef", "id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee"} | StatementRef
                {"objectType": "Agent", "mbox": "mailto:bob@example.org"}                    | Agent
                {"objectType": "Group", "mbox": "mailto:team@example.org"}                   | Group
                {"objectType": "SubStatement", "actor": {"mbox": "mailto:a@example.org"}, "verb": {"id": "http://example.org/v"}, "object": {"id": "http://example.org/a"}} | SubStatement
                """)
        void revisionIsOnlyAllowedWhenTheObjectIsAnActivity(String object, String objectType) {
            rejectsInBothVersions("/object", object,
                    "statement.context.revision: is only allowed when the object is an Activity, and here it is of type "
                            + objectType);
        }

        @Test
        void platformIsOnlyAllowedWhenTheObjectIsAnActivity() {
            ObjectNode statement = with(XapiFixtures.rich(), "/object",
                    "{\"objectType\": \"Agent\", \"mbox\": \"mailto:bob@example.org\"}");
            ((ObjectNode) statement.get("context")).remove("revision");

            rejects(statement, XapiVersion.V1_0_3,
                    "statement.context.platform: is only allowed when the object is an Activity, and here it is of type Agent");
        }
    }

    @Nested
    class Timestamps {

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                /timestamp | "2013-05-18T05:32:34"            | statement.timestamp: must include a time zone offset or Z, e.g. 2013-05-18T05:32:34Z
                /timestamp | "2013-05-18T05:32:34.804"        | statement.timestamp: must include a time zone offset or Z
                /timestamp | "01/011/2015"                    | statement.timestamp: must be an ISO 8601 date-time with a time zone, e.g. 2013-05-18T05:32:34.000Z
                /timestamp | "should fail"                    | statement.timestamp: must be an ISO 8601 date-time
                /timestamp | "2013-05-18"                     | statement.timestamp: must be an ISO 8601 date-time
                /timestamp | "2013-05-18 05:32:34Z"           | statement.timestamp: must be an ISO 8601 date-time
                /timestamp | "2013-05-18T05:32:34 Z"          | statement.timestamp: must be an ISO 8601 date-time
                /timestamp | "2013-05-18T05:32:34+0100"       | statement.timestamp: must be an ISO 8601 date-time
                /timestamp | "2008-09-15T15:53:00.601-0000"   | statement.timestamp: must be an ISO 8601 date-time
                /timestamp | "2008-09-15T15:53:00.601-00"     | statement.timestamp: must not use the offset -00
                /timestamp | "2008-09-15T15:53:00.601-00:00"  | statement.timestamp: must not use the offset -00:00
                /timestamp | "2013-13-18T05:32:34Z"           | statement.timestamp: is not a valid date-time
                /timestamp | "2013-02-30T05:32:34Z"           | statement.timestamp: is not a valid date-time
                /timestamp | "2013-05-18T24:00:00Z"           | statement.timestamp: is not a valid date-time
                /timestamp | "2013-05-18T05:32:34+25:00"      | statement.timestamp: is not a valid date-time
                /timestamp | 1368855154                       | statement.timestamp: must be a string
                /timestamp | null                             | statement.timestamp: must not be null
                /stored    | "yesterday"                      | statement.stored: must be an ISO 8601 date-time
                /stored    | "2013-05-18T05:32:34"            | statement.stored: must include a time zone offset or Z
                /stored    | 1368855154                       | statement.stored: must be a string
                """)
        void anInvalidTimestampIsRejected(String pointer, String value, String message) {
            rejectsInBothVersions(pointer, value, message);
        }
    }

    @Nested
    class Versions {

        @ParameterizedTest(name = "version {0}")
        @ValueSource(strings = {"\"0.9.9\"", "\"1.1.0\"", "\"1.0.x\"", "\"2.0.0\"", "\"2.0\"", "\"should fail\"", "\"\""})
        void xapi1AcceptsOnlyThe10Family(String version) {
            rejects(with(XapiFixtures.minimal(), "/version", version), XapiVersion.V1_0_3,
                    "statement.version: must be 1.0 or 1.0.x under xAPI 1.0.3, not ");
        }

        @ParameterizedTest(name = "version {0}")
        @ValueSource(strings = {"\"0.9.9\"", "\"1.1.0\"", "\"2.1.0\"", "\"3.0.0\"", "\"2\"", "\"should fail\""})
        void xapi2AcceptsOnlyThe10And20Families(String version) {
            rejects(with(XapiFixtures.minimal(), "/version", version), XapiVersion.V2_0_0,
                    "statement.version: must be 1.0, 1.0.x, 2.0 or 2.0.x, not ");
        }

        @ParameterizedTest(name = "version {0}")
        @ValueSource(strings = {"\"1.0\"", "\"1.0.0\"", "\"1.0.3\"", "\"2.0\"", "\"2.0.0\"", "\"2.0.1\""})
        void xapi2AcceptsBothFamilies(String version) {
            accepts(with(XapiFixtures.minimal(), "/version", version), XapiVersion.V2_0_0);
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void theVersionMustBeAString(XapiVersion version) {
            rejects(with(XapiFixtures.minimal(), "/version", "1.0"), version, "statement.version: must be a string");
        }
    }

    @Nested
    class Attachments {

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                /attachments               | {}              | statement.attachments: must be an array
                /attachments               | "should fail"   | statement.attachments: must be an array
                /attachments               | ["should fail"] | statement.attachments[0]: must be a JSON object
                /attachments               | [12345]         | statement.attachments[0]: must be a JSON object
                /attachments/0/usageType   | "should fail"   | statement.attachments[0].usageType: must be an absolute IRI
                /attachments/0/usageType   | <absent>        | statement.attachments[0].usageType: is required
                /attachments/0/display     | <absent>        | statement.attachments[0].display: is required
                /attachments/0/display     | "Signature"     | statement.attachments[0].display: must be a JSON object
                /attachments/0/display     | 12345           | statement.attachments[0].display: must be a JSON object
                /attachments/0/display     | {"a12345678": "should error"} | statement.attachments[0].display: language map key 'a12345678' is not an RFC 5646 language tag
                /attachments/0/description | 12345           | statement.attachments[0].description: must be a JSON object
                /attachments/0/description | {"es-MX": "ok", "something": "x"} | statement.attachments[0].description: language map key 'something'
                /attachments/0/contentType | <absent>        | statement.attachments[0].contentType: is required
                /attachments/0/contentType | 12345           | statement.attachments[0].contentType: must be a string
                /attachments/0/contentType | "plain text"    | statement.attachments[0].contentType: must be an Internet media type such as text/plain, not 'plain text'
                /attachments/0/length      | <absent>        | statement.attachments[0].length: is required
                /attachments/0/length      | "27"            | statement.attachments[0].length: must be an integer
                /attachments/0/length      | 27.5            | statement.attachments[0].length: must be an integer
                /attachments/0/length      | -1              | statement.attachments[0].length: must not be negative
                /attachments/0/length      | null            | statement.attachments[0].length: must not be null
                /attachments/0/sha2        | <absent>        | statement.attachments[0].sha2: is required
                /attachments/0/sha2        | 12345           | statement.attachments[0].sha2: must be a string
                /attachments/0/sha2        | "abc"           | statement.attachments[0].sha2: must be the hexadecimal SHA-2 digest of the attachment
                /attachments/0/sha2        | "672fa5fa658017f1b72d65036f13379c6ab05d4ab3b6664908d8acf0b6a0c63z" | statement.attachments[0].sha2: must be the hexadecimal SHA-2 digest
                /attachments/0/fileUrl     | "should fail"   | statement.attachments[0].fileUrl: must be an absolute IRL
                /attachments/0/fileUrl     | 12345           | statement.attachments[0].fileUrl: must be a string
                /attachments/0/fileURL     | "https://example.org/signature" | statement.attachments[0].fileURL: is not an allowed property here
                """)
        void anInvalidAttachmentIsRejected(String pointer, String value, String message) {
            rejectsInBothVersions(pointer, value, message);
        }
    }

    @Nested
    class Xapi2Features {

        private static final String CONTEXT_AGENTS = """
                [{"objectType": "contextAgent", "agent": {"objectType": "Agent", "mbox": "mailto:player-1@example.com"},
                  "relevantTypes": ["https://example.com/xapi/types/coach"]},
                 {"objectType": "contextAgent", "agent": {"account": {"homePage": "http://x.example.org", "name": "p2"}}}]
                """;

        private static final String CONTEXT_GROUPS = """
                [{"objectType": "contextGroup",
                  "group": {"objectType": "Group", "mbox": "mailto:team-1@example.com",
                            "member": [{"mbox": "mailto:player-1@example.com"}]},
                  "relevantTypes": ["https://example.com/xapi/types/opponents"]},
                 {"objectType": "contextGroup", "group": {"objectType": "Group", "member": [{"mbox": "mailto:p@example.com"}]}}]
                """;

        @Test
        void givenContextAgents_whenTheRequestIsXapi2_thenTheStatementIsValid() {
            accepts(with(XapiFixtures.rich(), "/context/contextAgents", CONTEXT_AGENTS), XapiVersion.V2_0_0);
        }

        @Test
        void givenContextGroups_whenTheRequestIsXapi2_thenTheStatementIsValid() {
            accepts(with(XapiFixtures.rich(), "/context/contextGroups", CONTEXT_GROUPS), XapiVersion.V2_0_0);
        }

        @Test
        void givenContextAgentsInASubStatement_whenTheRequestIsXapi2_thenTheStatementIsValid() {
            ObjectNode subStatement = with(XapiJson.json(XapiFixtures.SUBSTATEMENT), "/context/contextAgents",
                    CONTEXT_AGENTS);

            accepts(with(XapiFixtures.minimal(), "/object", XapiJson.write(subStatement)), XapiVersion.V2_0_0);
        }

        @Test
        void givenContextAgents_whenTheRequestIsXapi1_thenTheStatementIsRejected() {
            rejects(with(XapiFixtures.rich(), "/context/contextAgents", CONTEXT_AGENTS), XapiVersion.V1_0_3,
                    "statement.context.contextAgents: is only allowed in xAPI 2.0.0, and this request is 1.0.3");
        }

        @Test
        void givenContextGroups_whenTheRequestIsXapi1_thenTheStatementIsRejected() {
            rejects(with(XapiFixtures.rich(), "/context/contextGroups", CONTEXT_GROUPS), XapiVersion.V1_0_3,
                    "statement.context.contextGroups: is only allowed in xAPI 2.0.0, and this request is 1.0.3");
        }

        @Test
        void givenContextAgentsInASubStatement_whenTheRequestIsXapi1_thenTheStatementIsRejected() {
            ObjectNode subStatement = with(XapiJson.json(XapiFixtures.SUBSTATEMENT), "/context/contextAgents",
                    CONTEXT_AGENTS);

            rejects(with(XapiFixtures.minimal(), "/object", XapiJson.write(subStatement)), XapiVersion.V1_0_3,
                    "statement.object.context.contextAgents: is only allowed in xAPI 2.0.0");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                {"contextAgents": {}}      | statement.context.contextAgents: must be an array
                {"contextAgents": null}    | statement.context.contextAgents: must not be null
                {"contextAgents": ["x"]}   | statement.context.contextAgents[0]: must be a JSON object
                {"contextAgents": [{"objectType": "Should fail", "agent": {"mbox": "mailto:p@example.com"}}]} | statement.context.contextAgents[0].objectType: must be contextAgent, not 'Should fail'
                {"contextAgents": [{"agent": {"mbox": "mailto:p@example.com"}}]} | statement.context.contextAgents[0].objectType: is required
                {"contextAgents": [{"objectType": "contextAgent"}]} | statement.context.contextAgents[0].agent: is required
                {"contextAgents": [{"objectType": "contextAgent", "agent": {"key": "Should fail"}}]} | statement.context.contextAgents[0].agent.key: is not an allowed property here
                {"contextAgents": [{"objectType": "contextAgent", "agent": {"name": "no identifier"}}]} | statement.context.contextAgents[0].agent: an Agent must have exactly one of
                {"contextAgents": [{"objectType": "contextAgent", "agent": {"objectType": "Group", "mbox": "mailto:t@example.com"}}]} | statement.context.contextAgents[0].agent.objectType: must be Agent, not 'Group'
                {"contextAgents": [{"objectType": "contextAgent", "agent": {"mbox": "mailto:p@example.com"}, "relevantTypes": []}]} | statement.context.contextAgents[0].relevantTypes: must hold at least one IRI
                {"contextAgents": [{"objectType": "contextAgent", "agent": {"mbox": "mailto:p@example.com"}, "relevantTypes": ["abc"]}]} | statement.context.contextAgents[0].relevantTypes[0]: must be an absolute IRI
                {"contextAgents": [{"objectType": "contextAgent", "agent": {"mbox": "mailto:p@example.com"}, "relevantTypes": "http://example.com/t"}]} | statement.context.contextAgents[0].relevantTypes: must be an array
                {"contextAgents": [{"objectType": "contextAgent", "agent": {"mbox": "mailto:p@example.com"}, "role": "coach"}]} | statement.context.contextAgents[0].role: is not an allowed property here
                {"contextGroups": {}}      | statement.context.contextGroups: must be an array
                {"contextGroups": [{"objectType": "Should fail", "group": {"objectType": "Group", "mbox": "mailto:t@example.com"}}]} | statement.context.contextGroups[0].objectType: must be contextGroup, not 'Should fail'
                {"contextGroups": [{"objectType": "contextGroup"}]} | statement.context.contextGroups[0].group: is required
                {"contextGroups": [{"objectType": "contextGroup", "group": {"key": "Should fail"}}]} | statement.context.contextGroups[0].group.key: is not an allowed property here
                {"contextGroups": [{"objectType": "contextGroup", "group": {"mbox": "mailto:t@example.com"}}]} | statement.context.contextGroups[0].group.objectType: a Group must have objectType Group
                {"contextGroups": [{"objectType": "contextGroup", "group": {"objectType": "Group", "name": "no members"}}]} | statement.context.contextGroups[0].group: an anonymous Group
                {"contextGroups": [{"objectType": "contextGroup", "group": {"objectType": "Group", "mbox": "mailto:t@example.com"}, "relevantTypes": []}]} | statement.context.contextGroups[0].relevantTypes: must hold at least one IRI
                {"contextGroups": [{"objectType": "contextGroup", "group": {"objectType": "Group", "mbox": "mailto:t@example.com"}, "relevantTypes": ["abc"]}]} | statement.context.contextGroups[0].relevantTypes[0]: must be an absolute IRI
                """)
        void anInvalidContextAgentOrGroupIsRejectedInXapi2(String context, String message) {
            rejects(with(XapiFixtures.minimal(), "/context", context), XapiVersion.V2_0_0, message);
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void aTimestampWithoutTimeZoneIsRejectedInBothVersions(XapiVersion version) {
            rejects(with(XapiFixtures.minimal(), "/timestamp", "\"2013-05-18T05:32:34\""), version,
                    "statement.timestamp: must include a time zone offset or Z");
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void aSingleContextActivityIsAcceptedInBothVersions(XapiVersion version) {
            accepts(with(XapiFixtures.minimal(), "/context", """
                    {"contextActivities": {"parent": {"id": "http://example.org/course"},
                                           "grouping": {"objectType": "Activity", "id": "http://example.org/programme"}}}
                    """), version);
        }
    }
}
