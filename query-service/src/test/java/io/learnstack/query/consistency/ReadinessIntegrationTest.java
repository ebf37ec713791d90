package io.learnstack.query.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.learnstack.query.XapiReadIntegration;

/** The readiness probe against the real broker and read-model server: both answer, so it is ready. */
class ReadinessIntegrationTest extends XapiReadIntegration {

    @Test
    void readyWhenTheReadModelsAndTheBusAnswer() {
        ResponseEntity<String> readiness = http.getForEntity("/actuator/health/readiness", String.class);

        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(readiness.getBody()).contains("\"readModel\":{\"status\":\"UP\"")
                .contains("\"bus\":{\"status\":\"UP\"").contains("\"clusterId\"");
    }
}
