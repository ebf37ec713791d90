package io.learnstack.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The Kafka broker, the event store server and the read-model server, started once per JVM and shared
 * by every test in it.
 *
 * <p>The first call to {@link #shared()} starts the three side by side on free ports and returns when
 * all are ready; later calls return the same instance. They stop when the JVM exits. Tests must therefore
 * not rely on empty topics, tables or collections: use names of their own (a random suffix will do).
 * A test may stop, kill or restart one of them through {@link #kafka()}, {@link #eventStore()} or
 * {@link #readModel()}, but must leave it running for the tests after it.
 *
 * <p>Files go to a new directory under {@code target/} when the working directory has one (as under
 * Maven), where they stay for a look after a failed build, and otherwise under the system temporary
 * directory, which is deleted at exit. The system property {@code learnstack.infra.dir} names another
 * parent directory (kept at exit).
 */
public final class LocalInfrastructure {

    /** System property naming the directory under which the shared processes keep their files. */
    public static final String DIR_PROPERTY = "learnstack.infra.dir";

    private static final Object LOCK = new Object();
    private static LocalInfrastructure shared;
    private static RuntimeException startFailure;

    private final Path baseDir;
    private final KafkaBrokerProcess kafka;
    private final EventStoreServerProcess eventStore;
    private final ReadModelServerProcess readModel;

    private LocalInfrastructure(Path baseDir, KafkaBrokerProcess kafka, EventStoreServerProcess eventStore,
                                ReadModelServerProcess readModel) {
        this.baseDir = baseDir;
        this.kafka = kafka;
        this.eventStore = eventStore;
        this.readModel = readModel;
    }

    /**
     * @return the processes of this JVM, started on the first call
     * @throws IllegalStateException if they cannot be started (later calls fail the same way at once)
     */
    public static LocalInfrastructure shared() {
        synchronized (LOCK) {
            if (shared == null && startFailure == null) {
                try {
                    shared = startAll();
                } catch (RuntimeException e) {
                    startFailure = e;
                }
            }
            if (startFailure != null) {
                throw new IllegalStateException("the shared test infrastructure could not be started", startFailure);
            }
            return shared;
        }
    }

    /** @return the broker's {@code bootstrap.servers}, e.g. {@code 127.0.0.1:41234} */
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** @return e.g. {@code jdbc:h2:tcp://127.0.0.1:41235/learnstack-events} */
    public String eventStoreJdbcUrl() {
        return eventStore.jdbcUrl();
    }

    /** @return e.g. {@code mongodb://127.0.0.1:41236/learnstack} */
    public String mongoUri() {
        return readModel.mongoUri();
    }

    /** @return the Kafka broker */
    public KafkaBrokerProcess kafka() {
        return kafka;
    }

    /** @return the event store server */
    public EventStoreServerProcess eventStore() {
        return eventStore;
    }

    /** @return the read-model server */
    public ReadModelServerProcess readModel() {
        return readModel;
    }

    /** @return the directory holding the three data directories and their logs */
    public Path baseDir() {
        return baseDir;
    }

    @Override
    public String toString() {
        return "LocalInfrastructure[" + kafka + "; " + eventStore + "; " + readModel + "]";
    }

    private static LocalInfrastructure startAll() {
        Location location = Location.choose();
        Path baseDir = location.dir;
        // Each start mostly waits for a JVM to boot, so three at once take little longer than the slowest.
        ExecutorService starters = Executors.newFixedThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "local-infrastructure-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<KafkaBrokerProcess> kafka =
                    startAsync(() -> KafkaBrokerProcess.start(baseDir.resolve("kafka")), starters);
            CompletableFuture<EventStoreServerProcess> eventStore =
                    startAsync(() -> EventStoreServerProcess.start(baseDir.resolve("event-store")), starters);
            CompletableFuture<ReadModelServerProcess> readModel =
                    startAsync(() -> ReadModelServerProcess.start(baseDir.resolve("read-models")), starters);
            try {
                CompletableFuture.allOf(kafka, eventStore, readModel).join();
            } catch (CompletionException e) {
                List.of(kafka, eventStore, readModel).forEach(future -> future.thenAccept(LocalInfrastructure::stop));
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            LocalInfrastructure infrastructure =
                    new LocalInfrastructure(baseDir, kafka.join(), eventStore.join(), readModel.join());
            Runtime.getRuntime().addShutdownHook(
                    new Thread(() -> infrastructure.shutDown(location.deleteOnExit), "local-infrastructure-stop"));
            return infrastructure;
        } finally {
            starters.shutdown();
        }
    }

    private static <T> CompletableFuture<T> startAsync(Supplier<T> start, ExecutorService executor) {
        return CompletableFuture.supplyAsync(start, executor);
    }

    private static void stop(Object process) {
        if (process instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("Cannot stop " + process + ": " + e);
            }
        }
    }

    private void shutDown(boolean deleteFiles) {
        // Side by side: the broker alone takes a second or two.
        CompletableFuture.allOf(
                CompletableFuture.runAsync(kafka::stop),
                CompletableFuture.runAsync(eventStore::stop),
                CompletableFuture.runAsync(readModel::stop)).join();
        if (deleteFiles) {
            deleteRecursively(baseDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Cannot delete " + dir + ": " + e);
        }
    }

    /** Where the files go, and whether they are thrown away at exit. */
    private record Location(Path dir, boolean deleteOnExit) {

        static Location choose() {
            try {
                String configured = System.getProperty(DIR_PROPERTY);
                if (configured != null && !configured.isBlank()) {
                    Path parent = Files.createDirectories(Path.of(configured));
                    return new Location(Files.createTempDirectory(parent, "learnstack-infra-"), false);
                }
                Path target = Path.of("target");
                if (Files.isDirectory(target)) {
                    return new Location(Files.createTempDirectory(target.toAbsolutePath(), "learnstack-infra-"), false);
                }
                return new Location(Files.createTempDirectory("learnstack-infra-"), true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a directory for the test infrastructure", e);
            }
        }
    }
}
