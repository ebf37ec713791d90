package io.learnstack.command.statements;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.learnstack.command.security.Client;
import io.learnstack.command.xapi.InvalidStatementException;
import io.learnstack.command.xapi.XapiVersion;

/** The write half of the xAPI statement resource. */
@RestController
@RequestMapping("/xapi/statements")
class StatementController {

    static final String VERSION_HEADER = "X-Experience-API-Version";

    private final StatementIntake intake;
    private final ObjectMapper json;

    StatementController(StatementIntake intake, ObjectMapper json) {
        this.intake = intake;
        this.json = json;
    }

    /** Stores one statement or an array of them and answers with their ids. */
    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<String> post(@RequestBody(required = false) byte[] body,
            @RequestHeader(value = VERSION_HEADER, required = false) String versionHeader,
            @RequestHeader(value = "Content-Type", required = false) String contentType,
            @RequestAttribute(Client.ATTRIBUTE) Client client) {
        XapiVersion version = XapiVersion.fromHeader(versionHeader);
        JsonNode document = parse(body, contentType);
        List<JsonNode> statements = new ArrayList<>();
        if (document.isArray()) {
            if (document.isEmpty()) {
                throw new InvalidStatementException("the request holds an empty array of statements");
            }
            document.forEach(statements::add);
        } else {
            statements.add(document);
        }
        return intake.record(client, statements, version);
    }

    /** Stores one statement under the id given in the query. */
    @PutMapping
    ResponseEntity<Void> put(@RequestParam(value = "statementId", required = false) String statementId,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(value = VERSION_HEADER, required = false) String versionHeader,
            @RequestHeader(value = "Content-Type", required = false) String contentType,
            @RequestAttribute(Client.ATTRIBUTE) Client client) {
        XapiVersion version = XapiVersion.fromHeader(versionHeader);
        if (statementId == null || statementId.isBlank()) {
            throw new InvalidStatementException("PUT requires the statementId parameter");
        }
        JsonNode statement = parse(body, contentType);
        if (!statement.isObject()) {
            throw new InvalidStatementException("PUT takes exactly one statement object");
        }
        JsonNode id = statement.get("id");
        if (id == null) {
            ((ObjectNode) statement).put("id", statementId);
        } else if (!id.isTextual() || !id.asText().equalsIgnoreCase(statementId)) {
            throw new InvalidStatementException("statement id " + id + " does not match statementId " + statementId);
        }
        intake.record(client, List.of(statement), version);
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    private JsonNode parse(byte[] body, String contentType) {
        if (contentType == null || !MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_JSON)) {
            throw new InvalidStatementException("statements must be sent as application/json, not " + contentType);
        }
        if (body == null || body.length == 0) {
            throw new InvalidStatementException("the request has no body");
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException malformed) {
            throw new InvalidStatementException("the body is not valid JSON: " + malformed.getOriginalMessage());
        } catch (IOException unreadable) {
            throw new InvalidStatementException("the body could not be read");
        }
    }
}
