package io.learnstack.query.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.learnstack.query.attachments.AttachmentContent;
import io.learnstack.query.attachments.AttachmentContents;
import io.learnstack.query.consistency.Consistency;
import io.learnstack.query.consistency.ReadBarrier;
import io.learnstack.security.Client;

/** {@code attachments=true} answers in multipart/mixed, with a part for each stored attachment content. */
class StatementQueryControllerAttachmentsTest {

    private static final String ID = "6690e6c9-3ef0-4ed3-8b37-7f3964730bee";
    private static final String TEXT_SHA2 = "495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a";
    private static final String LINKED_SHA2 = "7bc3b1f4e0f7a0c5a1b1d0f8b7e2f3c4d5e6f708192a3b4c5d6e7f8091a2b3c4";
    private static final String STORED = """
            {"id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee", "actor": {"mbox": "mailto:ada@example.org"},
             "verb": {"id": "http://adlnet.gov/expapi/verbs/passed"}, "object": {"id": "https://rto.example/u"},
             "attachments": [
               {"usageType": "http://example.com/usage", "display": {"en-US": "text"}, "contentType": "text/plain",
                "length": 27, "sha2": "%s"},
               {"usageType": "http://example.com/usage", "display": {"en-US": "link"}, "contentType": "text/plain",
                "length": 27, "sha2": "%s", "fileUrl": "https://rto.example/file.txt"}]}"""
            .formatted(TEXT_SHA2, LINKED_SHA2);
    private static final byte[] TEXT = "here is a simple attachment".getBytes(StandardCharsets.UTF_8);

    private final ReadBarrier barrier = mock(ReadBarrier.class);
    private final StatementReader reader = mock(StatementReader.class);
    private final AttachmentContents contents = mock(AttachmentContents.class);
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        ObjectMapper json = new ObjectMapper();
        StatementQueryController controller = new StatementQueryController(barrier, reader,
                new StatementQueryParser(json), new MoreCursor(json), new StatementFormat(),
                new MultipartStatements(contents, json), new SimpleMeterRegistry());
        mvc = MockMvcBuilders.standaloneSetup(controller).build();
        when(barrier.await()).thenReturn(new Consistency(true, Instant.parse("2026-11-24T09:00:00Z")));
        Document statement = new Document("json", STORED).append("stored", Date.from(Instant.parse("2026-11-24T08:00:00Z")));
        when(reader.find("demo", ID)).thenReturn(Optional.of(statement));
        when(reader.list(eq("demo"), any(), any())).thenReturn(new StatementReader.Page(List.of(statement, statement), null));
        // Only the first attachment was sent with content; the second went by fileUrl.
        when(contents.find(eq("demo"), any())).thenReturn(List.of(new AttachmentContent(TEXT_SHA2, "text/plain", TEXT)));
    }

    @Test
    void aSingleStatementComesFirstThenItsStoredAttachment() throws Exception {
        // when
        MockHttpServletResponse response = mvc.perform(get("/xapi/statements").param("statementId", ID)
                .param("attachments", "true").requestAttr(Client.ATTRIBUTE, client()))
                .andExpect(status().isOk()).andReturn().getResponse();

        // then
        List<String> parts = parts(response);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).isEqualTo("Content-Type: application/json\r\n\r\n" + STORED);
        assertThat(parts.get(1)).isEqualTo("Content-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n"
                + "X-Experience-API-Hash: " + TEXT_SHA2 + "\r\n\r\nhere is a simple attachment");
        assertThat(response.getHeader(StatementQueryController.CONSISTENT_THROUGH)).isEqualTo("2026-11-24T09:00:00Z");
        assertThat(response.getHeader(HttpHeaders.LAST_MODIFIED)).isNotNull();
    }

    @Test
    void aListNamesEachContentOnceHoweverManyStatementsReferToIt() throws Exception {
        // when
        MockHttpServletResponse response = mvc.perform(get("/xapi/statements").param("attachments", "true")
                .requestAttr(Client.ATTRIBUTE, client()))
                .andExpect(status().isOk()).andReturn().getResponse();

        // then
        List<String> parts = parts(response);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).startsWith("Content-Type: application/json\r\n\r\n{\"statements\":[");
        assertThat(parts.get(1)).contains("X-Experience-API-Hash: " + TEXT_SHA2);
        assertThat(response.getHeader(StatementQueryController.CONSISTENT_THROUGH)).isNotNull();
    }

    @Test
    void withoutAttachmentsTheAnswerIsJsonAndNoContentIsRead() throws Exception {
        // when
        MockHttpServletResponse response = mvc.perform(get("/xapi/statements").param("statementId", ID)
                .param("attachments", "false").requestAttr(Client.ATTRIBUTE, client()))
                .andExpect(status().isOk()).andReturn().getResponse();

        // then
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString()).isEqualTo(STORED);
        verifyNoInteractions(contents);
    }

    /** The parts of a multipart/mixed answer, each its headers and content as text, checked for form. */
    private static List<String> parts(MockHttpServletResponse response) {
        String contentType = response.getHeader(HttpHeaders.CONTENT_TYPE);
        assertThat(contentType).startsWith("multipart/mixed; boundary=");
        String boundary = contentType.substring("multipart/mixed; boundary=".length());
        String body = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(body).startsWith("--" + boundary + "\r\n").endsWith("\r\n--" + boundary + "--\r\n");
        String inner = body.substring(("--" + boundary + "\r\n").length(),
                body.length() - ("\r\n--" + boundary + "--\r\n").length());
        return new ArrayList<>(List.of(inner.split("\r\n--" + boundary + "\r\n", -1)));
    }

    private static Client client() {
        return new Client("demo", "demo");
    }
}
