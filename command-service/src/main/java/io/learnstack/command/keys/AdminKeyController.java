package io.learnstack.command.keys;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.command.keys.KeyRefusedException.Reason;

/**
 * Tenants' keys, for admin keys only (the filter sees to that): issue one, rotate its secret, revoke it,
 * list a tenant's. A secret is in exactly one answer: the one that drew it.
 */
@RestController
@RequestMapping(path = "/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class AdminKeyController {

    private final KeyDesk desk;
    private final ObjectMapper json;

    AdminKeyController(KeyDesk desk, ObjectMapper json) {
        this.desk = desk;
        this.json = json;
    }

    /** Body (optional): {@code {"key": "<name>", "roles": ["xapi", ...]}}; a name is drawn when none is given. */
    @PostMapping("/tenants/{tenant}/keys")
    ResponseEntity<Map<String, Object>> issue(@PathVariable String tenant, @RequestBody(required = false) byte[] body)
            throws InterruptedException {
        JsonNode request = parse(body);
        String key = text(request, "key");
        List<String> roles = null;
        JsonNode rolesNode = request.get("roles");
        if (rolesNode != null && !rolesNode.isNull()) {
            if (!rolesNode.isArray()) {
                throw invalid("roles must be an array of role names");
            }
            roles = new ArrayList<>();
            for (JsonNode role : rolesNode) {
                if (!role.isTextual()) {
                    throw invalid("roles must be an array of role names");
                }
                roles.add(role.asText());
            }
        }
        KeyDesk.Issued issued = desk.issue(tenant, key, roles);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("key", issued.key());
        answer.put("tenant", issued.tenant());
        answer.put("secret", issued.secret());
        answer.put("roles", issued.roles());
        return ResponseEntity.created(URI.create("/admin/keys/" + issued.key())).body(answer);
    }

    @PostMapping("/keys/{key}/rotation")
    ResponseEntity<Map<String, Object>> rotate(@PathVariable String key) throws InterruptedException {
        KeyDesk.Issued rotated = desk.rotate(key);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("key", rotated.key());
        answer.put("tenant", rotated.tenant());
        answer.put("secret", rotated.secret());
        return ResponseEntity.ok(answer);
    }

    @DeleteMapping("/keys/{key}")
    ResponseEntity<Void> revoke(@PathVariable String key) throws InterruptedException {
        desk.revoke(key);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/tenants/{tenant}/keys")
    Map<String, Object> list(@PathVariable String tenant) {
        List<Document> rows = desk.list(tenant);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("rows", rows);
        answer.put("more", null);
        return answer;
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return json.createObjectNode();
        }
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (java.io.IOException unreadable) {
            throw invalid("the body must be a JSON object");
        }
        if (request == null || !request.isObject()) {
            throw invalid("the body must be a JSON object");
        }
        return request;
    }

    private static String text(JsonNode request, String field) {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid(field + " must be a string");
        }
        return node.asText();
    }

    private static KeyRefusedException invalid(String message) {
        return new KeyRefusedException(Reason.INVALID, message);
    }
}
