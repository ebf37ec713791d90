package io.learnstack.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.learnstack.testsupport.FreePorts;
import io.learnstack.testsupport.JavaProcess;
import io.learnstack.testsupport.LocalInfrastructure;

/**
 * The whole system as {@code learnstack up} runs it: the broker and the two database servers, then the
 * command service, projector, query service and entry point, each its own process from its packaged jar.
 * Scaled out, it runs more command-service instances behind the entry point and more projectors in the
 * projector group.
 */
final class Learnstack implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path root = Path.of(System.getProperty("learnstack.root", "../.."));
    private final LocalInfrastructure infrastructure = LocalInfrastructure.shared();
    private final Path logs = infrastructure.baseDir().resolve("services");
    private final int commandPort = FreePorts.next();
    private final int queryPort = FreePorts.next();
    private final int projectorPort = FreePorts.next();
    private final int gatewayPort = FreePorts.next();
    private JavaProcess command;
    private JavaProcess query;
    private JavaProcess projector;
    private JavaProcess gateway;
    private final String[] serviceArgs;
    private final List<JavaProcess> extraCommands = new ArrayList<>();
    private final List<JavaProcess> extraProjectors = new ArrayList<>();
    private final List<Integer> commandPorts = new ArrayList<>();
    private int projectorsStarted;

    Learnstack() {
        this(new String[0]);
    }

    /** The system with these extra arguments (e.g. other keys) for the command, projector and query service. */
    Learnstack(String... serviceArgs) {
        this(1, 1, serviceArgs);
    }

    /**
     * The system with this many command-service instances behind the entry point and this many projectors
     * in the projector group. Scaled out, each projector's Kafka client id is {@code projector-<n>}, so the
     * group's members show which projector holds which partitions.
     */
    Learnstack(int commandInstances, int projectorInstances, String... serviceArgs) {
        this.serviceArgs = serviceArgs.clone();
        try {
            start(commandInstances, projectorInstances);
        } catch (RuntimeException e) {
            // Nothing else would stop what did start: the caller never gets this object to close.
            close();
            throw e;
        }
    }

    private void start(int commandInstances, int projectorInstances) {
        boolean scaledOut = commandInstances > 1 || projectorInstances > 1;
        // The first command service creates the event store's tables; the others start once it has.
        command = service("command-service", "command-service/target/command-service.jar", commandPort);
        commandPorts.add(commandPort);
        awaitHealthy(command, commandPort);
        for (int i = 1; i < commandInstances; i++) {
            int port = FreePorts.next();
            extraCommands.add(service("command-service-" + (i + 1), "command-service/target/command-service.jar", port));
            commandPorts.add(port);
        }
        projector = scaledOut ? service("projector", "projector/target/projector.jar", projectorPort,
                clientId(++projectorsStarted)) : service("projector", "projector/target/projector.jar", projectorPort);
        List<Integer> extraProjectorPorts = new ArrayList<>();
        for (int i = 1; i < projectorInstances; i++) {
            extraProjectorPorts.add(FreePorts.next());
            extraProjectors.add(service("projector-" + (i + 1), "projector/target/projector.jar",
                    extraProjectorPorts.get(i - 1), clientId(++projectorsStarted)));
        }
        query = service("query-service", "query-service/target/query-service.jar", queryPort);
        for (int i = 0; i < extraCommands.size(); i++) {
            awaitHealthy(extraCommands.get(i), commandPorts.get(i + 1));
        }
        awaitHealthy(projector, projectorPort);
        for (int i = 0; i < extraProjectors.size(); i++) {
            awaitHealthy(extraProjectors.get(i), extraProjectorPorts.get(i));
        }
        awaitHealthy(query, queryPort);
        gateway = JavaProcess.builder("gateway").jar(jar("infra/gateway/target/gateway.jar"))
                .jvmOptions("-Xmx256m", "-XX:TieredStopAtLevel=1")
                .args("--server.port=" + gatewayPort,
                        "--learnstack.gateway.command-uri=" + commandPorts.stream()
                                .map(port -> "http://127.0.0.1:" + port).collect(Collectors.joining(",")),
                        "--learnstack.gateway.query-uri=http://127.0.0.1:" + queryPort)
                .logDir(logs).start();
        awaitHealthy(gateway, gatewayPort);
    }

    /** The base URL of the entry point, as clients use it. */
    String baseUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    String mongoUri() {
        return infrastructure.mongoUri();
    }

    String kafkaBootstrapServers() {
        return infrastructure.kafkaBootstrapServers();
    }

    String eventStoreJdbcUrl() {
        return infrastructure.eventStoreJdbcUrl();
    }

    /** The pid of each part, named as the run script names its pid files. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("event-store", infrastructure.eventStore().process().pid());
        pids.put("read-model", infrastructure.readModel().process().pid());
        pids.put("kafka", infrastructure.kafka().process().pid());
        pids.put("command-service", command.pid());
        pids.put("projector", projector.pid());
        pids.put("query-service", query.pid());
        pids.put("gateway", gateway.pid());
        for (int i = 0; i < extraCommands.size(); i++) {
            pids.put("command-service-" + (i + 2), extraCommands.get(i).pid());
        }
        return pids;
    }

    JavaProcess projector() {
        return projector;
    }

    /**
     * Starts a new projector process, with these extra arguments, after the old one was stopped or killed,
     * and waits until it is alive: with a backlog it is not ready until it has caught up, and the tests
     * want to see it at work.
     */
    void startProjector(String... extraArgs) {
        projector = service("projector", "projector/target/projector.jar", projectorPort, extraArgs);
        awaitProbe(projector, projectorPort, "/actuator/health/liveness");
    }

    /** Kills one part at once, as {@code kill -9} does; parts are named as in {@link #pids()}. */
    void kill(String part) {
        switch (part) {
            case "event-store" -> infrastructure.eventStore().kill();
            case "read-model" -> infrastructure.readModel().kill();
            case "kafka" -> infrastructure.kafka().kill();
            case "command-service" -> command.kill();
            case "projector" -> projector.kill();
            case "query-service" -> query.kill();
            default -> throw new IllegalArgumentException("no part " + part);
        }
    }

    /** Starts a killed part again on its port and data, then waits until every service is ready. */
    void restart(String part) {
        switch (part) {
            case "event-store" -> infrastructure.eventStore().restart();
            case "read-model" -> infrastructure.readModel().restart();
            case "kafka" -> infrastructure.kafka().restart();
            case "command-service" -> command = command.restart();
            case "projector" -> startProjector();
            case "query-service" -> query = query.restart();
            default -> throw new IllegalArgumentException("no part " + part);
        }
        awaitReady();
    }

    /** Restarts the projector in rebuild mode and waits until the rebuild is complete and it is ready. */
    void rebuild() {
        long before = rebuildsCompleted();
        projector.stop();
        startProjector("--learnstack.projector.rebuild=true");
        projector.waitUntil("the rebuild is complete", () -> rebuildsCompleted() > before, START_TIMEOUT);
        awaitReady();
    }

    private long rebuildsCompleted() {
        try {
            return Files.readAllLines(projector.logFile()).stream().filter(l -> l.contains("rebuild: complete")).count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** Waits until the command service, projector, query service and entry point all report ready. */
    void awaitReady() {
        awaitProbe(command, commandPort, "/actuator/health/readiness");
        awaitProbe(projector, projectorPort, "/actuator/health/readiness");
        awaitProbe(query, queryPort, "/actuator/health/readiness");
        awaitProbe(gateway, gatewayPort, "/actuator/health/readiness");
    }

    int projectorPort() {
        return projectorPort;
    }

    /** Every command-service instance started, the first one first. */
    List<JavaProcess> commandServices() {
        List<JavaProcess> all = new ArrayList<>(List.of(command));
        all.addAll(extraCommands);
        return all;
    }

    /** Every projector started, the first one first, whether it still runs or not. */
    List<JavaProcess> projectors() {
        List<JavaProcess> all = new ArrayList<>(List.of(projector));
        all.addAll(extraProjectors);
        return all;
    }

    /**
     * Starts one more projector in the group, with Kafka client id {@code projector-<n>}, and waits until it
     * is alive.
     *
     * @return its client id
     */
    String startAnotherProjector() {
        int number = ++projectorsStarted;
        int port = FreePorts.next();
        JavaProcess another = service("projector-" + number, "projector/target/projector.jar", port,
                clientId(number));
        extraProjectors.add(another);
        awaitProbe(another, port, "/actuator/health/liveness");
        return "projector-" + number;
    }

    private static String clientId(int number) {
        return "--spring.kafka.consumer.client-id=projector-" + number;
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request to the entry point with the embedded default credentials and xAPI 1.0.3. */
    HttpRequest.Builder xapi(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes()))
                .header("X-Experience-API-Version", "1.0.3");
    }

    private JavaProcess service(String name, String jar, int port, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--spring.datasource.url=" + infrastructure.eventStoreJdbcUrl(),
                "--spring.data.mongodb.uri=" + infrastructure.mongoUri(),
                "--learnstack.issuance.command-uri=http://127.0.0.1:" + commandPort,
                "--learnstack.public-base-url=" + baseUrl()));
        args.addAll(List.of(serviceArgs));
        args.addAll(List.of(extraArgs));
        return JavaProcess.builder(name).jar(jar(jar))
                .jvmOptions("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
                .env("AXONIQ_UPDATE_CHECKER_DISABLED", "true")
                .args(args.toArray(String[]::new))
                .logDir(logs).start();
    }

    private Path jar(String relative) {
        Path jar = root.resolve(relative).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the modules first (mvn verify does)");
        }
        return jar;
    }

    private void awaitHealthy(JavaProcess process, int port) {
        awaitProbe(process, port, "/actuator/health");
    }

    private void awaitProbe(JavaProcess process, int port, String probe) {
        process.waitUntil(probe + " reports UP", () -> {
            HttpResponse<String> health = send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + probe)).timeout(Duration.ofSeconds(2)));
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        }, START_TIMEOUT);
    }

    @Override
    public void close() {
        for (JavaProcess process : Arrays.asList(gateway, query, projector)) {
            if (process != null) {
                process.stop();
            }
        }
        extraProjectors.forEach(JavaProcess::stop);
        if (command != null) {
            command.stop();
        }
        extraCommands.forEach(JavaProcess::stop);
    }
}
