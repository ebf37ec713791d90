package io.learnstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeakMemoryTest {

    @TempDir
    Path dir;

    @Test
    void thePeakIsTheHighWaterMarkOfTheStatusFile() throws IOException {
        Path status = dir.resolve("status");
        Files.writeString(status, "Name:\tjava\nVmPeak:\t 4000000 kB\nVmHWM:\t  524288 kB\nVmRSS:\t  400000 kB\n");

        assertThat(PeakMemory.peakKib(status)).contains(524288L);
        assertThat(PeakMemory.peakKib(dir.resolve("gone"))).isEmpty();
    }

    @Test
    void eachPidFileOfARunningProcessGivesAFigure() throws IOException {
        Files.writeString(dir.resolve("gateway.pid"), ProcessHandle.current().pid() + "\n");
        Files.writeString(dir.resolve("kafka.pid"), "999999999\n");

        assertThat(PeakMemory.read(dir)).singleElement().satisfies(figure -> {
            assertThat(figure.name()).isEqualTo("rss-peak.gateway");
            assertThat(figure.value()).isPositive();
            assertThat(figure.unit()).isEqualTo("MiB");
        });
    }
}
