package io.learnstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsStoreTest {

    @TempDir
    Path dir;

    private ResultsStore store() {
        return new ResultsStore(dir, new ObjectMapper());
    }

    private static Run run(String at, String mode, double rate) {
        return new Run(at, mode, Map.of("cores", "2"), Map.of("clients", "4"),
                List.of(new Figure("write.batch-1.statements-per-s", rate, "statements/s"),
                        new Figure("query.agent.p50", 12.5, "ms")));
    }

    @Test
    void aKeptRunReadsBackWhole() throws IOException {
        Run run = run("2026-11-24T15:00:00Z", "short", 123.4);

        Path file = store().save(run);

        assertThat(file.getFileName().toString()).isEqualTo("bench-20261124T150000Z-short.json");
        assertThat(Files.readString(file)).contains("\"write.batch-1.statements-per-s\"");
        assertThat(store().latest("short")).contains(run);
    }

    @Test
    void theLatestRunOfTheSameModeIsTheOneComparedWith() {
        store().save(run("2026-11-24T15:00:00Z", "full", 100));
        store().save(run("2026-11-24T15:10:00Z", "full", 200));
        store().save(run("2026-11-24T15:20:00Z", "short", 50));

        assertThat(store().latest("full")).map(Run::startedAt).contains("2026-11-24T15:10:00Z");
        assertThat(store().latest("short")).map(Run::startedAt).contains("2026-11-24T15:20:00Z");
    }

    @Test
    void twoRunsInTheSameSecondAreBothKept() {
        store().save(run("2026-11-24T15:00:00Z", "short", 1));
        Path second = store().save(run("2026-11-24T15:00:00.500Z", "short", 2));

        assertThat(second.getFileName().toString()).isEqualTo("bench-20261124T150000Z-short-2.json");
    }

    @Test
    void noDirectoryOrAnUnreadableFileMeansNothingToCompareWith() throws IOException {
        assertThat(new ResultsStore(dir.resolve("missing"), new ObjectMapper()).latest("short")).isEmpty();

        Files.writeString(dir.resolve("bench-20261124T150000Z-short.json"), "not json");

        assertThat(store().latest("short")).isEmpty();
    }

    @Test
    void theTableShowsEachFigureBesideThePreviousAndTheChange() {
        Run previous = run("2026-11-24T15:00:00Z", "short", 200);
        Run current = new Run("2026-11-24T15:10:00Z", "short", Map.of(), Map.of(),
                List.of(new Figure("write.batch-1.statements-per-s", 250, "statements/s"),
                        new Figure("limit.kafka.records-per-s", 0.5, "records/s")));

        String table = Report.table(current, Optional.of(previous));

        List<String> lines = table.lines().toList();
        assertThat(lines.get(0)).isEqualTo("Compared with the short run of 2026-11-24T15:00:00Z");
        assertThat(lines.get(1)).startsWith("figure").contains("value", "unit", "previous", "change");
        assertThat(lines.get(2)).matches("write\\.batch-1\\.statements-per-s +250 +statements/s +200 +\\+25\\.0%");
        assertThat(lines.get(3)).matches("limit\\.kafka\\.records-per-s +0\\.5000 +records/s +- +-");
        // Aligned: the value column ends at the same place on every line.
        assertThat(lines.get(2).indexOf("250") + 3).isEqualTo(lines.get(3).indexOf("0.5000") + 6);
    }

    @Test
    void withoutAPreviousRunTheTableSaysSo() {
        String table = Report.table(run("2026-11-24T15:10:00Z", "full", 1), Optional.empty());

        assertThat(table).startsWith("No earlier full run to compare with");
    }

    @Test
    void changesAndValuesAreWrittenReadably() {
        assertThat(Report.change(100, 90)).isEqualTo("-10.0%");
        assertThat(Report.change(0, 90)).isEqualTo("-");
        assertThat(Report.format(12345.6)).isEqualTo("12346");
        assertThat(Report.format(12.345)).isEqualTo("12.35");
        assertThat(Report.format(0.012345)).isEqualTo("0.0123");
        assertThat(Report.format(Double.NaN)).isEqualTo("-");
    }
}
