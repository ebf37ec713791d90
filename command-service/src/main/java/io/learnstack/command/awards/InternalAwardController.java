package io.learnstack.command.awards;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issuance for the projector's automatic awards. The gateway does not route it; the caller proves itself
 * with the shared internal token, and names the tenant itself since it acts for every tenant.
 */
@RestController
class InternalAwardController {

    private final AwardIntake intake;
    private final PublicUrls urls;
    private final ObjectMapper json;
    private final byte[] expected;

    InternalAwardController(AwardIntake intake, PublicUrls urls, ObjectMapper json,
            @Value("${learnstack.internal.token:learnstack-internal}") String token) {
        this.intake = intake;
        this.urls = urls;
        this.json = json;
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping("/internal/awards")
    ResponseEntity<?> issue(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) String body) {
        // a constant-time comparison gives away nothing of the token through response times
        if (authorization == null
                || !MessageDigest.isEqual(expected, authorization.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .body(Map.of("error", "unauthorized", "message", "a valid internal bearer token is required"));
        }
        JsonNode request = AwardRequests.object(json, body, false);
        String tenant = AwardRequests.text(request, "tenant");
        String credentialId = AwardRequests.text(request, "credentialId");
        String learnerKey = AwardRequests.text(request, "learnerKey");
        if (!request.hasNonNull("eligibleAt")) {
            throw new InvalidAwardRequestException("'eligibleAt' is required");
        }
        Issuance issuance = intake.issue(tenant, credentialId, learnerKey, AwardRequests.instant(request, "eligibleAt"),
                null);
        return ResponseEntity.status(issuance.issued() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(AwardRequests.issued(issuance, urls));
    }
}
