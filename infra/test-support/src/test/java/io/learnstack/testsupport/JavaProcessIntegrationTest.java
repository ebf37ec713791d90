package io.learnstack.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaProcessIntegrationTest {

    @TempDir
    Path logs;

    @Test
    void waitsForThePortAndStopsOnSigterm() throws Exception {
        int port = FreePorts.next();
        JavaProcess fixture = fixture("listener", Integer.toString(port)).start();

        fixture.waitForPort(port, Duration.ofSeconds(30));
        // The port opens a moment before the fixture says so; a SIGTERM in between would end it unsaid.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.readString(fixture.logFile()).contains("fixture listening on " + port));
        fixture.stop();

        assertThat(fixture.isAlive()).isFalse();
        assertThat(fixture.exitCode()).hasValue(143);
        assertThat(Files.readString(fixture.logFile())).contains("fixture stopping");
    }

    @Test
    void killsWithoutRunningShutdownHooks() throws Exception {
        int port = FreePorts.next();
        JavaProcess fixture = fixture("victim", Integer.toString(port)).start().waitForPort(port, Duration.ofSeconds(30));

        fixture.kill();

        assertThat(fixture.exitCode()).hasValue(137);
        assertThat(Files.readString(fixture.logFile())).doesNotContain("fixture stopping");
    }

    @Test
    void restartsWithTheSameCommandAndLog() {
        int port = FreePorts.next();
        JavaProcess first = fixture("phoenix", Integer.toString(port)).start().waitForPort(port, Duration.ofSeconds(30));

        JavaProcess second = first.restart().waitForPort(port, Duration.ofSeconds(30));

        assertThat(first.isAlive()).isFalse();
        assertThat(second.pid()).isNotEqualTo(first.pid());
        assertThat(second.logFile()).isEqualTo(first.logFile());
        assertThat(second.logTail(100)).contains("fixture stopping");
        second.stop();
    }

    @Test
    void reportsTheEndOfTheLogWhenTheProcessDies() {
        JavaProcess fixture = fixture("quitter", "fail").env("FIXTURE_REASON", "no disk").start();

        assertThatThrownBy(() -> fixture.waitForPort(FreePorts.next(), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with code 3")
                .hasMessageContaining("fixture gives up: no disk");
    }

    @Test
    void reportsTheEndOfTheLogOnTimeout() {
        int port = FreePorts.next();
        JavaProcess fixture = fixture("sluggard", Integer.toString(port)).start().waitForPort(port, Duration.ofSeconds(30));
        try {
            assertThatThrownBy(() -> fixture.waitUntil("pigs fly", () -> false, Duration.ofMillis(300)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("pigs fly")
                    .hasMessageContaining("fixture listening on " + port);
        } finally {
            fixture.stop();
        }
    }

    private JavaProcess.Builder fixture(String name, String argument) {
        return JavaProcess.builder(name)
                .mainClass(FixtureServer.class.getName())
                .jvmOptions("-Xmx32m", "-XX:TieredStopAtLevel=1")
                .args(argument)
                .logDir(logs);
    }
}
