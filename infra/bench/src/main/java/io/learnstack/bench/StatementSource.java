package io.learnstack.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The statements the benchmark writes: the sample data sets (a MOOC's video statements, a simulated cohort's
 * course statements) taken in turn with generated RTO statements, each given a fresh id so every run writes
 * new statements rather than duplicates the system would only acknowledge.
 */
final class StatementSource {

    /** The sample data set with one statement per line, gzipped. */
    static final String VIDEO_FILE = "video-statements-22k.ndjson.gz";
    /** The sample data set as one JSON array. */
    static final String COHORT_FILE = "tccc-statements-2814.json";

    private final List<ObjectNode> samples;
    private final RtoStatements generated;
    private final Supplier<UUID> ids;
    private int next;

    StatementSource(List<ObjectNode> samples, RtoStatements generated, Supplier<UUID> ids) {
        this.samples = samples;
        this.generated = generated;
        this.ids = ids;
    }

    /**
     * Reads up to {@code perFile} statements from each sample file found in {@code dataDir}; a missing
     * directory or file leaves only generated statements, and says so.
     */
    static StatementSource load(ObjectMapper json, Path dataDir, int perFile, long seed) {
        List<ObjectNode> samples = new ArrayList<>();
        int cohortCount;
        Path cohort = dataDir.resolve(COHORT_FILE);
        Path video = dataDir.resolve(VIDEO_FILE);
        try {
            if (Files.isRegularFile(cohort)) {
                JsonNode array = json.readTree(cohort.toFile());
                for (int i = 0; i < array.size() && i < perFile; i++) {
                    samples.add(clean((ObjectNode) array.get(i)));
                }
            } else {
                System.err.println("bench: " + cohort + " not found; using generated statements in its place");
            }
            cohortCount = samples.size();
            if (Files.isRegularFile(video)) {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(video)), StandardCharsets.UTF_8))) {
                    String line;
                    int read = 0;
                    while (read < perFile && (line = lines.readLine()) != null) {
                        if (!line.isBlank()) {
                            samples.add(clean((ObjectNode) json.readTree(line)));
                            read++;
                        }
                    }
                }
            } else {
                System.err.println("bench: " + video + " not found; using generated statements in its place");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample statements in " + dataDir, e);
        }
        // Interleaved, so that every batch mixes the two shapes rather than writing one file after the other.
        List<ObjectNode> mixed = new ArrayList<>(samples.size());
        List<ObjectNode> first = samples.subList(0, cohortCount);
        List<ObjectNode> second = samples.subList(cohortCount, samples.size());
        for (int i = 0; i < Math.max(first.size(), second.size()); i++) {
            if (i < first.size()) {
                mixed.add(first.get(i));
            }
            if (i < second.size()) {
                mixed.add(second.get(i));
            }
        }
        return new StatementSource(mixed, new RtoStatements(json, seed, 500), UUID::randomUUID);
    }

    /**
     * The next statement with a fresh id: every third one generated, the others from the samples in turn
     * (all generated when there are no samples).
     */
    synchronized ObjectNode next() {
        ObjectNode statement;
        if (samples.isEmpty() || next % 3 == 2) {
            statement = generated.next();
        } else {
            statement = samples.get((next - next / 3) % samples.size()).deepCopy();
        }
        next++;
        statement.put("id", ids.get().toString());
        return statement;
    }

    /** The next {@code size} statements. */
    List<ObjectNode> batch(int size) {
        List<ObjectNode> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(next());
        }
        return batch;
    }

    /** Drops what the system sets itself: a client may not send a stored time or claim an authority. */
    private static ObjectNode clean(ObjectNode statement) {
        statement.remove(List.of("id", "stored", "authority", "version"));
        return statement;
    }
}
