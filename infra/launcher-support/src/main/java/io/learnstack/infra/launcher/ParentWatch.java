package io.learnstack.infra.launcher;

import java.util.Optional;

/**
 * Ends this process when the process that started it ends, if that one asked for it with
 * {@code -Dlearnstack.parent-pid=PID}: a test JVM that dies without running its shutdown hooks
 * must not leave a launcher behind that holds memory and ports.
 */
public final class ParentWatch {

    /** The system property naming the process to watch. */
    public static final String PROPERTY = "learnstack.parent-pid";

    private ParentWatch() {
    }

    /**
     * Exits at once (status 1) if the process named by {@value #PROPERTY} is already gone, and otherwise
     * exits (status 0, running the shutdown hooks) as soon as it ends. Does nothing without the property.
     */
    public static void install() {
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
