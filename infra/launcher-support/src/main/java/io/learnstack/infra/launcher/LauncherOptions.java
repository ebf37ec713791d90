package io.learnstack.infra.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The command line of a launcher: the directory it keeps its data in and the TCP ports it listens on.
 *
 * <p>Each option is given as {@code --name value} or {@code --name=value}. A missing one falls back to an
 * environment variable named after the launcher and the option, e.g. {@code LEARNSTACK_KAFKA_PORT} for
 * {@code --port} with the prefix {@code LEARNSTACK_KAFKA}, and a missing port then to its default.
 * {@link #parser(String, String, int)} describes the options of one launcher.
 *
 * @param dataDir the data directory, absolute and normalised
 * @param ports   the value of each port option, by option name (e.g. {@code --port}), in declaration order
 */
public record LauncherOptions(Path dataDir, Map<String, Integer> ports) {

    /** The option naming the data directory; every launcher has it, without a default. */
    public static final String DATA_DIR = "--data-dir";

    /** The option naming the port clients connect to; every launcher has it. */
    public static final String PORT = "--port";

    /**
     * @param dataDir the data directory
     * @param ports   the value of each port option, by option name
     */
    public LauncherOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports));
    }

    /**
     * Starts describing a launcher's options: {@value #DATA_DIR} and {@value #PORT}, more ports to be added.
     *
     * @param launcher          the launcher's name, for the usage message, e.g. {@code KafkaBroker}
     * @param environmentPrefix what the environment variables' names start with, e.g. {@code LEARNSTACK_KAFKA}
     * @param defaultPort       the port when neither {@value #PORT} nor its variable gives one
     * @return a parser for these options
     */
    public static Parser parser(String launcher, String environmentPrefix, int defaultPort) {
        return new Parser(launcher, environmentPrefix, Map.of()).port(PORT, defaultPort);
    }

    /** @return the value of {@value #PORT} */
    public int port() {
        return port(PORT);
    }

    /**
     * @param option a port option the parser declared, e.g. {@code --controller-port}
     * @return its value
     * @throws IllegalArgumentException if there is no such option
     */
    public int port(String option) {
        Integer port = ports.get(option);
        if (port == null) {
            throw new IllegalArgumentException("no port option " + option + " among " + ports.keySet());
        }
        return port;
    }

    /** The options of one launcher; immutable, so a launcher can keep it in a constant. */
    public static final class Parser {

        private final String launcher;
        private final String environmentPrefix;
        private final Map<String, Integer> defaultPorts;

        private Parser(String launcher, String environmentPrefix, Map<String, Integer> defaultPorts) {
            this.launcher = Objects.requireNonNull(launcher, "launcher");
            this.environmentPrefix = Objects.requireNonNull(environmentPrefix, "environmentPrefix");
            this.defaultPorts = defaultPorts;
        }

        /**
         * @param option      the option's name, starting with {@code --}, e.g. {@code --controller-port}
         * @param defaultPort the port when neither the option nor its variable gives one
         * @return a parser that also accepts this port option
         */
        public Parser port(String option, int defaultPort) {
            if (!option.startsWith("--") || option.length() < 3 || option.equals(DATA_DIR)) {
                throw new IllegalArgumentException("not usable as a port option: " + option);
            }
            Map<String, Integer> ports = new LinkedHashMap<>(defaultPorts);
            ports.put(option, defaultPort);
            return new Parser(launcher, environmentPrefix, ports);
        }

        /**
         * @param args the command line
         * @param env  the environment, e.g. {@link System#getenv()}
         * @return the options
         * @throws IllegalArgumentException if an option is unknown or lacks its value, no data directory is
         *                                  given, or a port is not one; the message ends with {@link #usage()}
         */
        public LauncherOptions parse(String[] args, Map<String, String> env) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String option : options()) {
                values.put(option, env.get(variable(option)));
            }
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
                    throw invalid("missing value for " + name, null);
                }
                if (!values.containsKey(name)) {
                    throw invalid("unknown option " + name, null);
                }
                values.put(name, value);
            }
            String dataDir = values.get(DATA_DIR);
            if (dataDir == null || dataDir.isBlank()) {
                throw invalid("no data directory given", null);
            }
            Map<String, Integer> ports = new LinkedHashMap<>();
            defaultPorts.forEach((option, defaultPort) ->
                    ports.put(option, portValue(values.get(option), defaultPort)));
            return new LauncherOptions(Path.of(dataDir).toAbsolutePath().normalize(), ports);
        }

        /**
         * Parses the command line against the process environment; on a mistake prints the message with
         * {@link #usage()} to standard error and exits with status 2, as command-line tools do.
         *
         * @param args the command line
         * @return the options
         */
        public LauncherOptions parseOrExit(String[] args) {
            try {
                return parse(args, System.getenv());
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                System.exit(2);
                // exit() does not return; the compiler cannot know that.
                throw e;
            }
        }

        /**
         * @return e.g. {@code usage: KafkaBroker --data-dir DIR [--port P] (or LEARNSTACK_KAFKA_DATA_DIR,
         *         LEARNSTACK_KAFKA_PORT)}
         */
        public String usage() {
            StringBuilder usage = new StringBuilder("usage: ").append(launcher)
                    .append(' ').append(DATA_DIR).append(" DIR");
            for (String option : defaultPorts.keySet()) {
                usage.append(" [").append(option).append(' ')
                        .append(option.substring(2, 3).toUpperCase(Locale.ROOT)).append(']');
            }
            List<String> variables = new ArrayList<>();
            for (String option : options()) {
                variables.add(variable(option));
            }
            return usage.append(" (or ").append(String.join(", ", variables)).append(')').toString();
        }

        private List<String> options() {
            List<String> options = new ArrayList<>();
            options.add(DATA_DIR);
            options.addAll(defaultPorts.keySet());
            return options;
        }

        private String variable(String option) {
            return environmentPrefix + "_" + option.substring(2).toUpperCase(Locale.ROOT).replace('-', '_');
        }

        private int portValue(String value, int defaultPort) {
            if (value == null || value.isBlank()) {
                return defaultPort;
            }
            try {
                int port = Integer.parseInt(value.trim());
                if (port < 1 || port > 65535) {
                    throw invalid("port out of range: " + value, null);
                }
                return port;
            } catch (NumberFormatException e) {
                throw invalid("not a port: " + value, e);
            }
        }

        private IllegalArgumentException invalid(String problem, Exception cause) {
            return new IllegalArgumentException(problem + "\n" + usage(), cause);
        }
    }
}
