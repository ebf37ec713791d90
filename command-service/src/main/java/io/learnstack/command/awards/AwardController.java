package io.learnstack.command.awards;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.security.Client;

/** Issuance by hand (approval) and revocation, for keys holding the catalogue role of the issuing tenant. */
@RestController
class AwardController {

    private final AwardIntake intake;
    private final PublicUrls urls;
    private final ObjectMapper json;

    AwardController(AwardIntake intake, PublicUrls urls, ObjectMapper json) {
        this.intake = intake;
        this.urls = urls;
        this.json = json;
    }

    @PostMapping("/api/credentials/{credentialId}/awards")
    ResponseEntity<?> issue(@RequestAttribute(Client.ATTRIBUTE) Client client, @PathVariable String credentialId,
            @RequestBody(required = false) String body) {
        JsonNode request = AwardRequests.object(json, body, false);
        String learnerKey = AwardRequests.learner(request);
        Issuance issuance = intake.issue(client.tenant(), credentialId, learnerKey,
                AwardRequests.instant(request, "eligibleAt"), client.key());
        if (!issuance.issued()) {
            return ResponseEntity.ok(AwardRequests.issued(issuance, urls));
        }
        return ResponseEntity.created(URI.create(urls.credential(issuance.awardId())))
                .body(AwardRequests.issued(issuance, urls));
    }

    @PostMapping("/api/awards/{awardId}/revocation")
    ResponseEntity<?> revoke(@RequestAttribute(Client.ATTRIBUTE) Client client, @PathVariable String awardId,
            @RequestBody(required = false) String body) {
        JsonNode request = AwardRequests.object(json, body, true);
        JsonNode reason = request.get("reason");
        if (reason != null && !reason.isNull() && !reason.isTextual()) {
            throw new InvalidAwardRequestException("'reason' must be a string");
        }
        intake.revoke(client.tenant(), awardId, reason == null || reason.isNull() ? null : reason.asText(),
                client.key());
        return ResponseEntity.status(HttpStatus.OK).body(Map.of("awardId", awardId, "revoked", true));
    }
}
