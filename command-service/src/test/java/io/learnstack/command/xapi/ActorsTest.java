package io.learnstack.command.xapi;

import static io.learnstack.command.xapi.XapiJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActorsTest {

    @Nested
    class LearnerKey {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
                {"mbox": "mailto:ada@example.org"} => mbox:mailto:ada@example.org
                {"objectType": "Agent", "name": "Ada", "mbox": "mailto:Ada@Example.org"} => mbox:mailto:Ada@Example.org
                {"mbox_sha1sum": "EBD31E95054C018B10727CCFFD2EF2EC3A016EE9"} => mbox_sha1sum:ebd31e95054c018b10727ccffd2ef2ec3a016ee9
                {"openid": "http://toby.openid.example.org/"} => openid:http://toby.openid.example.org/
                {"account": {"homePage": "https://lms.example.org", "name": "13936749"}} => account:https://lms.example.org|13936749
                {"objectType": "Group", "mbox": "mailto:team@example.org", "member": [{"mbox": "mailto:a@example.org"}]} => mbox:mailto:team@example.org
                {"objectType": "Group", "account": {"homePage": "https://lms.example.org", "name": "cohort-7"}} => account:https://lms.example.org|cohort-7
                """)
        void givenAnIdentifiedAgentOrGroup_whenKeyed_thenTheKeyIsItsInverseFunctionalIdentifier(String actor,
                String expected) {
            assertThat(Actors.learnerKey(json(actor))).isEqualTo(expected);
        }

        @Test
        void givenAnAnonymousGroup_whenKeyed_thenTheKeyHashesItsSortedMemberKeys() throws Exception {
            String key = Actors.learnerKey(json("""
                    {"objectType": "Group", "member": [
                      {"openid": "http://toby.openid.example.org/"},
                      {"mbox": "mailto:ada@example.org"}
                    ]}
                    """));

            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    "mbox:mailto:ada@example.org\nopenid:http://toby.openid.example.org/"
                            .getBytes(StandardCharsets.UTF_8));
            assertThat(key).isEqualTo("group:" + HexFormat.of().formatHex(digest));
        }

        @Test
        void givenTheSameAnonymousGroupListedInAnotherOrder_whenKeyed_thenTheKeyIsTheSame() {
            String oneOrder = Actors.learnerKey(json("""
                    {"objectType": "Group", "member": [{"mbox": "mailto:a@example.org"}, {"mbox": "mailto:b@example.org"}]}
                    """));
            String otherOrder = Actors.learnerKey(json("""
                    {"objectType": "Group", "member": [{"mbox": "mailto:b@example.org"}, {"mbox": "mailto:a@example.org"}]}
                    """));

            assertThat(oneOrder).isEqualTo(otherOrder).startsWith("group:").hasSize("group:".length() + 64);
        }

        @Test
        void givenAnonymousGroupsWithDifferentMembers_whenKeyed_thenTheKeysDiffer() {
            String ab = Actors.learnerKey(json("""
                    {"objectType": "Group", "member": [{"mbox": "mailto:a@example.org"}, {"mbox": "mailto:b@example.org"}]}
                    """));
            String ac = Actors.learnerKey(json("""
                    {"objectType": "Group", "member": [{"mbox": "mailto:a@example.org"}, {"mbox": "mailto:c@example.org"}]}
                    """));

            assertThat(ab).isNotEqualTo(ac);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "{\"name\": \"nobody\"}",
                "{\"mbox\": \"mailto:a@example.org\", \"openid\": \"http://a.example.org/\"}",
                "{\"objectType\": \"Group\", \"member\": []}",
                "{\"objectType\": \"Group\"}",
                "{\"account\": {\"homePage\": \"https://lms.example.org\"}}",
                "\"mailto:a@example.org\""})
        void givenSomethingThatIsNotAnIdentifiableActor_whenKeyed_thenItIsRefused(String actor) {
            assertThatThrownBy(() -> Actors.learnerKey(json(actor))).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void givenNull_whenKeyed_thenItIsRefused() {
            assertThatThrownBy(() -> Actors.learnerKey(null)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class LearnerKeyOfObject {

        @Test
        void givenAnAgentObject_whenKeyed_thenItsKeyIsGiven() {
            assertThat(Actors.learnerKeyOfObject(json("""
                    {"actor": {"mbox": "mailto:nellie@example.org"}, "verb": {"id": "http://example.org/interviewed"},
                     "object": {"objectType": "Agent", "mbox": "mailto:jeff@example.org"}}
                    """))).contains("mbox:mailto:jeff@example.org");
        }

        @Test
        void givenAGroupObject_whenKeyed_thenItsKeyIsGiven() {
            assertThat(Actors.learnerKeyOfObject(json("""
                    {"object": {"objectType": "Group", "account": {"homePage": "https://lms.example.org", "name": "c7"}}}
                    """))).contains("account:https://lms.example.org|c7");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "{\"object\": {\"id\": \"http://example.org/a\"}}",
                "{\"object\": {\"objectType\": \"Activity\", \"id\": \"http://example.org/a\"}}",
                "{\"object\": {\"objectType\": \"StatementRef\", \"id\": \"6690e6c9-3ef0-4ed3-8b37-7f3964730bee\"}}",
                "{\"object\": {\"objectType\": \"SubStatement\", \"actor\": {\"mbox\": \"mailto:a@example.org\"}}}",
                "{}"})
        void givenAnObjectThatIsNoAgentOrGroup_whenKeyed_thenThereIsNoKey(String statement) {
            assertThat(Actors.learnerKeyOfObject(json(statement))).isEmpty();
        }
    }
}
