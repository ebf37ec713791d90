package io.learnstack.query.awards;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.learnstack.query.consistency.ReadBarrier;

/**
 * The public face of awarded credentials: each credential's page, each issuer's profile with its public
 * keys, and a verifier. No key is needed: a holder shows these to anyone.
 */
@RestController
class CredentialController {

    static final MediaType VC_JWT_TYPE = MediaType.parseMediaType("application/vc+jwt");

    private final ReadBarrier barrier;
    private final AwardReader reader;
    private final CredentialVerifier verifier;
    private final PublicUrls urls;
    private final ObjectMapper json;

    CredentialController(ReadBarrier barrier, AwardReader reader, CredentialVerifier verifier, PublicUrls urls,
            ObjectMapper json) {
        this.barrier = barrier;
        this.reader = reader;
        this.verifier = verifier;
        this.urls = urls;
        this.json = json;
    }

    @GetMapping("/credentials/{awardId}")
    ResponseEntity<?> credential(@PathVariable String awardId,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) throws JsonProcessingException {
        Representation representation = Representation.negotiate(accept);
        if (representation == null) {
            return error(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
                    "a credential is available as application/json, application/vc+jwt or text/html");
        }
        barrier.await();
        Award award = reader.award(awardId).orElse(null);
        if (award == null) {
            return error(HttpStatus.NOT_FOUND, "not-found", "no credential " + awardId);
        }
        JsonNode credential = CompactJws.parse(json, award.signedCredential()).payload();
        String status = award.statusAt(Instant.now());
        return switch (representation) {
            case VC_JWT -> ResponseEntity.ok().contentType(VC_JWT_TYPE).body(award.signedCredential());
            case HTML -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(CredentialPage.render(credential, status));
            case JSON -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("credential", credential);
                body.put("jwt", award.signedCredential());
                body.put("awardId", awardId);
                body.put("status", status);
                yield ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
            }
        };
    }

    @GetMapping("/issuers/{tenant}")
    ResponseEntity<?> issuer(@PathVariable String tenant) throws JsonProcessingException {
        barrier.await();
        Map<String, String> keys = reader.keys(tenant);
        if (keys.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "not-found", "no issuer " + tenant);
        }
        String issuer = urls.issuer(tenant);
        ObjectNode profile = json.createObjectNode();
        profile.putArray("@context").add("https://www.w3.org/ns/credentials/v2")
                .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        profile.put("id", issuer);
        profile.putArray("type").add("Profile");
        profile.put("name", tenant);
        ArrayNode methods = profile.putArray("verificationMethod");
        ArrayNode jwks = profile.putObject("jwks").putArray("keys");
        for (Map.Entry<String, String> key : keys.entrySet()) {
            JsonNode jwk = json.readTree(key.getValue());
            ObjectNode method = methods.addObject();
            method.put("id", issuer + "#" + key.getKey());
            method.put("type", "JsonWebKey");
            method.put("controller", issuer);
            method.set("publicKeyJwk", jwk);
            jwks.add(jwk);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(profile);
    }

    /** Takes the VC-JWT as the body, or as {@code {"jwt": "..."}}. */
    @PostMapping("/credentials/verify")
    ResponseEntity<?> verify(@RequestBody(required = false) String body) {
        return verdict(jwtOf(body));
    }

    /**
     * Takes the VC-JWT posted as a form: {@code jwt=...}, or the token alone, which is what
     * {@code curl -d @badge.jwt} sends (a form whose only field is named by the token).
     */
    @PostMapping(path = "/credentials/verify", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<?> verifyForm(@RequestParam MultiValueMap<String, String> form) {
        if (form.containsKey("jwt")) {
            return verdict(jwtOf(form.getFirst("jwt")));
        }
        if (form.size() == 1) {
            Map.Entry<String, List<String>> only = form.entrySet().iterator().next();
            if (only.getValue().stream().allMatch(value -> value == null || value.isEmpty())) {
                return verdict(jwtOf(only.getKey()));
            }
        }
        throw new MalformedCredentialException("send the VC-JWT as the body (Content-Type: application/vc+jwt), "
                + "as {\"jwt\":\"...\"}, or as the form field 'jwt'");
    }

    private ResponseEntity<?> verdict(String jwt) {
        barrier.await();
        Verdict verdict = verifier.verify(jwt, Instant.now());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("verified", verdict.verified());
        answer.put("checks", Map.of("signature", verdict.signature(), "expiry", verdict.expiry(),
                "revocation", verdict.revocation()));
        answer.put("awardId", verdict.awardId());
        answer.put("issuer", verdict.issuer());
        answer.put("validFrom", verdict.validFrom());
        answer.put("validUntil", verdict.validUntil());
        answer.put("problems", verdict.problems());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    private String jwtOf(String body) {
        if (body == null || body.isBlank()) {
            throw new MalformedCredentialException("send the VC-JWT as the body, or as {\"jwt\":\"...\"}");
        }
        String text = body.trim();
        if (!text.startsWith("{") && !text.startsWith("\"")) {
            return text;
        }
        try {
            JsonNode node = json.readTree(text);
            JsonNode jwt = node.isTextual() ? node : node.get("jwt");
            if (jwt == null || !jwt.isTextual()) {
                throw new MalformedCredentialException("the JSON body must hold the VC-JWT as a string in 'jwt'");
            }
            return jwt.asText();
        } catch (JsonProcessingException notJson) {
            throw new MalformedCredentialException("the body is neither a VC-JWT nor JSON");
        }
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", code, "message", message));
    }

    /** The forms a credential is served in. */
    enum Representation {
        JSON, VC_JWT, HTML;

        private static final MediaType LD_JSON = MediaType.parseMediaType("application/ld+json");
        private static final MediaType ANY_APPLICATION = MediaType.parseMediaType("application/*");

        /** The client's preferred form, or {@code null} when it accepts none; no Accept means JSON. */
        static Representation negotiate(String accept) {
            if (accept == null || accept.isBlank()) {
                return JSON;
            }
            List<MediaType> types;
            try {
                types = new ArrayList<>(MediaType.parseMediaTypes(accept));
            } catch (InvalidMediaTypeException unreadable) {
                return JSON;
            }
            // highest quality first; the sort is stable, so the client's order decides among equals
            types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
            for (MediaType type : types) {
                if (type.getQualityValue() == 0) {
                    continue;
                }
                if (type.isWildcardType() || type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)
                        || type.equalsTypeAndSubtype(LD_JSON)) {
                    return JSON;
                }
                if (type.equalsTypeAndSubtype(VC_JWT_TYPE)) {
                    return VC_JWT;
                }
                if (type.isCompatibleWith(MediaType.TEXT_HTML)) {
                    return HTML;
                }
                if (type.equalsTypeAndSubtype(ANY_APPLICATION)) {
                    return JSON;
                }
            }
            return null;
        }
    }
}
