package io.learnstack.query.agents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.query.XapiReadIntegration;

/** GET and HEAD of the Agents resource over HTTP. */
class AgentResourceIntegrationTest extends XapiReadIntegration {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAgentIsAnsweredAsAPersonWithEveryPropertyAnArray() throws Exception {
        // when
        ResponseEntity<byte[]> answer = get(uri("/xapi/agents", "agent",
                "{\"objectType\":\"Agent\",\"name\":\"Ada\",\"mbox\":\"mailto:ada@example.org\"}"));

        // then
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(JSON.readTree(answer.getBody())).isEqualTo(JSON.readTree(
                "{\"objectType\":\"Person\",\"name\":[\"Ada\"],\"mbox\":[\"mailto:ada@example.org\"]}"));
    }

    @Test
    void anAccountBecomesAnArrayOfAccounts() throws Exception {
        // when
        ResponseEntity<byte[]> answer = get(uri("/xapi/agents", "agent",
                "{\"account\":{\"homePage\":\"https://rto.example\",\"name\":\"s123\"}}"));

        // then
        assertThat(JSON.readTree(answer.getBody())).isEqualTo(JSON.readTree(
                "{\"objectType\":\"Person\",\"account\":[{\"homePage\":\"https://rto.example\",\"name\":\"s123\"}]}"));
    }

    @Test
    void headAnswersWithoutTheBody() {
        // when
        ResponseEntity<byte[]> answer = head(uri("/xapi/agents", "agent", "{\"openid\":\"https://id.example/ada\"}"));

        // then
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).isNull();
    }

    @Test
    void aMissingOrInvalidAgentIsRefused() {
        assertThat(get(uri("/xapi/agents")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get(uri("/xapi/agents", "agent", "{\"objectType\":\"Agent\",\"name\":\"Rick James\"}"))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get(uri("/xapi/agents", "agent",
                "{\"objectType\":\"Group\",\"mbox\":\"mailto:cohort@example.org\"}")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
