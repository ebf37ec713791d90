package io.learnstack.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void aHeaderRowThenOneLineEachWithRfc4180Quoting() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("course", "Provide first aid, \"HLTAID011\"");
        row.put("learners", 3);
        row.put("rate", null);
        row.put("pathway", List.of("a", "b"));

        assertThat(Csv.of(List.of("course", "learners", "rate", "pathway"), List.of(row)))
                .isEqualTo("course,learners,rate,pathway\r\n\"Provide first aid, \"\"HLTAID011\"\"\",3,,a > b\r\n");
    }

    @Test
    void lineBreaksAreQuotedAndFormulasDefused() {
        assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.field(-1.5)).isEqualTo("-1.5");
        assertThat(Csv.field(Instant.parse("2026-02-03T09:00:00Z"))).isEqualTo("2026-02-03T09:00:00Z");
    }

    @Test
    void anEmptyTableStillHasItsHeader() {
        assertThat(Csv.of(List.of("from", "to"), List.of())).isEqualTo("from,to\r\n");
    }
}
