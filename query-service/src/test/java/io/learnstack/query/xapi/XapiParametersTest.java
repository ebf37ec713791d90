package io.learnstack.query.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class XapiParametersTest {

    private static final Set<String> KNOWN = Set.of("activityId", "agent", "registration", "since", "stateId");

    @Test
    void wellFormedParametersAreReadIntoTheirCanonicalForms() {
        // given
        XapiParameters parameters = XapiParameters.of(query(
                "activityId", "https://rto.example/units/HLTAID011",
                "agent", "{\"objectType\":\"Agent\",\"mbox\":\"mailto:ada@example.org\"}",
                "registration", "6FBD600F-D17C-4C74-801A-2EC2E53231C7",
                "since", "2026-11-24T19:00:00+10:00"), KNOWN);

        // when / then
        assertThat(parameters.requiredIri("activityId")).isEqualTo("https://rto.example/units/HLTAID011");
        assertThat(AgentKeys.of(parameters.requiredAgent("agent", false))).isEqualTo("mbox:mailto:ada@example.org");
        assertThat(parameters.optionalUuid("registration")).isEqualTo("6fbd600f-d17c-4c74-801a-2ec2e53231c7");
        assertThat(parameters.optionalTimestamp("since")).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
        assertThat(parameters.optionalText("stateId")).isNull();
    }

    @Test
    void anUnknownParameterIsRefusedByName() {
        assertThatThrownBy(() -> XapiParameters.of(query("activityId", "https://rto.example/u", "limit", "3"), KNOWN))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("'limit'");
    }

    @Test
    void aRepeatedParameterIsRefused() {
        MultiValueMap<String, String> query = query("stateId", "a");
        query.add("stateId", "b");

        assertThatThrownBy(() -> XapiParameters.of(query, KNOWN))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("more than once");
    }

    @Test
    void aMissingOrEmptyRequiredParameterIsRefused() {
        XapiParameters parameters = XapiParameters.of(query("stateId", ""), KNOWN);

        assertThatThrownBy(() -> parameters.requiredIri("activityId")).hasMessage("activityId is required");
        assertThatThrownBy(() -> parameters.optionalText("stateId")).hasMessage("stateId must not be empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "not an iri", "urn:", "/relative/path"})
    void anActivityIdThatIsNoAbsoluteIriIsRefused(String activityId) {
        assertThatThrownBy(() -> XapiParameters.of(query("activityId", activityId), KNOWN).requiredIri("activityId"))
                .isInstanceOf(InvalidParameterException.class).hasMessage("activityId must be an absolute IRI");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "{\"objectType\":\"Agent\"}", "{not json",
            "{\"mbox\":\"ada@example.org\"}", "{\"mbox\":\"mailto:a@b.c\",\"openid\":\"https://b.c/a\"}",
            "{\"objectType\":\"Activity\",\"mbox\":\"mailto:a@b.c\"}", "{\"mbox_sha1sum\":\"xyz\"}",
            "{\"account\":{\"homePage\":\"https://b.c\"}}", "{\"mbox\":\"mailto:a@b.c\",\"name\":7}"})
    void anAgentThatIsNoValidAgentIsRefused(String agent) {
        assertThatThrownBy(() -> XapiParameters.of(query("agent", agent), KNOWN).requiredAgent("agent", true))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("agent");
    }

    @Test
    void anIdentifiedGroupIsAnAgentOnlyWhereGroupsAreAllowed() {
        XapiParameters parameters = XapiParameters.of(query("agent",
                "{\"objectType\":\"Group\",\"account\":{\"homePage\":\"https://rto.example\",\"name\":\"cohort-7\"}}"), KNOWN);

        assertThat(AgentKeys.of(parameters.requiredAgent("agent", true))).isEqualTo("account:https://rto.example|cohort-7");
        assertThatThrownBy(() -> parameters.requiredAgent("agent", false)).isInstanceOf(InvalidParameterException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "6fbd600f-d17c-4c74-801a", "6fbd600fd17c4c74801a2ec2e53231c7xxxx"})
    void aRegistrationThatIsNoUuidIsRefused(String registration) {
        assertThatThrownBy(() -> XapiParameters.of(query("registration", registration), KNOWN).optionalUuid("registration"))
                .isInstanceOf(InvalidParameterException.class).hasMessage("registration must be a UUID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "not a timestamp", "2026-11-24T09:00:00"})
    void aSinceThatIsNoTimestampWithZoneIsRefused(String since) {
        assertThatThrownBy(() -> XapiParameters.of(query("since", since), KNOWN).optionalTimestamp("since"))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("since must be");
    }

    private static MultiValueMap<String, String> query(String... namesAndValues) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return query;
    }
}
