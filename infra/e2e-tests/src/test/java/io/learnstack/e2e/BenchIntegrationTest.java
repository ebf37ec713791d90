package io.learnstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.learnstack.bench.Bench;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's short mode against the whole system: every figure comes out, and the run is kept. */
class BenchIntegrationTest {

    private static Learnstack learnstack;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void start() {
        learnstack = new Learnstack();
    }

    @AfterAll
    static void stop() {
        if (learnstack != null) {
            learnstack.close();
        }
    }

    @Test
    void theShortModeMeasuresEveryFigureAndKeepsTheRun() throws Exception {
        // given: pid files where the run script keeps them
        Path runDir = Files.createDirectories(dataDir.resolve("run"));
        for (Map.Entry<String, Long> part : learnstack.pids().entrySet()) {
            Files.writeString(runDir.resolve(part.getKey() + ".pid"), part.getValue() + "\n");
        }
        Path samples = Path.of(System.getProperty("learnstack.root", "../.."), "../shared/data/xapi");

        // when
        Bench.Outcome outcome = Bench.run("--short", "--clients", "2",
                "--base-url", learnstack.baseUrl(),
                "--kafka", learnstack.kafkaBootstrapServers(),
                "--event-store", learnstack.eventStoreJdbcUrl(),
                "--read-model", learnstack.mongoUri(),
                "--data", samples.toString(),
                "--data-dir", dataDir.toString());

        // then
        assertThat(outcome.errors()).isZero();
        assertThat(outcome.figures()).containsKeys(expectedFigures().toArray(String[]::new));
        assertThat(outcome.figures()).allSatisfy((name, value) -> assertThat(value).as(name).isPositive());
        assertThat(outcome.file()).exists().hasParent(dataDir.resolve("bench"));
    }

    private static List<String> expectedFigures() {
        List<String> names = new ArrayList<>();
        for (int batch : new int[] {1, 5, 100}) {
            String prefix = "write.batch-" + batch;
            names.addAll(List.of(prefix + ".statements-per-s", prefix + ".request.p50", prefix + ".request.p99",
                    prefix + ".visibility-lag.p50", prefix + ".visibility-lag.p99"));
            for (String limit : List.of("kafka", "read-model", "event-store")) {
                names.add(prefix + ".ratio-to-" + limit);
            }
        }
        for (String filter : List.of("agent", "activity", "verb", "registration", "since", "related_activities",
                "related_agents")) {
            names.add("query." + filter + ".p50");
            names.add("query." + filter + ".p99");
        }
        for (String table : List.of("summary", "completion-rates", "re-enrolment-rates", "transitions", "pathways",
                "drop-off", "eligibility-funnel")) {
            names.add("query.analyst." + table + ".p50");
            names.add("query.analyst." + table + ".p99");
        }
        names.add("stored.statements-written");
        names.addAll(List.of("limit.kafka.records-per-s", "limit.read-model.documents-per-s",
                "limit.event-store.rows-per-s"));
        for (String part : List.of("event-store", "read-model", "kafka", "command-service", "projector",
                "query-service", "gateway")) {
            names.add("rss-peak." + part);
        }
        return names;
    }
}
