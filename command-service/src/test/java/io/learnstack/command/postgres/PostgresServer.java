package io.learnstack.command.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for tests, run from the binaries of the operating system's PostgreSQL
 * package ({@code /usr/lib/postgresql/<version>/bin}, Debian's layout; the newest version wins; the
 * system property {@value #ROOT_PROPERTY} names another directory of that layout).
 *
 * <p>{@link #start(String)} creates a fresh cluster ({@code initdb}, trust authentication, UTF8, no
 * locale), starts {@code postgres} on a free port of 127.0.0.1, waits until it accepts JDBC connections
 * and creates the given database; {@link #stop()} stops it ({@code pg_ctl stop -m fast}) and deletes the
 * cluster. A shutdown hook stops a server a test left running.
 *
 * <p>PostgreSQL refuses to run as root. When the JVM runs as root (as in CI), {@code initdb},
 * {@code postgres} and {@code pg_ctl} run as the {@code postgres} OS user the package creates, through
 * {@code runuser} (or {@code su}), and the cluster lives in a new directory under {@code /tmp} owned by
 * that user; otherwise it lives under {@code target/postgres/}. The server log always goes to
 * {@code target/postgres/}, where it stays for a look after a failed build.
 */
public final class PostgresServer {

    /** What to run when no PostgreSQL binaries are found. */
    public static final String INSTALL_HINT = "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin;"
            + " install them with `apt-get update && apt-get install -y postgresql` (as root, Debian/Ubuntu)";

    /** System property naming another directory that holds {@code <version>/bin} (default {@code /usr/lib/postgresql}). */
    public static final String ROOT_PROPERTY = "learnstack.postgres.root";

    private static final String SUPERUSER = "postgres";
    private static final String OS_USER = "postgres";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final int PORT_ATTEMPTS = 3;
    /** A Unix socket path may not exceed 107 bytes; the server adds {@code /.s.PGSQL.<port>}. */
    private static final int MAX_SOCKET_DIR_LENGTH = 80;

    private final Path binDir;
    private final boolean asOsUser;
    private final Path baseDir;
    private final Path dataDir;
    private final Path logFile;
    private final Thread shutdownHook = new Thread(this::stopQuietly, "postgres-server-stop");

    private Process server;
    private int port;
    private String database;
    private String version;

    private PostgresServer(Path binDir, boolean asOsUser, Path baseDir, Path logFile) {
        this.binDir = binDir;
        this.asOsUser = asOsUser;
        this.baseDir = baseDir;
        this.dataDir = baseDir.resolve("data");
        this.logFile = logFile;
    }

    /** @return the {@code bin} directory of the newest installed PostgreSQL, if any */
    public static Optional<Path> installedBinaries() {
        Path packageRoot = Path.of(System.getProperty(ROOT_PROPERTY, "/usr/lib/postgresql"));
        if (!Files.isDirectory(packageRoot)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(packageRoot)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Stream.of("initdb", "pg_ctl", "postgres").allMatch(tool -> Files.isExecutable(bin.resolve(tool))))
                    .max(Comparator.comparing(bin -> versionKey(bin.getParent().getFileName().toString())));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** @return whether {@link #start(String)} can find a PostgreSQL to run */
    public static boolean isInstalled() {
        return installedBinaries().isPresent();
    }

    /**
     * Creates a cluster, starts it and creates {@code database} in it.
     *
     * @throws IllegalStateException if PostgreSQL is not installed or does not start
     */
    public static PostgresServer start(String database) {
        Path bin = installedBinaries().orElseThrow(() -> new IllegalStateException(INSTALL_HINT));
        boolean root = isRoot();
        try {
            Path targetDir = Files.createDirectories(Path.of("target", "postgres").toAbsolutePath());
            Path baseDir;
            if (root) {
                baseDir = Files.createTempDirectory(Path.of("/tmp"), "learnstack-postgres-");
                UserPrincipal owner = baseDir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER);
                Files.setOwner(baseDir, owner);
            } else {
                baseDir = Files.createTempDirectory(targetDir, "cluster-");
                if (baseDir.resolve("socket").toString().length() > MAX_SOCKET_DIR_LENGTH) {
                    baseDir = Files.createTempDirectory("learnstack-postgres-");
                }
            }
            Path logFile = targetDir.resolve(baseDir.getFileName() + ".log");
            PostgresServer server = new PostgresServer(bin, root, baseDir, logFile);
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            try {
                server.initdb();
                server.startServer();
                server.createDatabase(database);
            } catch (RuntimeException | Error failure) {
                server.stopQuietly();
                throw failure;
            }
            return server;
        } catch (IOException failure) {
            throw new UncheckedIOException("could not prepare a PostgreSQL cluster", failure);
        }
    }

    /** @return e.g. {@code jdbc:postgresql://127.0.0.1:41234/learnstack} */
    public String jdbcUrl() {
        return jdbcUrl(database);
    }

    /** @return the superuser, who needs no password (trust authentication) */
    public String username() {
        return SUPERUSER;
    }

    /** @return the server's version, e.g. {@code 15.13 (Debian 15.13-0+deb12u1)} */
    public String version() {
        return version;
    }

    public int port() {
        return port;
    }

    /** @return the server's log file */
    public Path log() {
        return logFile;
    }

    /** Stops the server (fast shutdown: open sessions are rolled back) and deletes its cluster. */
    public synchronized void stop() {
        if (server != null) {
            try {
                if (server.isAlive()) {
                    run(List.of(tool("pg_ctl"), "stop", "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "30"),
                            Duration.ofSeconds(40), false);
                }
            } finally {
                terminate(server);
                server = null;
            }
        }
        deleteRecursively(baseDir);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook itself
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException ignored) {
            // best effort: the JVM is going away or the start already failed
        }
    }

    private void initdb() {
        run(List.of(tool("initdb"), "-D", dataDir.toString(), "-U", SUPERUSER, "--auth=trust", "--encoding=UTF8",
                "--no-locale", "--no-sync"), Duration.ofSeconds(120), true);
    }

    private void startServer() throws IOException {
        Path socketDir = Files.createDirectories(baseDir.resolve("socket"));
        if (asOsUser) {
            Files.setOwner(socketDir, Files.getOwner(baseDir));
        }
        IllegalStateException lastFailure = null;
        for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
            port = freePort();
            List<String> command = List.of(tool("postgres"), "-D", dataDir.toString(), "-p", Integer.toString(port),
                    "-h", "127.0.0.1", "-k", socketDir.toString(),
                    // a throwaway cluster: durability after an OS crash does not matter
                    "-c", "fsync=off", "-c", "full_page_writes=off");
            server = new ProcessBuilder(asUser(command)).directory(baseDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            try {
                awaitConnectable();
                return;
            } catch (IllegalStateException failure) {
                lastFailure = failure;
                terminate(server);
                server = null;
            }
        }
        throw lastFailure;
    }

    private void awaitConnectable() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("postgres exited with " + server.exitValue() + " while starting on port "
                        + port + "; see " + logFile + ":\n" + tail(logFile));
            }
            try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
                 Statement statement = connection.createStatement();
                 var result = statement.executeQuery("SHOW server_version")) {
                result.next();
                version = result.getString(1);
                return;
            } catch (SQLException notYet) {
                last = notYet;
            }
            sleep(100);
        }
        throw new IllegalStateException("postgres did not accept connections on port " + port + " within "
                + STARTUP_TIMEOUT + " (last: " + (last == null ? "-" : last.getMessage()) + "); see " + logFile
                + ":\n" + tail(logFile));
    }

    private void createDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\" ENCODING 'UTF8'");
            this.database = name;
        } catch (SQLException failure) {
            throw new IllegalStateException("could not create database " + name, failure);
        }
    }

    private String jdbcUrl(String db) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + db;
    }

    private String tool(String name) {
        return binDir.resolve(name).toString();
    }

    /** Runs a command to completion, as the PostgreSQL OS user when the JVM is root. */
    private void run(List<String> command, Duration timeout, boolean mustSucceed) {
        try {
            Process process = new ProcessBuilder(asUser(command)).directory(baseDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                terminate(process);
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
            }
            if (mustSucceed && process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                        + "; see " + logFile + ":\n" + tail(logFile));
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("could not run " + command.get(0), failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), interrupted);
        }
    }

    private List<String> asUser(List<String> command) {
        if (!asOsUser) {
            return command;
        }
        List<String> wrapped = new ArrayList<>();
        Optional<Path> runuser = Stream.of("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser")
                .map(Path::of).filter(Files::isExecutable).findFirst();
        if (runuser.isPresent()) {
            wrapped.addAll(List.of(runuser.get().toString(), "-u", OS_USER, "--"));
            wrapped.addAll(command);
        } else {
            StringBuilder shell = new StringBuilder("exec");
            command.forEach(word -> shell.append(" '").append(word.replace("'", "'\\''")).append('\''));
            wrapped.addAll(List.of("su", OS_USER, "-s", "/bin/sh", "-c", shell.toString()));
        }
        return wrapped;
    }

    private static void terminate(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isRoot() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            id.waitFor(10, TimeUnit.SECONDS);
            return "0".equals(uid);
        } catch (IOException failure) {
            return "root".equals(System.getProperty("user.name"));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /** {@code "15"} and {@code "9.6"} as comparable numbers: 15 > 9.6. */
    private static long versionKey(String version) {
        long key = 0;
        String[] parts = version.split("\\.");
        for (int i = 0; i < 2; i++) {
            long part = 0;
            if (i < parts.length) {
                try {
                    part = Long.parseLong(parts[i]);
                } catch (NumberFormatException notANumber) {
                    part = -1;
                }
            }
            key = key * 1000 + part;
        }
        return key;
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException unreadable) {
            return "(no log)";
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for postgres", interrupted);
        }
    }
}
