package io.learnstack.query.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

class StatementQueryParserTest {

    private final StatementQueryParser parser = new StatementQueryParser(new ObjectMapper());

    @Test
    void noParametersAsksForTheNewestStatementsUpToTheServerLimit() {
        StatementQuery query = parser.parse(Map.of());

        assertThat(query.limit()).isEqualTo(StatementQueryParser.MAX_LIMIT);
        assertThat(query.ascending()).isFalse();
        assertThat(query.format()).isEqualTo("exact");
        assertThat(query.agentKey()).isNull();
        assertThat(query.relatedAgents()).isFalse();
        assertThat(query.relatedActivities()).isFalse();
    }

    @Test
    void everyFilterIsReadIntoItsCanonicalForm() {
        StatementQuery query = parser.parse(Map.of(
                "agent", "{\"account\":{\"homePage\":\"https://rto.example\",\"name\":\"s123\"}}",
                "verb", "http://adlnet.gov/expapi/verbs/passed",
                "activity", "https://rto.example/units/HLTAID011",
                "registration", "6FBD600F-D17C-4C74-801A-2EC2E53231C7",
                "since", "2026-11-24T09:00:00+10:00",
                "until", "2026-11-24T10:00:00Z",
                "limit", "25",
                "ascending", "true",
                "related_agents", "true",
                "related_activities", "true"));

        assertThat(query.agentKey()).isEqualTo("account:https://rto.example|s123");
        assertThat(query.registration()).isEqualTo("6fbd600f-d17c-4c74-801a-2ec2e53231c7");
        assertThat(query.since()).isEqualTo(Instant.parse("2026-11-23T23:00:00Z"));
        assertThat(query.until()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(query.limit()).isEqualTo(25);
        assertThat(query.ascending()).isTrue();
        assertThat(query.relatedAgents()).isTrue();
        assertThat(query.relatedActivities()).isTrue();
    }

    @Test
    void aLimitOfZeroOrAboveTheServerLimitMeansTheServerLimit() {
        assertThat(parser.parse(Map.of("limit", "0")).limit()).isEqualTo(StatementQueryParser.MAX_LIMIT);
        assertThat(parser.parse(Map.of("limit", "100000")).limit()).isEqualTo(StatementQueryParser.MAX_LIMIT);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = ';', value = {
            "agent; {\"name\":\"no identifier\"}; agent",
            "agent; {\"mbox\":\"mailto:a@b.c\",\"openid\":\"https://id.example/a\"}; exactly one",
            "agent; not json; agent",
            "verb; passed; verb must be an absolute IRI",
            "registration; 1234; registration must be a UUID",
            "since; yesterday; since must be an ISO 8601",
            "until; 2026-11-24T10:00:00; until must be an ISO 8601",
            "limit; -1; limit must not be negative",
            "limit; ten; limit must be a whole number",
            "ascending; yes; ascending must be true or false",
            "related_agents; 1; related_agents must be true or false",
            "related_activities; yes; related_activities must be true or false",
            "format; full; format must be",
            "colour; blue; unknown parameter 'colour'"})
    void badParametersAreRejectedWithTheReason(String name, String value, String reason) {
        assertThatThrownBy(() -> parser.parse(Map.of(name, value)))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining(reason);
    }
}
