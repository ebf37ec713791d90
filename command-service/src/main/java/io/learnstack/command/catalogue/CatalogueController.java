package io.learnstack.command.catalogue;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.learnstack.security.Client;

/**
 * The write half of a tenant's credential catalogue: POST defines a credential, PUT revises it, DELETE
 * retires it. The tenant is the authenticated key's; the read half is the query service's.
 */
@RestController
@RequestMapping(path = "/api/credentials", produces = MediaType.APPLICATION_JSON_VALUE)
class CatalogueController {

    private final CatalogueIntake intake;

    CatalogueController(CatalogueIntake intake) {
        this.intake = intake;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> define(@RequestBody(required = false) byte[] body,
            @RequestAttribute(Client.ATTRIBUTE) Client client) {
        CredentialDraft draft = CredentialJson.draft(body, null);
        int revision = intake.define(new DefineCredential(client.tenant(), draft, now()));
        return ResponseEntity.created(URI.create("/api/credentials/" + draft.credentialId()))
                .body(answer(draft.credentialId(), revision));
    }

    @PutMapping("/{id}")
    ResponseEntity<Map<String, Object>> revise(@PathVariable String id, @RequestBody(required = false) byte[] body,
            @RequestAttribute(Client.ATTRIBUTE) Client client) {
        CredentialDraft draft = CredentialJson.draft(body, id);
        int revision = intake.revise(new ReviseCredential(client.tenant(), draft, now()));
        return ResponseEntity.ok(answer(id, revision));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> retire(@PathVariable String id, @RequestAttribute(Client.ATTRIBUTE) Client client) {
        intake.retire(new RetireCredential(client.tenant(), id, now()));
        return ResponseEntity.noContent().build();
    }

    private static Map<String, Object> answer(String id, int revision) {
        return Map.of("id", id, "revision", revision);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
