package io.learnstack.query.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.query.XapiReadIntegration;

/** GET and HEAD of the Activities resource over HTTP. */
class ActivityResourceIntegrationTest extends XapiReadIntegration {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aKnownActivityIsAnsweredAsTheProjectorMergedIt() throws Exception {
        // given
        String activityId = "https://rto.example/units/" + UUID.randomUUID();
        String activity = "{\"objectType\":\"Activity\",\"id\":\"" + activityId + "\",\"definition\":"
                + "{\"name\":{\"en-US\":\"example meeting\",\"fr-FR\":\"réunion\"}}}";
        readModels.getCollection("activities").insertOne(new Document("_id", ActivityReader.documentId("demo", activityId))
                .append("tenant", "demo").append("activityId", activityId).append("json", activity));

        // when
        ResponseEntity<byte[]> answer = get(uri("/xapi/activities", "activityId", activityId));

        // then
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(JSON.readTree(answer.getBody())).isEqualTo(JSON.readTree(activity));
    }

    @Test
    void anActivityNoStatementNamedIsStillAnActivity() throws Exception {
        // given
        String activityId = "https://rto.example/never-seen/" + UUID.randomUUID();

        // when
        ResponseEntity<byte[]> answer = get(uri("/xapi/activities", "activityId", activityId));

        // then
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(JSON.readTree(answer.getBody()))
                .isEqualTo(JSON.readTree("{\"objectType\":\"Activity\",\"id\":\"" + activityId + "\"}"));
    }

    @Test
    void headAnswersWithoutTheBody() {
        // when
        ResponseEntity<byte[]> answer = head(uri("/xapi/activities", "activityId", "https://rto.example/u"));

        // then
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).isNull();
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    }

    @Test
    void aMissingOrMalformedActivityIdIsRefused() {
        assertThat(get(uri("/xapi/activities")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get(uri("/xapi/activities", "activityId", "true")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(head(uri("/xapi/activities", "activityId", "https://rto.example/u", "agent", "{}")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
