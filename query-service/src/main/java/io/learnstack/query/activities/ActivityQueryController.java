package io.learnstack.query.activities;

import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.learnstack.query.consistency.ReadBarrier;
import io.learnstack.security.Client;
import io.learnstack.query.xapi.XapiParameters;

/**
 * The xAPI Activities resource: the Activity object as the tenant's statements describe it. An
 * activity no statement named is still an Activity, with its id alone.
 */
@RestController
class ActivityQueryController {

    private static final Set<String> PARAMETERS = Set.of("activityId");

    private final ReadBarrier barrier;
    private final ActivityReader reader;
    private final ObjectMapper json;

    ActivityQueryController(ReadBarrier barrier, ActivityReader reader, ObjectMapper json) {
        this.barrier = barrier;
        this.reader = reader;
        this.json = json;
    }

    @GetMapping("/xapi/activities")
    ResponseEntity<String> activity(@RequestParam MultiValueMap<String, String> query,
            @RequestAttribute(Client.ATTRIBUTE) Client client) {
        String activityId = XapiParameters.of(query, PARAMETERS).requiredIri("activityId");
        barrier.await();
        String activity = reader.find(client.tenant(), activityId).orElseGet(() -> {
            ObjectNode unknown = json.createObjectNode();
            unknown.put("objectType", "Activity");
            unknown.put("id", activityId);
            return unknown.toString();
        });
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(activity);
    }
}
