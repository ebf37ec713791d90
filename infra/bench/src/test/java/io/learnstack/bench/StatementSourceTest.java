package io.learnstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementSourceTest {

    private final ObjectMapper json = new ObjectMapper();

    @Nested
    class FromTheSampleFiles {

        @TempDir
        Path data;

        @Test
        void samplesOfBothFilesAlternateWithAGeneratedStatementEveryThird() throws IOException {
            // given
            Files.writeString(data.resolve(StatementSource.COHORT_FILE), """
                    [{"id":"2557db94-bd34-46d7-9684-d928c824963a","actor":{"mbox":"mailto:steve@example.org"},
                      "verb":{"id":"http://adlnet.gov/expapi/verbs/initialized"},"object":{"id":"https://c.example/1"},
                      "stored":"2020-02-10T11:39:12.979Z","authority":{"mbox":"mailto:lrs@example.org"}},
                     {"actor":{"mbox":"mailto:ann@example.org"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},
                      "object":{"id":"https://c.example/2"}}]
                    """);
            try (OutputStream video = new GZIPOutputStream(Files.newOutputStream(data.resolve(StatementSource.VIDEO_FILE)))) {
                video.write(("""
                        {"actor":{"account":{"homePage":"http://fun-mooc.fr","name":"a1"}},"verb":{"id":"https://w3id.org/xapi/video/verbs/played"},"object":{"id":"uuid://v1"}}
                        {"actor":{"account":{"homePage":"http://fun-mooc.fr","name":"a2"}},"verb":{"id":"https://w3id.org/xapi/video/verbs/paused"},"object":{"id":"uuid://v2"}}
                        {"actor":{"account":{"homePage":"http://fun-mooc.fr","name":"a3"}},"verb":{"id":"https://w3id.org/xapi/video/verbs/seeked"},"object":{"id":"uuid://v3"}}
                        """).getBytes(StandardCharsets.UTF_8));
            }

            // when
            StatementSource source = StatementSource.load(json, data, 2, 1);
            List<ObjectNode> batch = source.batch(9);

            // then
            assertThat(batch).extracting(s -> s.at("/object/id").asText()).containsExactly(
                    "https://c.example/1", "uuid://v1", batch.get(2).at("/object/id").asText(),
                    "https://c.example/2", "uuid://v2", batch.get(5).at("/object/id").asText(),
                    "https://c.example/1", "uuid://v1", batch.get(8).at("/object/id").asText());
            assertThat(batch.get(2).at("/object/id").asText()).startsWith("https://northside.example/courses/");
            assertThat(batch.get(0).has("stored")).isFalse();
            assertThat(batch.get(0).has("authority")).isFalse();
        }

        @Test
        void everyStatementGetsAFreshIdEvenWhenASampleComesRound() throws IOException {
            Files.writeString(data.resolve(StatementSource.COHORT_FILE), """
                    [{"id":"2557db94-bd34-46d7-9684-d928c824963a","actor":{"mbox":"mailto:steve@example.org"},
                      "verb":{"id":"http://adlnet.gov/expapi/verbs/initialized"},"object":{"id":"https://c.example/1"}}]
                    """);
            StatementSource source = StatementSource.load(json, data, 10, 1);

            List<ObjectNode> batch = source.batch(30);

            Set<String> ids = new HashSet<>();
            batch.forEach(statement -> ids.add(UUID.fromString(statement.get("id").asText()).toString()));
            assertThat(ids).hasSize(30).doesNotContain("2557db94-bd34-46d7-9684-d928c824963a");
        }

        @Test
        void withoutTheFilesEveryStatementIsGenerated() {
            StatementSource source = StatementSource.load(json, data.resolve("missing"), 10, 1);

            assertThat(source.batch(5)).allSatisfy(statement ->
                    assertThat(statement.at("/actor/mbox").asText()).endsWith("@northside.example"));
        }
    }

    @Nested
    class Generated {

        @Test
        void theSameSeedGivesTheSameStatements() {
            List<ObjectNode> first = List.of(new RtoStatements(json, 7, 50).next(), new RtoStatements(json, 7, 50).next());

            assertThat(first.get(0)).isEqualTo(first.get(1));
        }

        @Test
        void assessmentsAreScoredAndSucceedOnlyWhenPassed() {
            RtoStatements generator = new RtoStatements(json, 3, 50);

            for (int i = 0; i < 500; i++) {
                ObjectNode statement = generator.next();
                String verb = statement.at("/verb/id").asText().replace("http://adlnet.gov/expapi/verbs/", "");
                assertThat(verb).isIn("registered", "launched", "attempted", "passed", "failed", "completed");
                if (verb.equals("passed") || verb.equals("failed")) {
                    double scaled = statement.at("/result/score/scaled").asDouble();
                    assertThat(statement.at("/result/success").asBoolean()).isEqualTo(verb.equals("passed"));
                    assertThat(scaled).isBetween(verb.equals("passed") ? 0.5 : 0.0, verb.equals("passed") ? 1.0 : 0.49);
                    assertThat(statement.at("/result/score/raw").asInt()).isEqualTo((int) Math.round(scaled * 100));
                }
                if (verb.equals("registered")) {
                    assertThat(statement.at("/object/definition/type").asText())
                            .isEqualTo("http://adlnet.gov/expapi/activities/course");
                } else {
                    assertThat(statement.at("/context/contextActivities/parent/0/id").asText())
                            .startsWith("https://northside.example/courses/");
                }
                assertThat(statement.at("/context/registration").asText()).isNotEmpty();
            }
        }

        @Test
        void aLearnerKeepsOneRegistrationPerQualification() {
            assertThat(RtoStatements.registration(4, "BSB50120")).isEqualTo(RtoStatements.registration(4, "BSB50120"))
                    .isNotEqualTo(RtoStatements.registration(5, "BSB50120"))
                    .isNotEqualTo(RtoStatements.registration(4, "CHC33021"));
        }

        @Test
        void timestampsMoveForward() {
            RtoStatements generator = new RtoStatements(json, 3, 50);
            String previous = generator.next().get("timestamp").asText();
            for (int i = 0; i < 50; i++) {
                String next = generator.next().get("timestamp").asText();
                assertThat(java.time.Instant.parse(next)).isAfter(java.time.Instant.parse(previous));
                previous = next;
            }
        }
    }
}
