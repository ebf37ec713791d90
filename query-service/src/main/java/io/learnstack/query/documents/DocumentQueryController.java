package io.learnstack.query.documents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;

import io.micrometer.core.instrument.MeterRegistry;
import io.learnstack.events.DocumentKind;
import io.learnstack.query.consistency.ReadBarrier;
import io.learnstack.security.Client;
import io.learnstack.query.xapi.AgentKeys;
import io.learnstack.query.xapi.XapiParameters;

/**
 * The read half of the three document resources (HEAD included: Spring answers it from the GET
 * mapping without the body). With a document id, the document as stored; without, the ids of the
 * scope's documents as a JSON array, optionally only those stored after {@code since}.
 */
@RestController
class DocumentQueryController {

    private static final Set<String> STATE_PARAMETERS = Set.of("activityId", "agent", "registration", "stateId", "since");
    private static final Set<String> ACTIVITY_PROFILE_PARAMETERS = Set.of("activityId", "profileId", "since");
    private static final Set<String> AGENT_PROFILE_PARAMETERS = Set.of("agent", "profileId", "since");
    private static final MediaType FALLBACK_TYPE = MediaType.APPLICATION_OCTET_STREAM;

    private final ReadBarrier barrier;
    private final DocumentReader reader;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    DocumentQueryController(ReadBarrier barrier, DocumentReader reader, ObjectMapper json, MeterRegistry meters) {
        this.barrier = barrier;
        this.reader = reader;
        this.json = json;
        this.meters = meters;
    }

    @GetMapping("/xapi/activities/state")
    ResponseEntity<byte[]> state(@RequestParam MultiValueMap<String, String> query,
            @RequestAttribute(Client.ATTRIBUTE) Client client) {
        XapiParameters parameters = XapiParameters.of(query, STATE_PARAMETERS);
        DocumentScope scope = new DocumentScope(DocumentKind.STATE, parameters.requiredIri("activityId"),
                AgentKeys.of(parameters.requiredAgent("agent", true)));
        return answer(client, scope, parameters.optionalUuid("registration"), parameters.optionalText("stateId"),
                parameters.optionalTimestamp("since"));
    }

    @GetMapping("/xapi/activities/profile")
    ResponseEntity<byte[]> activityProfile(@RequestParam MultiValueMap<String, String> query,
            @RequestAttribute(Client.ATTRIBUTE) Client client) {
        XapiParameters parameters = XapiParameters.of(query, ACTIVITY_PROFILE_PARAMETERS);
        DocumentScope scope = new DocumentScope(DocumentKind.ACTIVITY_PROFILE, parameters.requiredIri("activityId"), null);
        return answer(client, scope, null, parameters.optionalText("profileId"), parameters.optionalTimestamp("since"));
    }

    @GetMapping("/xapi/agents/profile")
    ResponseEntity<byte[]> agentProfile(@RequestParam MultiValueMap<String, String> query,
            @RequestAttribute(Client.ATTRIBUTE) Client client) {
        XapiParameters parameters = XapiParameters.of(query, AGENT_PROFILE_PARAMETERS);
        DocumentScope scope = new DocumentScope(DocumentKind.AGENT_PROFILE, null,
                AgentKeys.of(parameters.requiredAgent("agent", true)));
        return answer(client, scope, null, parameters.optionalText("profileId"), parameters.optionalTimestamp("since"));
    }

    /**
     * @param documentId the stateId or profileId, or {@code null} for the list
     * @param since      for the list only: the specification gives it no meaning next to an id
     */
    private ResponseEntity<byte[]> answer(Client client, DocumentScope scope, String registration, String documentId,
            Instant since) {
        barrier.await();
        meters.counter("learnstack.documents.queried", "resource", scope.kind().name()).increment();
        if (documentId == null) {
            return list(client, scope, registration, since);
        }
        return reader.find(client.tenant(), scope, registration, documentId)
                .map(document -> {
                    HttpHeaders headers = new HttpHeaders();
                    headers.setContentType(mediaType(document.contentType()));
                    // Taken as stored: the write side quotes it, and clients send it back byte for byte.
                    headers.set(HttpHeaders.ETAG, document.etag());
                    headers.setLastModified(document.stored());
                    return ResponseEntity.ok().headers(headers).body(document.content());
                })
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                        .body("{\"error\":\"Not Found\",\"message\":\"no such document\"}"
                                .getBytes(StandardCharsets.UTF_8)));
    }

    private ResponseEntity<byte[]> list(Client client, DocumentScope scope, String registration, Instant since) {
        DocumentReader.Listing listing = reader.list(client.tenant(), scope, registration, since);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (listing.lastModified() != null) {
            headers.setLastModified(listing.lastModified());
        }
        try {
            return ResponseEntity.ok().headers(headers).body(json.writeValueAsBytes(listing.documentIds()));
        } catch (JsonProcessingException impossible) {
            // a list of strings always serialises
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * The stored type, which the write side took from the client. One that cannot be sent back as a
     * concrete type is answered as plain bytes rather than failing the read.
     */
    private static MediaType mediaType(String stored) {
        if (stored == null) {
            return FALLBACK_TYPE;
        }
        try {
            MediaType type = MediaType.parseMediaType(stored);
            return type.isConcrete() ? type : FALLBACK_TYPE;
        } catch (InvalidMediaTypeException unusable) {
            return FALLBACK_TYPE;
        }
    }
}
