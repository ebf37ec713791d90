package io.learnstack.infra.demo;

import java.nio.file.Path;

/**
 * What to load and where.
 *
 * @param baseUrl  the entry point, e.g. {@code http://127.0.0.1:8080}
 * @param learners how many learners over all tenants
 * @param seed     the seed everything generated follows from
 * @param expected where to write the expected figures
 * @param threads  how many requests are in flight at once
 * @param volume   a file of extra xAPI statements to send to the demo tenant, or {@code null}
 */
record DemoOptions(String baseUrl, int learners, long seed, Path expected, int threads, Path volume) {

    static final String USAGE = """
            usage: learnstack demo [--learners N] [--seed S] [--expected FILE] [--threads T] [--base-url URL]
                                 [--volume FILE]
              --learners  learners over the three embedded tenants (default 3000)
              --seed      every generated figure follows from it (default 1)
              --expected  where the expected figures are written (default expected.json)
              --threads   requests in flight at once (default 4)
              --base-url  the entry point (default http://127.0.0.1:8080)
              --volume    extra statements for the demo tenant, as they are (.ndjson, .json array, .gz)""";

    static DemoOptions parse(String... args) {
        String baseUrl = "http://127.0.0.1:8080";
        int learners = 3000;
        long seed = 1;
        Path expected = Path.of("expected.json");
        int threads = 4;
        Path volume = null;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            try {
                switch (name) {
                    case "--base-url" -> baseUrl = value.replaceAll("/+$", "");
                    case "--learners" -> learners = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--expected" -> expected = Path.of(value);
                    case "--threads" -> threads = Integer.parseInt(value);
                    case "--volume" -> volume = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs a number, not '" + value + "'");
            }
        }
        if (learners < 1 || threads < 1) {
            throw new IllegalArgumentException("--learners and --threads must be at least 1");
        }
        return new DemoOptions(baseUrl, learners, seed, expected, threads, volume);
    }
}
