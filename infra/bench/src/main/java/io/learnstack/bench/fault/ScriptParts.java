package io.learnstack.bench.fault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The parts the run script started: {@code pids} finds them, {@code up} restarts what is missing. */
final class ScriptParts implements Parts {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

    private final String script;

    ScriptParts(String script) {
        this.script = script;
    }

    @Override
    public void kill(String part) throws Exception {
        long pid = Long.parseLong(run("pids", part).strip());
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException(part + " (pid " + pid + ") is not running"));
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    @Override
    public void restart(String part) throws Exception {
        run("up");
        awaitReady();
    }

    @Override
    public void rebuild() throws Exception {
        run("rebuild");
        awaitReady();
    }

    /** Until {@code status} shows every part running and every service ready. */
    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String status = "";
        while (System.nanoTime() < deadline) {
            status = run("status");
            if (!status.contains("stopped") && !status.contains("readiness DOWN")
                    && !status.contains("readiness unreachable") && !status.contains("OUT_OF_SERVICE")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("not every part was ready within " + READY_TIMEOUT.toSeconds() + " s:\n" + status);
    }

    private String run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        line.add(script);
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed:\n" + output);
        }
        return output;
    }
}
