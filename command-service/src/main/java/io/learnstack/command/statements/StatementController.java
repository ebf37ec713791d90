package io.learnstack.command.statements;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.learnstack.security.Client;
import io.learnstack.command.web.RequestTooLargeException;
import io.learnstack.command.xapi.InvalidStatementException;
import io.learnstack.command.xapi.XapiVersion;

/** The write half of the xAPI statement resource. */
@RestController
@RequestMapping("/xapi/statements")
class StatementController {

    static final String VERSION_HEADER = "X-Experience-API-Version";

    private final StatementIntake intake;
    private final StatementBodies bodies;
    private final int maxBatch;

    StatementController(StatementIntake intake, StatementBodies bodies,
            @Value("${learnstack.statements.max-batch:1000}") int maxBatch) {
        this.intake = intake;
        this.bodies = bodies;
        this.maxBatch = maxBatch;
    }

    /** Stores one statement or an array of them, with their attachments, and answers with their ids. */
    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<String> post(HttpServletRequest request,
            @RequestHeader(value = VERSION_HEADER, required = false) String versionHeader,
            @RequestAttribute(Client.ATTRIBUTE) Client client) {
        XapiVersion version = XapiVersion.fromHeader(versionHeader);
        StatementBody body = bodies.read(request);
        JsonNode document = body.document();
        List<JsonNode> statements = new ArrayList<>();
        if (document.isArray()) {
            if (document.isEmpty()) {
                throw new InvalidStatementException("the request holds an empty array of statements");
            }
            // A batch is validated, held and appended whole: its size bounds the memory and the transaction.
            if (document.size() > maxBatch) {
                throw new RequestTooLargeException("the request holds " + document.size() + " statements; this LRS "
                        + "takes at most " + maxBatch + " in one request (learnstack.statements.max-batch): send "
                        + "them in smaller batches");
            }
            document.forEach(statements::add);
        } else {
            statements.add(document);
        }
        return intake.record(client, statements, body.attachments(), version);
    }

    /** Stores one statement, with its attachments, under the id given in the query. */
    @PutMapping
    ResponseEntity<Void> put(@RequestParam(value = "statementId", required = false) String statementId,
            HttpServletRequest request,
            @RequestHeader(value = VERSION_HEADER, required = false) String versionHeader,
            @RequestAttribute(Client.ATTRIBUTE) Client client) {
        XapiVersion version = XapiVersion.fromHeader(versionHeader);
        if (statementId == null || statementId.isBlank()) {
            throw new InvalidStatementException("PUT requires the statementId parameter");
        }
        StatementBody body = bodies.read(request);
        JsonNode statement = body.document();
        if (!statement.isObject()) {
            throw new InvalidStatementException("PUT takes exactly one statement object");
        }
        JsonNode id = statement.get("id");
        if (id == null) {
            ((ObjectNode) statement).put("id", statementId);
        } else if (!id.isTextual() || !id.asText().equalsIgnoreCase(statementId)) {
            throw new InvalidStatementException("statement id " + id + " does not match statementId " + statementId);
        }
        intake.record(client, List.of(statement), body.attachments(), version);
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }
}
