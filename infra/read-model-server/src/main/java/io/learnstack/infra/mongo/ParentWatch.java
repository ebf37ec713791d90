package io.learnstack.infra.mongo;

import java.util.Optional;

/**
 * Ends this process when the process that started it ends, if that one asked for it with
 * {@code -Dlearnstack.parent-pid=PID}: a test JVM that dies without running its shutdown hooks
 * must not leave a server behind that holds memory and ports.
 */
final class ParentWatch {

    static final String PROPERTY = "learnstack.parent-pid";

    private ParentWatch() {
    }

    static void install() {
        String pid = System.getProperty(PROPERTY);
        if (pid == null || pid.isBlank()) {
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(pid.trim()));
        if (parent.isEmpty()) {
            System.err.println("Parent process " + pid + " is gone; exiting");
            System.exit(1);
        }
        parent.get().onExit().thenRun(() -> {
            System.err.println("Parent process " + pid + " ended; shutting down");
            System.exit(0);
        });
    }
}
