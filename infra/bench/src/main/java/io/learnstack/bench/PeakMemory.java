package io.learnstack.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The peak resident set of each part, from the pid files the run script keeps ({@code <data dir>/run/<part>.pid})
 * and the kernel's high-water mark ({@code VmHWM} in {@code /proc/<pid>/status}).
 */
final class PeakMemory {

    private PeakMemory() {
    }

    /** One figure per running part, {@code rss-peak.<part>} in MiB, by part name. */
    static List<Figure> read(Path runDir) {
        List<Figure> figures = new ArrayList<>();
        if (!Files.isDirectory(runDir)) {
            System.err.println("bench: no pid files in " + runDir + "; peak RSS not measured");
            return figures;
        }
        pids(runDir).forEach((part, pid) -> peakKib(Path.of("/proc", pid, "status")).ifPresent(kib ->
                figures.add(new Figure("rss-peak." + part, kib / 1024.0, "MiB"))));
        return figures;
    }

    /** Each part's process id from its pid file, by part name; empty without the directory. */
    static Map<String, String> pids(Path runDir) {
        Map<String, String> pids = new LinkedHashMap<>();
        if (!Files.isDirectory(runDir)) {
            return pids;
        }
        try (DirectoryStream<Path> pidFiles = Files.newDirectoryStream(runDir, "*.pid")) {
            List<Path> sorted = new ArrayList<>();
            pidFiles.forEach(sorted::add);
            sorted.sort(null);
            for (Path pidFile : sorted) {
                pids.put(pidFile.getFileName().toString().replaceFirst("\\.pid$", ""),
                        Files.readString(pidFile).trim());
            }
        } catch (IOException e) {
            System.err.println("bench: cannot read the pid files in " + runDir + ": " + e);
        }
        return pids;
    }

    /** {@code VmHWM} in KiB from a {@code /proc/<pid>/status} file; empty when the process is gone. */
    static Optional<Long> peakKib(Path status) {
        return field(status, "VmHWM:");
    }

    /** {@code VmRSS} in KiB, the resident set now; empty when the process is gone. */
    static Optional<Long> residentKib(Path status) {
        return field(status, "VmRSS:");
    }

    private static Optional<Long> field(Path status, String name) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(name)) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
