package io.learnstack.infra.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class VolumeTest {

    @TempDir
    Path dir;

    @Test
    void readsGzippedLinesInBatchesOfTheGivenSize() throws Exception {
        Path file = dir.resolve("statements.ndjson.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < 5; i++) {
                out.write(("{\"id\":\"s" + i + "\"}\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write("\n".getBytes(StandardCharsets.UTF_8));
        }
        List<List<JsonNode>> batches = new ArrayList<>();

        int count = new Volume().read(file, 2, batches::add);

        assertThat(count).isEqualTo(5);
        assertThat(batches).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(batches.get(2).get(0).get("id").asText()).isEqualTo("s4");
    }

    @Test
    void readsAJsonArray() throws Exception {
        Path file = dir.resolve("statements.json");
        Files.writeString(file, "[{\"id\":\"a\"},{\"id\":\"b\"},{\"id\":\"c\"}]");
        List<List<JsonNode>> batches = new ArrayList<>();

        int count = new Volume().read(file, 500, batches::add);

        assertThat(count).isEqualTo(3);
        assertThat(batches).hasSize(1);
    }
}
