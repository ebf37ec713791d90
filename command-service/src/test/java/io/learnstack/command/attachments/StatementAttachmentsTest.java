package io.learnstack.command.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.command.xapi.InvalidStatementException;

class StatementAttachmentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] TEXT = "here is a simple attachment".getBytes(StandardCharsets.US_ASCII);
    private static final String TEXT_SHA2 = sha256(TEXT);
    private static final String OTHER_SHA2 = sha256("other".getBytes(StandardCharsets.US_ASCII));

    private final StatementAttachments attachments = new StatementAttachments();

    @Nested
    class Accepted {

        @Test
        void aDeclaredAttachmentWithItsPart() {
            List<ReceivedAttachment> received = attachments.check(List.of(statement(attachment(TEXT_SHA2, false))),
                    List.of(part(TEXT_SHA2.toUpperCase(), TEXT)));

            assertThat(received).singleElement().satisfies(content -> {
                assertThat(content.sha2()).isEqualTo(TEXT_SHA2);
                assertThat(content.contentType()).isEqualTo("text/plain");
                assertThat(content.content()).isEqualTo(TEXT);
            });
        }

        @Test
        void fileUrlAttachmentsWithoutParts() {
            assertThat(attachments.check(List.of(statement(attachment(OTHER_SHA2, true))), List.of())).isEmpty();
        }

        @Test
        void aFileUrlAttachmentWhoseContentIsSentAnyway() {
            assertThat(attachments.check(List.of(statement(attachment(TEXT_SHA2, true))), List.of(part(TEXT_SHA2, TEXT))))
                    .hasSize(1);
        }

        @Test
        void oneContentForTwoStatementsThatShareIt() {
            List<JsonNode> statements = List.of(statement(attachment(TEXT_SHA2, false)),
                    statement(attachment(TEXT_SHA2, false)));

            assertThat(attachments.check(statements, List.of(part(TEXT_SHA2, TEXT), part(TEXT_SHA2, TEXT)))).hasSize(1);
        }
    }

    @Nested
    class Refused {

        @Test
        void aDeclaredAttachmentWithoutFileUrlOrPart() {
            assertThatThrownBy(() -> attachments.check(List.of(statement(attachment(TEXT_SHA2, false))), List.of()))
                    .isInstanceOf(InvalidStatementException.class)
                    .hasMessageStartingWith("statement.attachments[0]").hasMessageContaining(TEXT_SHA2);
        }

        @Test
        void aPartNoStatementDeclares() {
            byte[] other = "other".getBytes(StandardCharsets.US_ASCII);

            assertThatThrownBy(() -> attachments.check(List.of(statement(attachment(TEXT_SHA2, false))),
                    List.of(part(TEXT_SHA2, TEXT), part(OTHER_SHA2, other))))
                    .isInstanceOf(InvalidStatementException.class)
                    .hasMessageContaining(OTHER_SHA2).hasMessageContaining("not an attachment of any statement");
        }

        @Test
        void aPartWhoseContentDoesNotHashToItsHeader() {
            assertThatThrownBy(() -> attachments.check(List.of(statement(attachment(OTHER_SHA2, false))),
                    List.of(part(OTHER_SHA2, TEXT))))
                    .isInstanceOf(InvalidStatementException.class).hasMessageContaining("does not have the SHA-256 hash");
        }

        @Test
        void aPartWithoutHashOrBinaryEncoding() {
            Part noHash = new Part(Map.of("content-type", "text/plain", "content-transfer-encoding", "binary"), TEXT);
            Part base64 = new Part(Map.of("content-type", "text/plain", "content-transfer-encoding", "base64",
                    "x-experience-api-hash", TEXT_SHA2), TEXT);
            List<JsonNode> statements = List.of(statement(attachment(TEXT_SHA2, false)));

            assertThatThrownBy(() -> attachments.check(statements, List.of(noHash)))
                    .isInstanceOf(InvalidStatementException.class).hasMessageContaining("X-Experience-API-Hash");
            assertThatThrownBy(() -> attachments.check(statements, List.of(base64)))
                    .isInstanceOf(InvalidStatementException.class).hasMessageContaining("not base64");
        }

        @Test
        void aSignatureAttachmentOfAnotherContentType() {
            String signature = """
                    {"usageType": "http://adlnet.gov/expapi/attachments/signature", "display": {"en-US": "sig"},
                     "contentType": "text/plain; charset=ascii", "length": 27, "sha2": "%s"}""".formatted(TEXT_SHA2);

            assertThatThrownBy(() -> attachments.check(List.of(statement(signature)), List.of(part(TEXT_SHA2, TEXT))))
                    .isInstanceOf(InvalidStatementException.class)
                    .hasMessageStartingWith("statement.attachments[0].contentType");
        }

        @Test
        void aSignatureThatIsNotAJws() {
            String signature = """
                    {"usageType": "http://adlnet.gov/expapi/attachments/signature", "display": {"en-US": "sig"},
                     "contentType": "application/octet-stream", "length": 27, "sha2": "%s"}""".formatted(TEXT_SHA2);

            assertThatThrownBy(() -> attachments.check(List.of(statement(signature)), List.of(part(TEXT_SHA2, TEXT))))
                    .isInstanceOf(InvalidStatementException.class).hasMessageContaining("JSON Web Signature");
        }
    }

    private static JsonNode statement(String attachment) {
        try {
            return JSON.readTree("""
                    {"actor": {"mbox": "mailto:ada@example.org"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/passed"},
                     "object": {"id": "https://rto.example/units/HLTAID011"}, "attachments": [%s]}""".formatted(attachment));
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String attachment(String sha2, boolean withFileUrl) {
        return """
                {"usageType": "http://example.com/usage", "display": {"en-US": "text"}, "contentType": "text/plain",
                 "length": 27, "sha2": "%s"%s}""".formatted(sha2,
                withFileUrl ? ", \"fileUrl\": \"https://rto.example/file.txt\"" : "");
    }

    private static Part part(String hash, byte[] content) {
        return new Part(Map.of("content-type", "text/plain", "content-transfer-encoding", "binary",
                "x-experience-api-hash", hash), content);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
