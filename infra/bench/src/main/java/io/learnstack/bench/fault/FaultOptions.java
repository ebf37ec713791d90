package io.learnstack.bench.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a fault run does: which parts it kills, in which order, and the load it keeps up meanwhile.
 *
 * @param baseUrl  the entry point, e.g. {@code http://127.0.0.1:8080}
 * @param script   the run script whose {@code pids}, {@code up}, {@code status} and {@code rebuild} drive the parts
 * @param parts    the parts to kill, in turn
 * @param rate     statements per second the writers aim at, all together
 * @param writers  concurrent writers
 * @param batch    statements per request
 * @param steady   how long the load runs before the first kill
 * @param downtime how long a killed part stays down, under load
 * @param settle   how long the load goes on after a part is back, before the next kill
 * @param key      the client key (its secret is the same, as for the embedded tenants)
 * @param readModel the read-model server's URI, to compare every read model with its rebuild; null: only
 *                  what the API serves is compared
 */
public record FaultOptions(String baseUrl, String script, List<String> parts, int rate, int writers, int batch,
                           Duration steady, Duration downtime, Duration settle, String key,
                           String readModel) {

    /** Every part this run knows how to kill, in the default order. */
    public static final List<String> ALL_PARTS =
            List.of("command-service", "projector", "query-service", "kafka", "event-store", "read-model");

    static final String USAGE = """
            usage: learnstack fault [--short] [--parts a,b,...] [--rate N] [--writers N] [--batch N]
              Under a steady load of statements, kills each part in turn with SIGKILL, restarts it, then checks
              that every acknowledged statement is readable exactly once and that the read models equal a rebuild.
              --short       shorter phases
              --parts       parts to kill, in order (default %s)
              --rate        statements per second, all writers together (default 40)
              --writers     concurrent writers (default 4)
              --batch       statements per request (default 10)
              --base-url, --script, --read-model (a mongodb:// URI), --key are set by the run script
            """.formatted(String.join(",", ALL_PARTS));

    /** Parses command-line options; the run script supplies the base URL and itself as the script. */
    public static FaultOptions parse(String... args) {
        String baseUrl = "http://127.0.0.1:8080";
        String script = "infra/bin/learnstack";
        List<String> parts = ALL_PARTS;
        int rate = 40;
        int writers = 4;
        int batch = 10;
        boolean shortRun = false;
        String key = "demo";
        String readModel = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--short")) {
                shortRun = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--base-url" -> baseUrl = value;
                case "--script" -> script = value;
                case "--parts" -> parts = parts(value);
                case "--rate" -> rate = positive(option, value);
                case "--writers" -> writers = positive(option, value);
                case "--batch" -> batch = positive(option, value);
                case "--key" -> key = value;
                case "--read-model" -> readModel = value;
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        Duration steady = Duration.ofSeconds(shortRun ? 5 : 15);
        // Down longer than a write waits for the broker (5 s), so that some are answered while it is down.
        Duration downtime = Duration.ofSeconds(shortRun ? 7 : 10);
        Duration settle = Duration.ofSeconds(shortRun ? 3 : 10);
        return new FaultOptions(baseUrl, script, parts, rate, writers, batch, steady, downtime, settle, key,
                readModel);
    }

    private static List<String> parts(String value) {
        List<String> parts = new ArrayList<>();
        for (String part : value.split(",")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!ALL_PARTS.contains(name)) {
                throw new IllegalArgumentException("unknown part '" + name + "'; parts: " + String.join(",", ALL_PARTS));
            }
            parts.add(name);
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("--parts names no part");
        }
        return List.copyOf(parts);
    }

    private static int positive(String option, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive whole number, not '" + value + "'");
    }

    @Override
    public String toString() {
        return "parts " + parts + ", " + rate + " statements/s from " + writers + " writers in batches of " + batch
                + ", phases " + steady.toSeconds() + "/" + downtime.toSeconds() + "/" + settle.toSeconds() + " s";
    }
}
