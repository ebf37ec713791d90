package io.learnstack.query.statements;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.bson.Document;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.micrometer.core.instrument.MeterRegistry;
import io.learnstack.query.consistency.Consistency;
import io.learnstack.query.consistency.ReadBarrier;
import io.learnstack.security.Client;

/** The read half of the xAPI statement resource. */
@RestController
@RequestMapping("/xapi/statements")
class StatementQueryController {

    static final String CONSISTENT_THROUGH = "X-Experience-API-Consistent-Through";

    private static final Set<String> SINGLE_PARAMETERS = Set.of("statementId", "voidedStatementId", "format",
            "attachments");

    private final ReadBarrier barrier;
    private final StatementReader reader;
    private final StatementQueryParser parser;
    private final MoreCursor cursor;
    private final StatementFormat formats;
    private final MultipartStatements multipart;
    private final MeterRegistry meters;

    StatementQueryController(ReadBarrier barrier, StatementReader reader, StatementQueryParser parser,
            MoreCursor cursor, StatementFormat formats, MultipartStatements multipart, MeterRegistry meters) {
        this.barrier = barrier;
        this.reader = reader;
        this.parser = parser;
        this.cursor = cursor;
        this.formats = formats;
        this.multipart = multipart;
        this.meters = meters;
    }

    @GetMapping
    ResponseEntity<?> get(@RequestParam Map<String, String> parameters,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            @RequestAttribute(Client.ATTRIBUTE) Client client) {
        if (parameters.containsKey("statementId") || parameters.containsKey("voidedStatementId")) {
            return single(parameters, acceptLanguage, client);
        }
        Map<String, String> listParameters = parameters;
        String after = null;
        if (parameters.containsKey("more")) {
            if (parameters.size() > 1) {
                throw new InvalidQueryException("more cannot be combined with other parameters");
            }
            Map<String, String> decoded = cursor.decode(client.tenant(), parameters.get("more"));
            listParameters = MoreCursor.parametersOf(decoded);
            after = MoreCursor.afterOf(decoded);
        }
        StatementQuery query = parser.parse(listParameters);
        Consistency consistency = barrier.await();
        StatementReader.Page page = reader.list(client.tenant(), query, after);
        meters.counter("learnstack.statements.queried").increment();

        UnaryOperator<String> format = formats.of(query.format(), acceptLanguage);
        StringBuilder body = new StringBuilder(256 + page.statements().size() * 1024).append("{\"statements\":[");
        for (int i = 0; i < page.statements().size(); i++) {
            body.append(i == 0 ? "" : ",").append(format.apply(page.statements().get(i).getString("json")));
        }
        body.append("],\"more\":\"");
        if (page.lastEntry() != null) {
            body.append("/xapi/statements?more=").append(cursor.encode(client.tenant(), listParameters, page.lastEntry()));
        }
        body.append("\"}");
        if (query.attachments()) {
            return multipart.answer(client.tenant(), body.toString(),
                    page.statements().stream().map(statement -> statement.getString("json")).toList(),
                    headers(consistency, query.format()));
        }
        return ResponseEntity.ok().headers(headers(consistency, query.format()))
                .contentType(MediaType.APPLICATION_JSON).body(body.toString());
    }

    private ResponseEntity<?> single(Map<String, String> parameters, String acceptLanguage, Client client) {
        for (String name : parameters.keySet()) {
            if (!SINGLE_PARAMETERS.contains(name)) {
                throw new InvalidQueryException("'" + name + "' cannot be combined with statementId or voidedStatementId");
            }
        }
        if (parameters.containsKey("statementId") && parameters.containsKey("voidedStatementId")) {
            throw new InvalidQueryException("give statementId or voidedStatementId, not both");
        }
        Map<String, String> checked = new HashMap<>(parameters);
        checked.remove("statementId");
        checked.remove("voidedStatementId");
        StatementQuery query = parser.parse(checked);
        String format = query.format();
        Consistency consistency = barrier.await();
        HttpHeaders headers = headers(consistency, format);
        boolean voided = parameters.containsKey("voidedStatementId");
        Optional<Document> found = voided
                ? reader.findVoided(client.tenant(), parameters.get("voidedStatementId"))
                : reader.find(client.tenant(), parameters.get("statementId"));
        return found
                .<ResponseEntity<?>>map(statement -> {
                    headers.setLastModified(statement.getDate("stored").toInstant());
                    String answer = formats.of(format, acceptLanguage).apply(statement.getString("json"));
                    if (query.attachments()) {
                        return multipart.answer(client.tenant(), answer, List.of(statement.getString("json")), headers);
                    }
                    return ResponseEntity.ok().headers(headers).contentType(MediaType.APPLICATION_JSON).body(answer);
                })
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).headers(headers)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("{\"error\":\"Not Found\",\"message\":\"no " + (voided ? "voided " : "")
                                + "statement with that id\"}"));
    }

    private static HttpHeaders headers(Consistency consistency, String format) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(CONSISTENT_THROUGH, DateTimeFormatter.ISO_INSTANT.format(
                consistency.consistentThrough().atOffset(ZoneOffset.UTC)));
        if (StatementFormat.CANONICAL.equals(format)) {
            // The language maps of a canonical answer depend on the request's languages: caches must know.
            headers.setVary(List.of(HttpHeaders.ACCEPT_LANGUAGE));
        }
        return headers;
    }
}
