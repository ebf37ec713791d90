package io.learnstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class QueryLoadTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode statement(String context) throws Exception {
        return json.readTree("""
                {"id":"6690e6c9-3ef0-4ed3-8b37-7f3964730bee","actor":{"mbox":"mailto:ann@example.org"},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/passed"},"object":{"id":"https://c.example/unit"},
                 "context":%s}""".formatted(context));
    }

    @Test
    void eachFilterTakesItsValueFromAWrittenStatement() throws Exception {
        JsonNode statement = statement("""
                {"registration":"ec531277-b57b-4c15-8d91-d292c5b2b8f7",
                 "contextActivities":{"parent":[{"id":"https://c.example/course"}]}}""");
        Instant since = Instant.parse("2026-11-24T15:00:00Z");

        assertThat(QueryLoad.parameters("agent", statement, since))
                .containsExactly(entry("agent", "{\"mbox\":\"mailto:ann@example.org\"}"));
        assertThat(QueryLoad.parameters("activity", statement, since)).containsExactly(entry("activity", "https://c.example/unit"));
        assertThat(QueryLoad.parameters("verb", statement, since))
                .containsExactly(entry("verb", "http://adlnet.gov/expapi/verbs/passed"));
        assertThat(QueryLoad.parameters("registration", statement, since))
                .containsExactly(entry("registration", "ec531277-b57b-4c15-8d91-d292c5b2b8f7"));
        assertThat(QueryLoad.parameters("since", statement, since)).containsExactly(entry("since", "2026-11-24T15:00:00Z"));
        assertThat(QueryLoad.parameters("related_activities", statement, since))
                .containsExactly(entry("activity", "https://c.example/course"), entry("related_activities", "true"));
        assertThat(QueryLoad.parameters("related_agents", statement, since))
                .containsExactly(entry("agent", "{\"mbox\":\"mailto:ann@example.org\"}"), entry("related_agents", "true"));
    }

    @Test
    void withoutARegistrationOrParentTheQueriesStillHaveAValue() throws Exception {
        JsonNode statement = statement("{}");
        Instant since = Instant.now();

        assertThat(QueryLoad.parameters("registration", statement, since).get("registration"))
                .isEqualTo("00000000-0000-4000-8000-000000000000");
        assertThat(QueryLoad.parameters("related_activities", statement, since).get("activity"))
                .isEqualTo("https://c.example/unit");
    }

    @Test
    void parametersAreEncodedForTheQueryString() {
        assertThat(XapiClient.query(new java.util.LinkedHashMap<>(java.util.Map.of("agent", "{\"mbox\":\"mailto:a@b.c\"}"))))
                .isEqualTo("?agent=%7B%22mbox%22%3A%22mailto%3Aa%40b.c%22%7D");
    }
}
