package io.learnstack.query.statements;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.learnstack.query.attachments.AttachmentContents;
import io.learnstack.query.consistency.Consistency;
import io.learnstack.query.consistency.ReadBarrier;
import io.learnstack.security.Client;

/** The {@code format} parameter and {@code Accept-Language} reach the answers of both query forms. */
class StatementQueryControllerFormatTest {

    private static final String ID = "6690e6c9-3ef0-4ed3-8b37-7f3964730bee";
    // Spaced as a client might send it: an exact answer must give these very characters back.
    private static final String STORED = """
            {"id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee", "actor": {"name": "Ada", "mbox": "mailto:ada@example.org"},
             "verb": {"id": "http://adlnet.gov/expapi/verbs/passed", "display": {"en-AU": "passed", "fr": "réussi"}},
             "object": {"id": "https://rto.example/u", "definition": {"name": {"en-AU": "Unit", "fr": "Unité"}}}}""";

    private final ReadBarrier barrier = mock(ReadBarrier.class);
    private final StatementReader reader = mock(StatementReader.class);
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        ObjectMapper json = new ObjectMapper();
        StatementQueryController controller = new StatementQueryController(barrier, reader,
                new StatementQueryParser(json), new MoreCursor(json), new StatementFormat(),
                new MultipartStatements(mock(AttachmentContents.class), json), new SimpleMeterRegistry());
        mvc = MockMvcBuilders.standaloneSetup(controller).build();
        when(barrier.await()).thenReturn(new Consistency(true, Instant.parse("2026-11-24T09:00:00Z")));
        Document statement = new Document("json", STORED).append("stored", Date.from(Instant.parse("2026-11-24T08:00:00Z")));
        when(reader.find("demo", ID)).thenReturn(Optional.of(statement));
        when(reader.list(eq("demo"), any(), any())).thenReturn(new StatementReader.Page(List.of(statement, statement), null));
    }

    @Nested
    class SingleStatement {

        @Test
        void withoutFormatTheStoredTextIsTheAnswer() throws Exception {
            // given / when / then
            mvc.perform(get("/xapi/statements").param("statementId", ID).requestAttr(Client.ATTRIBUTE, client()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(STORED))
                    .andExpect(header().doesNotExist(HttpHeaders.VARY));
        }

        @Test
        void idsReducesTheStatement() throws Exception {
            // given / when / then
            mvc.perform(get("/xapi/statements").param("statementId", ID).param("format", "ids")
                    .requestAttr(Client.ATTRIBUTE, client()))
                    .andExpect(status().isOk())
                    .andExpect(content().json("""
                            {"id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee", "actor": {"mbox": "mailto:ada@example.org"},
                             "verb": {"id": "http://adlnet.gov/expapi/verbs/passed"},
                             "object": {"id": "https://rto.example/u"}}""", true));
        }

        @Test
        void canonicalFiltersByTheAcceptLanguageHeader() throws Exception {
            // given / when / then
            mvc.perform(get("/xapi/statements").param("statementId", ID).param("format", "canonical")
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "fr-CA;q=0.4, fr;q=0.8")
                    .requestAttr(Client.ATTRIBUTE, client()))
                    .andExpect(status().isOk())
                    .andExpect(header().string(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE))
                    .andExpect(content().json("""
                            {"actor": {"name": "Ada", "mbox": "mailto:ada@example.org"},
                             "verb": {"display": {"fr": "réussi"}},
                             "object": {"definition": {"name": {"fr": "Unité"}}}}"""))
                    .andExpect(content().string(not(containsString("en-AU"))));
        }
    }

    @Nested
    class ListOfStatements {

        @Test
        void exactJoinsTheStoredTexts() throws Exception {
            // given / when / then
            mvc.perform(get("/xapi/statements").requestAttr(Client.ATTRIBUTE, client()))
                    .andExpect(status().isOk())
                    .andExpect(content().string("{\"statements\":[" + STORED + "," + STORED + "],\"more\":\"\"}"));
        }

        @Test
        void canonicalFiltersEveryStatementOfThePage() throws Exception {
            // given / when / then
            mvc.perform(get("/xapi/statements").param("format", "canonical")
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                    .requestAttr(Client.ATTRIBUTE, client()))
                    .andExpect(status().isOk())
                    .andExpect(header().string(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE))
                    .andExpect(content().json("""
                            {"statements": [
                              {"verb": {"display": {"en-AU": "passed"}}, "object": {"definition": {"name": {"en-AU": "Unit"}}}},
                              {"verb": {"display": {"en-AU": "passed"}}, "object": {"definition": {"name": {"en-AU": "Unit"}}}}],
                             "more": ""}"""))
                    .andExpect(content().string(not(containsString("réussi"))));
        }

        @Test
        void idsReducesEveryStatementOfThePage() throws Exception {
            // given / when / then
            mvc.perform(get("/xapi/statements").param("format", "ids").requestAttr(Client.ATTRIBUTE, client()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("display"))))
                    .andExpect(content().json("""
                            {"statements": [
                              {"actor": {"mbox": "mailto:ada@example.org"}, "object": {"id": "https://rto.example/u"}},
                              {"actor": {"mbox": "mailto:ada@example.org"}, "object": {"id": "https://rto.example/u"}}]}"""));
        }
    }

    private static Client client() {
        return new Client("demo", "demo");
    }
}
