package io.learnstack.infra.mongo;

import java.nio.file.Path;
import java.util.Map;

/**
 * Command-line options of the launcher; each falls back to an environment variable, then to a default.
 */
record LauncherOptions(Path dataDir, int port) {

    static final int DEFAULT_PORT = 27017;

    static final String USAGE = "usage: ReadModelServer --data-dir DIR [--port P]"
            + " (or LEARNSTACK_READ_MODEL_DATA_DIR, LEARNSTACK_READ_MODEL_PORT)";

    static LauncherOptions parse(String[] args, Map<String, String> env) {
        String dataDir = env.get("LEARNSTACK_READ_MODEL_DATA_DIR");
        String port = env.get("LEARNSTACK_READ_MODEL_PORT");
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value;
            int equals = name.indexOf('=');
            if (equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("missing value for " + name + "\n" + USAGE);
            }
            switch (name) {
                case "--data-dir" -> dataDir = value;
                case "--port" -> port = value;
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        if (dataDir == null || dataDir.isBlank()) {
            throw new IllegalArgumentException("no data directory given\n" + USAGE);
        }
        return new LauncherOptions(Path.of(dataDir).toAbsolutePath().normalize(), port(port));
    }

    private static int port(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + value + "\n" + USAGE);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port: " + value + "\n" + USAGE, e);
        }
    }
}
