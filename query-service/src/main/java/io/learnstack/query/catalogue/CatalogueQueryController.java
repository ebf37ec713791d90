package io.learnstack.query.catalogue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.learnstack.query.consistency.ReadBarrier;
import io.learnstack.security.Client;

/**
 * The read half of a tenant's credential catalogue. Each read first waits for the projections to catch
 * up with the bus, so a definition answered by the command service is here.
 */
@RestController
@RequestMapping(path = "/api/credentials", produces = MediaType.APPLICATION_JSON_VALUE)
class CatalogueQueryController {

    private final ReadBarrier barrier;
    private final CatalogueReader reader;

    CatalogueQueryController(ReadBarrier barrier, CatalogueReader reader) {
        this.barrier = barrier;
        this.reader = reader;
    }

    /** The whole catalogue in one page: a tenant's credentials number in the tens or hundreds. */
    @GetMapping
    Map<String, Object> list(@RequestAttribute(Client.ATTRIBUTE) Client client) {
        barrier.await();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("rows", reader.list(client.tenant()));
        answer.put("more", null);
        return answer;
    }

    @GetMapping("/{id}")
    ResponseEntity<Map<String, Object>> one(@PathVariable String id, @RequestAttribute(Client.ATTRIBUTE) Client client) {
        barrier.await();
        return reader.find(client.tenant(), id).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "unknown-credential",
                        "message", "no credential '" + id + "' in the catalogue")));
    }
}
