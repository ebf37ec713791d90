package io.learnstack.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run does, from {@code --name value} options; a later option wins, so the run script's defaults can
 * be overridden by the user's.
 */
final class BenchOptions {

    static final String USAGE = """
            usage: learnstack bench [--short] [options]
              --short                small counts; finishes in well under a minute
              --base-url URL         the running system's entry point (http://127.0.0.1:8080)
              --key KEY --secret S   the xAPI key (demo/demo)
              --clients N            concurrent writing clients (4)
              --statements N         statements written per batch size (short 150, full 2000)
              --sample-every K       follow every K-th write until it is readable (short 2, full 10)
              --queries N            queries per filter (short 5, full 50)
              --limit-records N      records written to each limit (short 2000, full 20000)
              --data DIR             the sample statements (../shared/data/xapi)
              --results-dir DIR      where runs are kept (<data dir>/bench)
              --run-dir DIR          the pid files of the parts (<data dir>/run)
              --kafka HOST:PORT      the broker (127.0.0.1:9092)
              --event-store URL      the event store's JDBC URL (jdbc:h2:tcp://127.0.0.1:9094/learnstack-events)
              --read-model URI       the read-model server (mongodb://127.0.0.1:27017)
              --stored N             before the queries, write batches of 100 until the run has written N
                                     statements in all, and wait until the projector has caught up (0: none)
              --rebuild              full mode only: also rebuild the read models and report the rate;
                                     stops and restarts the projector (needs --script)
              --script PATH          the run script, for --rebuild
              --credentials          instead of the above: the stackable-credential scenario
                                     (docs/credentials.md#measured); its runs are compared with its own
              --learners N           learners the credentials scenario writes (10000)
              --soak                 instead of the above: a steady offered load for a fixed time, each
                                     part's resident memory sampled as it runs (docs/benchmarks.md#soak)
              --rate N               statements per second the soak offers (1000)
              --minutes N            how long the soak lasts (10)
              --batch N              statements per request in the soak (100)
              --recompute-only       with --credentials: credentials issued on approval, so nothing is
                                     issued; load the learners, wait until the projector has them all,
                                     then time a revision's recompute alone
            """;

    private final Map<String, String> values = new LinkedHashMap<>();

    private BenchOptions() {
    }

    static BenchOptions parse(String... args) {
        BenchOptions options = new BenchOptions();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            switch (name) {
                case "short", "rebuild", "credentials", "recompute-only", "soak" -> options.values.put(name, "true");
                case "base-url", "key", "secret", "clients", "statements", "sample-every", "queries",
                     "limit-records", "data", "results-dir", "run-dir", "kafka", "event-store", "read-model",
                     "script", "data-dir", "learners", "rate", "minutes", "batch", "stored" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--" + name + " needs a value");
                    }
                    options.values.put(name, args[++i]);
                }
                default -> throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        for (String number : new String[] {"clients", "statements", "sample-every", "queries", "limit-records", "learners",
                "rate", "minutes", "batch"}) {
            if (options.values.containsKey(number) && options.number(number, 1) < 1) {
                throw new IllegalArgumentException("--" + number + " must be at least 1");
            }
        }
        return options;
    }

    boolean isShort() {
        return values.containsKey("short");
    }

    String mode() {
        if (credentials()) {
            return recomputeOnly() ? "credentials-recompute" : "credentials";
        }
        if (soak()) {
            return "soak";
        }
        return isShort() ? "short" : "full";
    }

    boolean credentials() {
        return values.containsKey("credentials");
    }

    boolean soak() {
        return values.containsKey("soak");
    }

    int rate() {
        return number("rate", 1000);
    }

    int minutes() {
        return number("minutes", 10);
    }

    int batch() {
        return number("batch", 100);
    }

    int stored() {
        int stored = number("stored", 0);
        if (stored < 0) {
            throw new IllegalArgumentException("--stored must not be negative");
        }
        return stored;
    }

    boolean recomputeOnly() {
        return values.containsKey("recompute-only");
    }

    int learners() {
        return number("learners", 10_000);
    }

    boolean rebuild() {
        return values.containsKey("rebuild") && !isShort();
    }

    String baseUrl() {
        return values.getOrDefault("base-url", "http://127.0.0.1:8080");
    }

    String key() {
        return values.getOrDefault("key", "demo");
    }

    String secret() {
        return values.getOrDefault("secret", "demo");
    }

    int clients() {
        return number("clients", 4);
    }

    int statements() {
        return number("statements", isShort() ? 150 : 2000);
    }

    int sampleEvery() {
        return number("sample-every", isShort() ? 2 : 10);
    }

    int queries() {
        return number("queries", isShort() ? 5 : 50);
    }

    int limitRecords() {
        return number("limit-records", isShort() ? 2000 : 20000);
    }

    Path data() {
        return Path.of(values.getOrDefault("data", "../shared/data/xapi"));
    }

    Path dataDir() {
        return Path.of(values.getOrDefault("data-dir", ".learnstack"));
    }

    Path resultsDir() {
        return values.containsKey("results-dir") ? Path.of(values.get("results-dir")) : dataDir().resolve("bench");
    }

    Path runDir() {
        return values.containsKey("run-dir") ? Path.of(values.get("run-dir")) : dataDir().resolve("run");
    }

    String kafka() {
        return values.getOrDefault("kafka", "127.0.0.1:9092");
    }

    String eventStore() {
        return values.getOrDefault("event-store", "jdbc:h2:tcp://127.0.0.1:9094/learnstack-events");
    }

    String readModel() {
        return values.getOrDefault("read-model", "mongodb://127.0.0.1:27017");
    }

    String script() {
        return values.get("script");
    }

    /** What was asked, for the kept run; the secret is left out. */
    Map<String, String> describe() {
        Map<String, String> described = new LinkedHashMap<>();
        described.put("base-url", baseUrl());
        described.put("clients", String.valueOf(clients()));
        described.put("statements", String.valueOf(statements()));
        described.put("sample-every", String.valueOf(sampleEvery()));
        described.put("queries", String.valueOf(queries()));
        described.put("limit-records", String.valueOf(limitRecords()));
        described.put("rebuild", String.valueOf(rebuild()));
        described.put("stored", String.valueOf(stored()));
        if (credentials()) {
            described.put("learners", String.valueOf(learners()));
            described.put("recompute-only", String.valueOf(recomputeOnly()));
        }
        if (soak()) {
            described.put("rate", String.valueOf(rate()));
            described.put("minutes", String.valueOf(minutes()));
            described.put("batch", String.valueOf(batch()));
        }
        return described;
    }

    private int number(String name, int otherwise) {
        String value = values.get(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, not '" + value + "'");
        }
    }
}
