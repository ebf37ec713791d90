package io.learnstack.infra.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Extra statement volume from a file of real-shaped xAPI statements (one statement per line, or one JSON
 * array; gzip when the name ends in .gz), sent as they are in batches. It adds load for the live panel,
 * not figures: the expected figures do not count it.
 */
final class Volume {

    private final ObjectMapper json = new ObjectMapper();

    /** Calls {@code batch} with consecutive statements, at most {@code size} at a time; returns how many. */
    int read(Path file, int size, Consumer<List<JsonNode>> batch) throws IOException {
        int count = 0;
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.mark(1);
            int first = reader.read();
            reader.reset();
            List<JsonNode> pending = new ArrayList<>();
            Iterable<JsonNode> statements = first == '[' ? json.readTree(reader)
                    : () -> reader.lines().filter(line -> !line.isBlank()).map(this::parse).iterator();
            for (JsonNode statement : statements) {
                pending.add(statement);
                count++;
                if (pending.size() == size) {
                    batch.accept(List.copyOf(pending));
                    pending.clear();
                }
            }
            if (!pending.isEmpty()) {
                batch.accept(List.copyOf(pending));
            }
        }
        return count;
    }

    private JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON statement: " + line.substring(0, Math.min(80, line.length())), e);
        }
    }
}
