package io.learnstack.command.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.security.Client;
import io.learnstack.security.Role;
import io.learnstack.command.web.RequestTooLargeException;
import io.learnstack.command.xapi.XapiVersion;

class StatementBatchLimitTest {

    private static final String STATEMENT = """
            {"actor":{"mbox":"mailto:ada@example.org"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},
             "object":{"id":"http://example.org/courses/maths"}}""";

    private final StatementIntake intake = mock(StatementIntake.class);
    private final StatementController controller = new StatementController(intake,
            new StatementBodies(new ObjectMapper(), DataSize.ofMegabytes(1)), 2);
    private final Client client = new Client("demo", "demo", Set.of(Role.XAPI));

    @Test
    void aBatchAboveTheLimitIsRefusedAsTooLargeBeforeAnythingIsValidated() {
        assertThatThrownBy(() -> controller.post(batchOf(3), "1.0.3", client))
                .isInstanceOf(RequestTooLargeException.class)
                .hasMessageContaining("holds 3 statements")
                .hasMessageContaining("at most 2")
                .hasMessageContaining("learnstack.statements.max-batch");
        verifyNoInteractions(intake);
    }

    @Test
    void aBatchAtTheLimitIsRecorded() {
        when(intake.record(any(), anyList(), anyList(), any())).thenReturn(List.of("a", "b"));

        assertThat(controller.post(batchOf(2), "1.0.3", client)).containsExactly("a", "b");
        verify(intake).record(any(), anyList(), anyList(), any(XapiVersion.class));
    }

    private static MockHttpServletRequest batchOf(int count) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/xapi/statements");
        request.setContentType("application/json");
        request.setContent(("[" + String.join(",", java.util.Collections.nCopies(count, STATEMENT)) + "]")
                .getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
