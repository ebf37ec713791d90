package io.learnstack.query.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class StatementFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StatementFormat formats = new StatementFormat();

    /** A statement with every place an Agent, Group, Verb or Activity can be, fully described. */
    private static final String FULL = """
            {
              "id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee",
              "actor": {"objectType": "Agent", "name": "Ada", "mbox": "mailto:ada@example.org"},
              "verb": {"id": "http://adlnet.gov/expapi/verbs/passed", "display": {"en-AU": "passed", "fr-FR": "réussi"}},
              "object": {
                "objectType": "Activity",
                "id": "https://rto.example/units/HLTAID011/assessment",
                "definition": {"name": {"en-AU": "First aid assessment"}, "type": "http://adlnet.gov/expapi/activities/assessment"}
              },
              "result": {"score": {"scaled": 0.92}, "success": true},
              "context": {
                "registration": "6fbd600f-d17c-4c74-801a-2ec2e53231c7",
                "instructor": {"name": "Grace", "account": {"homePage": "https://rto.example", "name": "t42"}},
                "team": {"objectType": "Group", "name": "Cohort 7", "mbox": "mailto:cohort7@rto.example",
                         "member": [{"name": "Ada", "mbox": "mailto:ada@example.org"}]},
                "contextActivities": {
                  "parent": [{"id": "https://rto.example/units/HLTAID011", "definition": {"name": {"en": "Provide first aid"}}}],
                  "grouping": [{"objectType": "Activity", "id": "https://rto.example/quals/HLT", "definition": {"type": "http://adlnet.gov/expapi/activities/course"}}],
                  "category": [{"id": "https://w3id.org/xapi/cmi5/context/categories/cmi5", "definition": {"name": {"en": "cmi5"}}}],
                  "other": [{"id": "https://rto.example/rooms/3", "definition": {"description": {"en": "Room 3"}}}]
                },
                "extensions": {"https://rto.example/ext/campus": {"name": "Sydney"}}
              },
              "timestamp": "2026-11-24T09:00:00.000Z",
              "stored": "2026-11-24T09:00:01.000Z",
              "authority": {"objectType": "Group", "member": [
                {"name": "LMS", "account": {"homePage": "https://lms.example", "name": "client-7"}},
                {"name": "Ada", "mbox": "mailto:ada@example.org"}]},
              "version": "1.0.3"
            }
            """;

    @Test
    void anUnknownFormatIsAProgrammingErrorNotAnAnswer() {
        // given a format the parser would have refused
        // when / then
        assertThatThrownBy(() -> formats.of("full", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Nested
    class Exact {

        @Test
        void theStoredTextIsReturnedAsItIsWithoutBeingParsed() {
            // given a stored statement, even one with spacing a serializer would not reproduce
            String stored = FULL;

            // when
            String answer = formats.of("exact", "fr").apply(stored);

            // then the very same text comes back: exact is the fast path of every list
            assertThat(answer).isSameAs(stored);
        }
    }

    @Nested
    class Ids {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "mbox         | {\"mbox\":\"mailto:ada@example.org\"}",
                "mbox_sha1sum | {\"mbox_sha1sum\":\"ebd31e95054c018b10727ccffd2ef2ec3a016ee9\"}",
                "openid       | {\"openid\":\"https://id.example/ada\"}",
                "account      | {\"account\":{\"homePage\":\"https://rto.example\",\"name\":\"s123\"}}"})
        void anAgentKeepsItsObjectTypeAndItsOneIdentifier(String kind, String identifier) {
            // given an actor described by more than its identifier
            String actor = identifier.replaceFirst("^\\{", "{\"objectType\":\"Agent\",\"name\":\"Ada Lovelace\",");
            String statement = statement(actor);

            // when
            JsonNode answer = ids(statement);

            // then only what identifies it remains
            assertThat(answer.get("actor")).isEqualTo(tree(identifier.replaceFirst("^\\{", "{\"objectType\":\"Agent\",")));
        }

        @Test
        void anAgentWithoutObjectTypeIsNotGivenOne() {
            // given an actor that relies on Agent being the default
            String statement = statement("{\"name\":\"Ada\",\"mbox\":\"mailto:ada@example.org\"}");

            // when
            JsonNode answer = ids(statement);

            // then the answer adds nothing the client did not send
            assertThat(answer.get("actor")).isEqualTo(tree("{\"mbox\":\"mailto:ada@example.org\"}"));
        }

        @Test
        void anIdentifiedGroupIsIdentifiedByItsIdentifierAloneAndLosesItsMembers() {
            // given an identified group with a name and members
            String statement = statement("""
                    {"objectType": "Group", "name": "Cohort 7", "openid": "https://id.example/cohort7",
                     "member": [{"name": "Ada", "mbox": "mailto:ada@example.org"}]}""");

            // when
            JsonNode answer = ids(statement);

            // then
            assertThat(answer.get("actor"))
                    .isEqualTo(tree("{\"objectType\":\"Group\",\"openid\":\"https://id.example/cohort7\"}"));
        }

        @Test
        void anAnonymousGroupKeepsEachMemberByItsIdentifier() {
            // given an anonymous group, which only its members identify
            String statement = statement("""
                    {"objectType": "Group", "name": "Study pair", "member": [
                      {"objectType": "Agent", "name": "Ada", "mbox": "mailto:ada@example.org"},
                      {"name": "Grace", "account": {"homePage": "https://rto.example", "name": "s9"}}]}""");

            // when
            JsonNode answer = ids(statement);

            // then
            assertThat(answer.get("actor")).isEqualTo(tree("""
                    {"objectType": "Group", "member": [
                      {"objectType": "Agent", "mbox": "mailto:ada@example.org"},
                      {"account": {"homePage": "https://rto.example", "name": "s9"}}]}"""));
        }

        @Test
        void theVerbKeepsOnlyItsId() {
            // given / when
            JsonNode answer = ids(FULL);

            // then
            assertThat(answer.get("verb")).isEqualTo(tree("{\"id\":\"http://adlnet.gov/expapi/verbs/passed\"}"));
        }

        @Test
        void anActivityKeepsOnlyItsId() {
            // given / when
            JsonNode answer = ids(FULL);

            // then
            assertThat(answer.get("object")).isEqualTo(tree(
                    "{\"id\":\"https://rto.example/units/HLTAID011/assessment\"}"));
        }

        @Test
        void anAgentOrGroupAsObjectIsReducedLikeAnActor() {
            // given statements about an agent and an anonymous group
            String aboutAgent = statement("{\"mbox\":\"mailto:t@rto.example\"}",
                    "{\"objectType\":\"Agent\",\"name\":\"Tutor\",\"mbox\":\"mailto:tutor@rto.example\"}");
            String aboutGroup = statement("{\"mbox\":\"mailto:t@rto.example\"}", """
                    {"objectType": "Group", "name": "Pair", "member": [{"name": "Ada", "openid": "https://id.example/ada"}]}""");

            // when
            JsonNode agentAnswer = ids(aboutAgent);
            JsonNode groupAnswer = ids(aboutGroup);

            // then
            assertThat(agentAnswer.get("object"))
                    .isEqualTo(tree("{\"objectType\":\"Agent\",\"mbox\":\"mailto:tutor@rto.example\"}"));
            assertThat(groupAnswer.get("object")).isEqualTo(
                    tree("{\"objectType\":\"Group\",\"member\":[{\"openid\":\"https://id.example/ada\"}]}"));
        }

        @Test
        void aStatementRefIsAlreadyMinimalAndStaysAsItIs() {
            // given
            String reference = "{\"objectType\":\"StatementRef\",\"id\":\"9e13cefd-53d3-4eac-b5ed-2cf6693903bb\"}";
            String statement = statement("{\"mbox\":\"mailto:ada@example.org\"}", reference);

            // when
            JsonNode answer = ids(statement);

            // then
            assertThat(answer.get("object")).isEqualTo(tree(reference));
        }

        @Test
        void everyAgentGroupAndActivityOfTheContextIsReduced() {
            // given / when
            JsonNode context = ids(FULL).get("context");

            // then
            assertThat(context.get("instructor"))
                    .isEqualTo(tree("{\"account\":{\"homePage\":\"https://rto.example\",\"name\":\"t42\"}}"));
            assertThat(context.get("team"))
                    .isEqualTo(tree("{\"objectType\":\"Group\",\"mbox\":\"mailto:cohort7@rto.example\"}"));
            assertThat(context.get("contextActivities")).isEqualTo(tree("""
                    {"parent": [{"id": "https://rto.example/units/HLTAID011"}],
                     "grouping": [{"id": "https://rto.example/quals/HLT"}],
                     "category": [{"id": "https://w3id.org/xapi/cmi5/context/categories/cmi5"}],
                     "other": [{"id": "https://rto.example/rooms/3"}]}"""));
        }

        @Test
        void theContextKeepsWhatIsNotAnAgentGroupOrActivity() {
            // given / when
            JsonNode context = ids(FULL).get("context");

            // then registration and extensions are no objects the format speaks of
            assertThat(context.get("registration").asText()).isEqualTo("6fbd600f-d17c-4c74-801a-2ec2e53231c7");
            assertThat(context.get("extensions")).isEqualTo(tree("{\"https://rto.example/ext/campus\":{\"name\":\"Sydney\"}}"));
        }

        @Test
        void theContextAgentsAndGroupsOfXapi2AreReducedAndKeepTheirRelevantTypes() {
            // given a 2.0 context
            String statement = """
                    {"actor": {"mbox": "mailto:ada@example.org"},
                     "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"},
                     "object": {"id": "https://rto.example/sessions/1"},
                     "context": {
                       "contextAgents": [{"objectType": "contextAgent",
                                          "agent": {"name": "Grace", "mbox": "mailto:grace@rto.example"},
                                          "relevantTypes": ["https://rto.example/roles/assessor"]}],
                       "contextGroups": [{"objectType": "contextGroup",
                                          "group": {"objectType": "Group", "name": "Pair",
                                                    "member": [{"name": "Ada", "mbox": "mailto:ada@example.org"}]}}]
                     },
                     "version": "2.0.0"}""";

            // when
            JsonNode context = ids(statement).get("context");

            // then
            assertThat(context.get("contextAgents")).isEqualTo(tree("""
                    [{"objectType": "contextAgent", "agent": {"mbox": "mailto:grace@rto.example"},
                      "relevantTypes": ["https://rto.example/roles/assessor"]}]"""));
            assertThat(context.get("contextGroups")).isEqualTo(tree("""
                    [{"objectType": "contextGroup",
                      "group": {"objectType": "Group", "member": [{"mbox": "mailto:ada@example.org"}]}}]"""));
        }

        @Test
        void aSubStatementIsReducedThroughout() {
            // given a statement whose object is a SubStatement with its own context
            String statement = statement("{\"name\":\"Tutor\",\"mbox\":\"mailto:tutor@rto.example\"}", """
                    {"objectType": "SubStatement",
                     "actor": {"objectType": "Agent", "name": "Ada", "mbox": "mailto:ada@example.org"},
                     "verb": {"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"en": "completed"}},
                     "object": {"id": "https://rto.example/units/HLTAID011", "definition": {"name": {"en": "First aid"}}},
                     "result": {"completion": true},
                     "context": {"instructor": {"name": "Grace", "mbox": "mailto:grace@rto.example"},
                                 "contextActivities": {"parent": [{"id": "https://rto.example/quals/HLT",
                                                                   "definition": {"name": {"en": "Health"}}}]}}}""");

            // when
            JsonNode answer = ids(statement);

            // then
            assertThat(answer.get("object")).isEqualTo(tree("""
                    {"objectType": "SubStatement",
                     "actor": {"objectType": "Agent", "mbox": "mailto:ada@example.org"},
                     "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
                     "object": {"id": "https://rto.example/units/HLTAID011"},
                     "result": {"completion": true},
                     "context": {"instructor": {"mbox": "mailto:grace@rto.example"},
                                 "contextActivities": {"parent": [{"id": "https://rto.example/quals/HLT"}]}}}"""));
        }

        @Test
        void theAuthorityIsReducedLikeAnyGroup() {
            // given / when
            JsonNode answer = ids(FULL);

            // then the OAuth-style authority, an anonymous group of two, keeps both members' identifiers
            assertThat(answer.get("authority")).isEqualTo(tree("""
                    {"objectType": "Group", "member": [
                      {"account": {"homePage": "https://lms.example", "name": "client-7"}},
                      {"mbox": "mailto:ada@example.org"}]}"""));
        }

        @Test
        void everythingElseOfTheStatementIsKept() {
            // given / when
            JsonNode answer = ids(FULL);
            JsonNode stored = tree(FULL);

            // then
            for (String field : List.of("id", "result", "timestamp", "stored", "version")) {
                assertThat(answer.get(field)).as(field).isEqualTo(stored.get(field));
            }
            assertThat(answer.get("actor").get("mbox").asText()).isEqualTo("mailto:ada@example.org");
        }

        @Test
        void numbersAreReturnedExactlyAsStored() {
            // given numbers a double would round or a serializer would reshape
            String statement = """
                    {"actor":{"mbox":"mailto:ada@example.org"},"verb":{"id":"http://adlnet.gov/expapi/verbs/scored"},\
                    "object":{"id":"https://rto.example/a"},\
                    "result":{"score":{"scaled":0.10,"raw":1.0,"min":0,"max":12345678901234567890.123456789}}}""";

            // when
            String answer = formats.of("ids", null).apply(statement);

            // then
            assertThat(answer).contains(
                    "\"score\":{\"scaled\":0.10,\"raw\":1.0,\"min\":0,\"max\":12345678901234567890.123456789}");
        }

        private JsonNode ids(String statement) {
            return tree(formats.of("ids", null).apply(statement));
        }
    }

    @Nested
    class Canonical {

        /** Language maps in every place a statement can have them, each in English, French and undetermined. */
        private static final String MULTILINGUAL = """
                {
                  "actor": {"name": "Ada", "mbox": "mailto:ada@example.org"},
                  "verb": {"id": "http://adlnet.gov/expapi/verbs/answered",
                           "display": {"en-US": "answered", "fr-FR": "a répondu", "und": "answered?"}},
                  "object": {
                    "id": "https://rto.example/q/1",
                    "definition": {
                      "name": {"en-US": "Question 1", "fr-FR": "Question 1 (fr)", "und": "Q1"},
                      "description": {"en-US": "Pick one", "fr-FR": "Choisissez", "und": "?"},
                      "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                      "interactionType": "choice",
                      "correctResponsesPattern": ["a"],
                      "choices": [{"id": "a", "description": {"en-US": "Yes", "fr-FR": "Oui", "und": "+"}}],
                      "scale": [{"id": "s", "description": {"en-US": "Scale", "fr-FR": "Échelle", "und": "~"}}],
                      "source": [{"id": "x", "description": {"en-US": "Source", "fr-FR": "Source (fr)", "und": "<"}}],
                      "target": [{"id": "y", "description": {"en-US": "Target", "fr-FR": "Cible", "und": ">"}}],
                      "steps": [{"id": "z", "description": {"en-US": "Step", "fr-FR": "Étape", "und": "#"}}],
                      "extensions": {"https://rto.example/ext/hint": {"en-US": "not a language map of the format"}}
                    }
                  },
                  "context": {"contextActivities": {
                    "parent": [{"id": "https://rto.example/quiz", "definition": {"name": {"en-US": "Quiz", "fr-FR": "Quiz (fr)", "und": "Qz"}}}],
                    "category": [{"id": "https://rto.example/cat", "definition": {"description": {"en-US": "Category", "fr-FR": "Catégorie", "und": "C"}}}]}},
                  "attachments": [{"usageType": "http://adlnet.gov/expapi/attachments/signature",
                                   "display": {"en-US": "Signature", "fr-FR": "Signature (fr)", "und": "Sig"},
                                   "description": {"en-US": "Signed", "fr-FR": "Signé", "und": "S"},
                                   "contentType": "application/octet-stream", "length": 1,
                                   "sha2": "672fa5fa658017f1b72d65036f13379c6ab05d4ab3b6664908d8acf0b6a0c634"}]
                }
                """;

        @Test
        void everyLanguageMapKeepsTheEntryOfTheAskedForLanguage() {
            // given / when
            JsonNode answer = canonical(MULTILINGUAL, "fr-FR");

            // then
            JsonNode definition = answer.at("/object/definition");
            assertThat(answer.at("/verb/display")).isEqualTo(tree("{\"fr-FR\":\"a répondu\"}"));
            assertThat(definition.get("name")).isEqualTo(tree("{\"fr-FR\":\"Question 1 (fr)\"}"));
            assertThat(definition.get("description")).isEqualTo(tree("{\"fr-FR\":\"Choisissez\"}"));
            assertThat(definition.at("/choices/0/description")).isEqualTo(tree("{\"fr-FR\":\"Oui\"}"));
            assertThat(definition.at("/scale/0/description")).isEqualTo(tree("{\"fr-FR\":\"Échelle\"}"));
            assertThat(definition.at("/source/0/description")).isEqualTo(tree("{\"fr-FR\":\"Source (fr)\"}"));
            assertThat(definition.at("/target/0/description")).isEqualTo(tree("{\"fr-FR\":\"Cible\"}"));
            assertThat(definition.at("/steps/0/description")).isEqualTo(tree("{\"fr-FR\":\"Étape\"}"));
            assertThat(answer.at("/context/contextActivities/parent/0/definition/name"))
                    .isEqualTo(tree("{\"fr-FR\":\"Quiz (fr)\"}"));
            assertThat(answer.at("/context/contextActivities/category/0/definition/description"))
                    .isEqualTo(tree("{\"fr-FR\":\"Catégorie\"}"));
            assertThat(answer.at("/attachments/0/display")).isEqualTo(tree("{\"fr-FR\":\"Signature (fr)\"}"));
            assertThat(answer.at("/attachments/0/description")).isEqualTo(tree("{\"fr-FR\":\"Signé\"}"));
        }

        @Test
        void whatIsNotALanguageMapOfAVerbActivityOrAttachmentIsKept() {
            // given / when
            JsonNode answer = canonical(MULTILINGUAL, "fr-FR");
            JsonNode stored = tree(MULTILINGUAL);

            // then agents come back as received and the rest of a definition is untouched
            assertThat(answer.get("actor")).isEqualTo(stored.get("actor"));
            for (String field : List.of("type", "interactionType", "correctResponsesPattern", "extensions")) {
                assertThat(answer.at("/object/definition/" + field)).as(field)
                        .isEqualTo(stored.at("/object/definition/" + field));
            }
            assertThat(answer.at("/attachments/0/sha2")).isEqualTo(stored.at("/attachments/0/sha2"));
        }

        @Test
        void aSubStatementHasItsLanguageMapsFilteredToo() {
            // given a SubStatement about an agent, with a multilingual verb and context activity
            String statement = statement("{\"name\":\"Tutor\",\"mbox\":\"mailto:tutor@rto.example\"}", """
                    {"objectType": "SubStatement",
                     "actor": {"name": "Ada", "mbox": "mailto:ada@example.org"},
                     "verb": {"id": "http://adlnet.gov/expapi/verbs/passed", "display": {"en-GB": "passed", "de": "bestanden"}},
                     "object": {"id": "https://rto.example/u", "definition": {"name": {"en-GB": "Unit", "de": "Einheit"}}},
                     "context": {"contextActivities": {"grouping": [
                       {"id": "https://rto.example/q", "definition": {"name": {"en-GB": "Qualification", "de": "Qualifikation"}}}]}}}""");

            // when
            JsonNode answer = canonical(statement, "de");

            // then
            assertThat(answer.at("/object/actor/name").asText()).isEqualTo("Ada");
            assertThat(answer.at("/object/verb/display")).isEqualTo(tree("{\"de\":\"bestanden\"}"));
            assertThat(answer.at("/object/object/definition/name")).isEqualTo(tree("{\"de\":\"Einheit\"}"));
            assertThat(answer.at("/object/context/contextActivities/grouping/0/definition/name"))
                    .isEqualTo(tree("{\"de\":\"Qualifikation\"}"));
        }

        @Test
        void anAgentAsObjectIsReturnedAsReceived() {
            // given
            String agent = "{\"objectType\":\"Agent\",\"name\":\"Tutor\",\"mbox\":\"mailto:tutor@rto.example\"}";
            String statement = statement("{\"mbox\":\"mailto:ada@example.org\"}", agent);

            // when
            JsonNode answer = canonical(statement, "en");

            // then
            assertThat(answer.get("object")).isEqualTo(tree(agent));
        }

        @ParameterizedTest(name = "Accept-Language: {0}  ->  {2}")
        @CsvSource(delimiter = '|', nullValues = "none", value = {
                // an exact match, whatever the case; the key keeps the case it was stored in
                "en-GB                      | en-US en-GB fr-FR     | en-GB",
                "EN-gb                      | en-US en-GB fr-FR     | en-GB",
                // a range is a prefix of the tags it matches
                "en                         | fr-FR en-US           | en-US",
                "zh-Hant                    | zh-Hans-CN zh-Hant-TW | zh-Hant-TW",
                "en                         | english en-US         | en-US",
                // the prefix must end at a subtag boundary
                "e                          | en-US und             | und",
                // an exact match beats a prefix match of the same range
                "en                         | en-US en              | en",
                // quality values order the ranges
                "fr;q=0.5, en-GB;q=0.9      | en-US en-GB fr-FR     | en-GB",
                "fr;q=0.9, en-GB;q=0.5      | en-US en-GB fr-FR     | fr-FR",
                "de;q=0.8, fr, en-GB;q=0.9  | en-GB fr de           | fr",
                // ranges of equal quality keep the order they were given in
                "de;q=0.7, fr;q=0.7         | fr de                 | de",
                // a more preferred range that matches nothing gives way to a less preferred one
                "en-GB;q=0.9, fr;q=0.5      | en-US fr              | fr",
                // a range that matches nothing is shortened, as RFC 4647 lookup does
                "en-AU                      | fr en                 | en",
                "de-CH-x-zurich             | fr de                 | de",
                // q=0 means not acceptable
                "en;q=0, fr;q=0.1           | en de fr              | fr",
                // no header, no match, a wildcard or a malformed header: und if there, else the first
                "none                       | fr-FR und en-US       | und",
                "none                       | fr-FR en-US           | fr-FR",
                "ja                         | fr-FR und en-US       | und",
                "ja                         | fr-FR en-US           | fr-FR",
                "*                          | fr-FR und en-US       | und",
                "'ja, *;q=0.1'              | fr-FR en-US           | fr-FR",
                "en;q=high, !!, fr;q=2      | fr-FR und en-US       | und",
                "'  '                       | fr-FR en-US           | fr-FR"})
        void theEntryKeptIsTheBestMatchOfTheAcceptLanguageHeader(String acceptLanguage, String tags, String kept) {
            // given a verb display in these languages, in this order
            StringBuilder display = new StringBuilder("{");
            for (String tag : tags.split(" ")) {
                display.append(display.length() > 1 ? "," : "").append('"').append(tag).append("\":\"").append(tag)
                        .append('"');
            }
            String statement = """
                    {"actor":{"mbox":"mailto:ada@example.org"},\
                    "verb":{"id":"http://adlnet.gov/expapi/verbs/passed","display":%s},\
                    "object":{"id":"https://rto.example/a"}}""".formatted(display.append('}'));

            // when
            JsonNode answer = canonical(statement, acceptLanguage);

            // then exactly one entry is left, the best one
            assertThat(answer.at("/verb/display")).isEqualTo(tree("{\"" + kept + "\":\"" + kept + "\"}"));
        }

        @Test
        void aLanguageMapWithOneEntryIsKeptEvenIfItsLanguageWasNotAskedFor() {
            // given / when
            JsonNode answer = canonical(statement("{\"mbox\":\"mailto:ada@example.org\"}",
                    "{\"id\":\"https://rto.example/a\",\"definition\":{\"name\":{\"de\":\"Einheit\"},\"description\":{}}}"),
                    "en");

            // then xAPI asks for one language, and there is no better one to give
            assertThat(answer.at("/object/definition")).isEqualTo(tree("{\"name\":{\"de\":\"Einheit\"},\"description\":{}}"));
        }

        @Test
        void oneHeaderServesEveryStatementOfAPage() {
            // given one formatter for the request
            var format = formats.of("canonical", "fr");

            // when it is applied to several statements
            List<JsonNode> answers = Arrays.asList(tree(format.apply(MULTILINGUAL)), tree(format.apply(MULTILINGUAL)));

            // then each is filtered the same way
            assertThat(answers).allSatisfy(answer ->
                    assertThat(answer.at("/verb/display")).isEqualTo(tree("{\"fr-FR\":\"a répondu\"}")));
        }

        private JsonNode canonical(String statement, String acceptLanguage) {
            return tree(formats.of("canonical", acceptLanguage).apply(statement));
        }
    }

    private static String statement(String actor) {
        return statement(actor, "{\"id\":\"https://rto.example/a\"}");
    }

    private static String statement(String actor, String object) {
        return """
                {"actor": %s, "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced", "display": {"en": "experienced"}},
                 "object": %s}""".formatted(actor, object);
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException invalid) {
            throw new IllegalArgumentException(json, invalid);
        }
    }
}
