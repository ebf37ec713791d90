package io.learnstack.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A JVM started as a child process, with its standard output and error going to one log file.
 *
 * <p>The child runs the same {@code java} as the current JVM. It is given
 * {@code -Dlearnstack.parent-pid=<this pid>}: the Learnstack launchers end when that process ends, so a
 * test JVM that dies abruptly leaves no broker or database behind. A shutdown hook of the current JVM
 * also stops every child still running.
 *
 * <pre>{@code
 * JavaProcess server = JavaProcess.builder("my-server")
 *         .mainClass("com.example.Main")
 *         .jvmOptions("-Xmx256m")
 *         .args("--port", "8080")
 *         .logDir(dir)
 *         .start();
 * server.waitForPort(8080, Duration.ofSeconds(30));
 * ...
 * server.stop();
 * }</pre>
 */
public final class JavaProcess implements AutoCloseable {

    /** How long {@link #stop()} waits after SIGTERM before it kills. */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);

    /** System property naming the process whose end should end the child. */
    public static final String PARENT_PID_PROPERTY = "learnstack.parent-pid";

    private static final int LOG_LINES_ON_FAILURE = 60;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Set<JavaProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(JavaProcess::stopAllOnExit, "java-process-reaper"));
    }

    private final Spec spec;
    private final Process process;

    private JavaProcess(Spec spec, Process process) {
        this.spec = spec;
        this.process = process;
    }

    /**
     * Starts describing a child process.
     *
     * @param name short name of the process, used for its log file ({@code <name>.log}) and in messages
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return the name given to the builder */
    public String name() {
        return spec.name;
    }

    /** @return the operating-system process id */
    public long pid() {
        return process.pid();
    }

    /** @return the file that receives the child's standard output and error */
    public Path logFile() {
        return spec.logFile();
    }

    /** @return whether the child is still running */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** @return the exit code, or empty while the child runs */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /**
     * Waits until something accepts TCP connections on 127.0.0.1 at the given port.
     *
     * @return this process
     * @throws IllegalStateException if the child exits or the time runs out first; the message holds
     *                               the last lines of the log
     */
    public JavaProcess waitForPort(int port, Duration timeout) {
        return waitUntil("port " + port + " accepts connections", () -> isPortOpen(port), timeout);
    }

    /**
     * Waits until the condition holds, checking it every 100 ms; a condition that throws counts as not
     * holding yet.
     *
     * @return this process
     * @throws IllegalStateException if the child exits or the time runs out first; the message holds
     *                               the last lines of the log
     */
    public JavaProcess waitUntil(BooleanSupplier condition, Duration timeout) {
        return waitUntil("the condition holds", condition, timeout);
    }

    /**
     * Like {@link #waitUntil(BooleanSupplier, Duration)}, with a description for the failure message.
     *
     * @param what what is awaited, e.g. "the broker answers"
     * @return this process
     */
    public JavaProcess waitUntil(String what, BooleanSupplier condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        RuntimeException lastError = null;
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return this;
                }
                lastError = null;
            } catch (RuntimeException e) {
                lastError = e;
            }
            if (!process.isAlive()) {
                throw failure("exited with code " + process.exitValue() + " before " + what, lastError);
            }
            if (Instant.now().isAfter(deadline)) {
                throw failure("did not get to the point where " + what + " within " + timeout, lastError);
            }
            // Doubles as the pause between checks and as a prompt notice that the child died.
            awaitExit(POLL_INTERVAL);
        }
    }

    /**
     * Sends SIGTERM and waits up to {@link #DEFAULT_STOP_TIMEOUT} for the child to exit, then kills it.
     * Does nothing if it has already exited.
     */
    public void stop() {
        stop(DEFAULT_STOP_TIMEOUT);
    }

    /**
     * Sends SIGTERM and waits up to {@code timeout} for the child to exit, then kills it.
     * Does nothing if it has already exited.
     */
    public void stop(Duration timeout) {
        if (process.isAlive()) {
            process.destroy();
            if (!awaitExit(timeout)) {
                System.err.println(describe() + " did not stop within " + timeout + " of SIGTERM; killing it");
                kill();
            }
        }
        RUNNING.remove(this);
    }

    /** Kills the child at once (SIGKILL, as {@code kill -9}) and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        boolean interrupted = false;
        while (true) {
            try {
                process.waitFor();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        RUNNING.remove(this);
    }

    /**
     * Starts the same command again, appending to the same log; stops this process first if it still runs.
     *
     * @return the new process
     */
    public JavaProcess restart() {
        stop();
        return launch(spec);
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /**
     * @param lines how many lines at most
     * @return the last lines of the log file, or a note saying why there are none
     */
    public String logTail(int lines) {
        Path file = logFile();
        if (!Files.exists(file)) {
            return "(no log file " + file + ")";
        }
        Deque<String> tail = new ArrayDeque<>(lines);
        try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
            all.forEach(line -> {
                if (tail.size() == lines) {
                    tail.removeFirst();
                }
                tail.addLast(line);
            });
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
        return String.join(System.lineSeparator(), tail);
    }

    @Override
    public String toString() {
        return describe();
    }

    private String describe() {
        return spec.name + " (pid " + process.pid() + ")";
    }

    private IllegalStateException failure(String problem, RuntimeException lastError) {
        StringBuilder message = new StringBuilder(describe()).append(' ').append(problem).append('.');
        if (lastError != null) {
            message.append(" Last check failed with: ").append(lastError);
        }
        message.append(System.lineSeparator()).append("Last lines of ").append(logFile()).append(':')
                .append(System.lineSeparator()).append(logTail(LOG_LINES_ON_FAILURE));
        return new IllegalStateException(message.toString(), lastError);
    }

    /** @return whether the process has exited within the timeout */
    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + describe(), e);
        }
    }

    static boolean isPortOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 250);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static JavaProcess launch(Spec spec) {
        try {
            Files.createDirectories(spec.logDir);
            Files.writeString(spec.logFile(),
                    "----- " + Instant.now() + " starting: " + String.join(" ", spec.displayCommand())
                            + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(spec.command())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
            if (spec.workingDir != null) {
                builder.directory(spec.workingDir.toFile());
            }
            builder.environment().putAll(spec.env);
            if (spec.classpath != null) {
                // Through the environment rather than -cp: a test classpath can be long.
                builder.environment().put("CLASSPATH", spec.classpath);
            }
            JavaProcess started = new JavaProcess(spec, builder.start());
            RUNNING.add(started);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.name, e);
        }
    }

    private static void stopAllOnExit() {
        List<Thread> stoppers = new ArrayList<>();
        for (JavaProcess child : RUNNING) {
            Thread stopper = new Thread(() -> child.stop(Duration.ofSeconds(10)), "stop-" + child.name());
            stopper.start();
            stoppers.add(stopper);
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Everything needed to start, and start again, the same child. */
    private static final class Spec {
        final String name;
        final String classpath;
        final Path jar;
        final String mainClass;
        final List<String> jvmOptions;
        final List<String> args;
        final Map<String, String> env;
        final Path logDir;
        final Path workingDir;

        Spec(Builder builder) {
            this.name = builder.name;
            this.jar = builder.jar;
            this.mainClass = builder.mainClass;
            this.classpath = builder.jar != null ? null
                    : Objects.requireNonNullElseGet(builder.classpath, () -> System.getProperty("java.class.path"));
            this.jvmOptions = List.copyOf(builder.jvmOptions);
            this.args = List.copyOf(builder.args);
            this.env = Map.copyOf(builder.env);
            this.logDir = builder.logDir;
            this.workingDir = builder.workingDir;
        }

        Path logFile() {
            return logDir.resolve(name + ".log");
        }

        List<String> command() {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-D" + PARENT_PID_PROPERTY + "=" + ProcessHandle.current().pid());
            command.addAll(jvmOptions);
            if (jar != null) {
                command.add("-jar");
                command.add(jar.toString());
            } else {
                command.add(mainClass);
            }
            command.addAll(args);
            return command;
        }

        List<String> displayCommand() {
            List<String> command = command();
            if (classpath != null) {
                command.add(1, "(classpath: " + classpath.split(File.pathSeparator).length + " entries)");
            }
            return command;
        }
    }

    /** Describes a child process; {@link #start()} launches it. */
    public static final class Builder {
        private final String name;
        private String classpath;
        private Path jar;
        private String mainClass;
        private final List<String> jvmOptions = new ArrayList<>();
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private Path logDir = Path.of(System.getProperty("java.io.tmpdir"));
        private Path workingDir;

        private Builder(String name) {
            if (name == null || name.isBlank() || name.contains("/") || name.contains(File.separator)) {
                throw new IllegalArgumentException("a process name must be non-blank and usable as a file name: " + name);
            }
            this.name = name;
        }

        /** Runs {@code mainClass} on this classpath (default: the current JVM's {@code java.class.path}). */
        public Builder classpath(String classpath) {
            this.classpath = Objects.requireNonNull(classpath);
            return this;
        }

        /** Runs {@code mainClass} on these entries (default: the current JVM's {@code java.class.path}). */
        public Builder classpath(List<Path> entries) {
            return classpath(entries.stream().map(Path::toString)
                    .collect(Collectors.joining(File.pathSeparator)));
        }

        /** Runs {@code java -jar jar} instead of a main class. */
        public Builder jar(Path jar) {
            this.jar = Objects.requireNonNull(jar);
            return this;
        }

        /** The class whose {@code main} to run, unless a jar is given. */
        public Builder mainClass(String mainClass) {
            this.mainClass = Objects.requireNonNull(mainClass);
            return this;
        }

        /** Adds options for the JVM, e.g. {@code -Xmx256m}. */
        public Builder jvmOptions(String... options) {
            return jvmOptions(List.of(options));
        }

        /** Adds options for the JVM, e.g. {@code -Xmx256m}. */
        public Builder jvmOptions(List<String> options) {
            jvmOptions.addAll(options);
            return this;
        }

        /** Adds program arguments. */
        public Builder args(String... arguments) {
            return args(List.of(arguments));
        }

        /** Adds program arguments. */
        public Builder args(List<String> arguments) {
            args.addAll(arguments);
            return this;
        }

        /** Sets an environment variable of the child (it inherits the rest from the current JVM). */
        public Builder env(String variable, String value) {
            env.put(Objects.requireNonNull(variable), Objects.requireNonNull(value));
            return this;
        }

        /** The directory that receives {@code <name>.log} (default: the system temporary directory). */
        public Builder logDir(Path logDir) {
            this.logDir = Objects.requireNonNull(logDir);
            return this;
        }

        /** The working directory of the child (default: the current one). */
        public Builder workingDir(Path workingDir) {
            this.workingDir = Objects.requireNonNull(workingDir);
            return this;
        }

        /**
         * Launches the child; returns at once, without waiting for it to be ready.
         *
         * @throws UncheckedIOException if the process cannot be started
         */
        public JavaProcess start() {
            if (jar == null && mainClass == null) {
                throw new IllegalStateException("set a main class or a jar for " + name);
            }
            if (jar != null && mainClass != null) {
                throw new IllegalStateException("set either a main class or a jar for " + name + ", not both");
            }
            return launch(new Spec(this));
        }
    }
}
