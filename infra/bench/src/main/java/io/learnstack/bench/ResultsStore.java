package io.learnstack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The kept runs: one JSON file per run, named by its start time so that names sort as runs do. */
final class ResultsStore {

    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final ObjectMapper json;

    ResultsStore(Path dir, ObjectMapper json) {
        this.dir = dir;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Writes the run; returns its file. */
    Path save(Run run) {
        try {
            Files.createDirectories(dir);
            String base = "bench-" + FILE_TIME.format(Instant.parse(run.startedAt())) + "-" + run.mode();
            Path file = dir.resolve(base + ".json");
            for (int n = 2; Files.exists(file); n++) {
                file = dir.resolve(base + "-" + n + ".json");
            }
            json.writeValue(file.toFile(), run);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results to " + dir, e);
        }
    }

    /** The newest kept run of this mode, if any; files that cannot be read are skipped. */
    Optional<Run> latest(String mode) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "bench-*.json")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        files.sort(null);
        for (int i = files.size() - 1; i >= 0; i--) {
            try {
                Run run = json.readValue(files.get(i).toFile(), Run.class);
                if (mode.equals(run.mode())) {
                    return Optional.of(run);
                }
            } catch (IOException e) {
                System.err.println("bench: skipping " + files.get(i) + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }
}
