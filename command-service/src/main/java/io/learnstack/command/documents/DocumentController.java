package io.learnstack.command.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import io.learnstack.command.documents.DocumentParameters.Target;
import io.learnstack.command.documents.DocumentRefusedException.Reason;
import io.learnstack.command.documents.Preconditions.Unconditional;
import io.learnstack.security.Client;
import io.learnstack.command.xapi.InvalidStatementException;
import io.learnstack.command.xapi.XapiVersion;
import io.learnstack.events.DocumentKind;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The write half of the three xAPI document resources: PUT stores a document, POST merges into it,
 * DELETE removes it (or, for states, every state of the scope). Documents are kept byte for byte with
 * the Content-Type they were sent with; each success is a 204 that carries the document's ETag.
 */
@RestController
class DocumentController {

    static final String VERSION_HEADER = "X-Experience-API-Version";

    private final DocumentIntake intake;
    private final long maxSize;

    DocumentController(DocumentIntake intake, DocumentProperties properties) {
        this.intake = intake;
        this.maxSize = properties.maxSize().toBytes();
    }

    @RequestMapping(path = "/xapi/activities/state",
            method = {RequestMethod.PUT, RequestMethod.POST, RequestMethod.DELETE})
    ResponseEntity<Void> state(HttpServletRequest request, @RequestAttribute(Client.ATTRIBUTE) Client client)
            throws IOException {
        return write(DocumentKind.STATE, request, client);
    }

    @RequestMapping(path = "/xapi/activities/profile",
            method = {RequestMethod.PUT, RequestMethod.POST, RequestMethod.DELETE})
    ResponseEntity<Void> activityProfile(HttpServletRequest request,
            @RequestAttribute(Client.ATTRIBUTE) Client client) throws IOException {
        return write(DocumentKind.ACTIVITY_PROFILE, request, client);
    }

    @RequestMapping(path = "/xapi/agents/profile",
            method = {RequestMethod.PUT, RequestMethod.POST, RequestMethod.DELETE})
    ResponseEntity<Void> agentProfile(HttpServletRequest request, @RequestAttribute(Client.ATTRIBUTE) Client client)
            throws IOException {
        return write(DocumentKind.AGENT_PROFILE, request, client);
    }

    private ResponseEntity<Void> write(DocumentKind kind, HttpServletRequest request, Client client)
            throws IOException {
        String method = request.getMethod();
        // The body is read before anything asks the servlet for parameters, which would parse a
        // form-encoded document into them.
        byte[] body = method.equals("DELETE") ? null : body(request);
        XapiVersion version = XapiVersion.fromHeader(request.getHeader(VERSION_HEADER));
        Target target = DocumentParameters.parse(kind, method, request.getQueryString(), client.tenant(), version);
        Preconditions preconditions = preconditions(request, kind, method, version);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String contentType = contentType(request);
        DocumentCommand command;
        if (method.equals("PUT")) {
            command = new StoreDocument(target.scope(), target.documentId(), contentType, body, preconditions, now);
        } else if (method.equals("POST")) {
            if (DocumentContent.isJson(contentType)) {
                // refused whether or not there is a document to merge into, before anything is decided
                DocumentContent.object(body, "the posted document (Content-Type " + contentType + ")");
            }
            command = new MergeDocument(target.scope(), target.documentId(), contentType, body, preconditions, now);
        } else if (target.documentId() != null) {
            command = new DeleteDocument(target.scope(), target.documentId(), preconditions, now);
        } else {
            if (preconditions.ifMatch() != null || preconditions.ifNoneMatch() != null) {
                throw new InvalidStatementException("If-Match and If-None-Match apply to one document; "
                        + "name it with stateId, or send neither to delete every state of the scope");
            }
            command = new DeleteDocuments(target.scope(), now);
        }
        String etag = intake.write(command);
        ResponseEntity.HeadersBuilder<?> answer = ResponseEntity.noContent();
        if (etag != null) {
            answer.eTag(etag);
        }
        return answer.build();
    }

    private static Preconditions preconditions(HttpServletRequest request, DocumentKind kind, String method,
            XapiVersion version) {
        Unconditional unconditional = Unconditional.ALLOWED;
        if (method.equals("PUT")) {
            // xAPI 1.0.3 exempts the State Resource from concurrency control; 2.0 does not
            if (version == XapiVersion.V2_0_0) {
                unconditional = Unconditional.CONFLICTS_WITH_EXISTING;
            } else if (kind != DocumentKind.STATE) {
                unconditional = Unconditional.REFUSED;
            }
        }
        return new Preconditions(Etags.parse(header(request, HttpHeaders.IF_MATCH)),
                Etags.parse(header(request, HttpHeaders.IF_NONE_MATCH)), unconditional);
    }

    /** A header's values joined by commas, as RFC 9110 allows a list header to be split. */
    private static String header(HttpServletRequest request, String name) {
        var values = Collections.list(request.getHeaders(name));
        return values.isEmpty() ? null : String.join(",", values);
    }

    private static String contentType(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType == null || contentType.isBlank() ? DocumentContent.DEFAULT_TYPE : contentType.trim();
    }

    private byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxSize) {
            throw tooLarge();
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                body.write(buffer, 0, read);
                if (body.size() > maxSize) {
                    throw tooLarge();
                }
            }
        }
        return body.toByteArray();
    }

    private DocumentRefusedException tooLarge() {
        return new DocumentRefusedException(Reason.TOO_LARGE, "documents larger than " + maxSize
                + " bytes are not accepted");
    }
}
