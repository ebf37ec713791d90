package io.learnstack.command.postgres;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a {@link PostgresServer} for one test class: skips the class when PostgreSQL is not installed,
 * starts the server before the class and stops it after it.
 *
 * <p>Declare it with {@code @ExtendWith} <em>before</em> {@code @SpringBootTest}: JUnit runs after-all
 * callbacks in the reverse order of registration, so the server then stops only after Spring has closed
 * the class's (dirtied) application context, whose publisher and connection pool use it.
 */
public final class PostgresServerExtension implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

    /** The database the server is started with. */
    public static final String DATABASE = "learnstack";

    private static PostgresServer server;

    /** @return the running server, started on the first call (as from a {@code @DynamicPropertySource}) */
    public static synchronized PostgresServer server() {
        if (server == null) {
            server = PostgresServer.start(DATABASE);
        }
        return server;
    }

    /** Skips the class with the way to install PostgreSQL; Maven's report then lists each test as skipped. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return PostgresServer.isInstalled() ? ConditionEvaluationResult.enabled("PostgreSQL is installed")
                : ConditionEvaluationResult.disabled(PostgresServer.INSTALL_HINT);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        assumeTrue(PostgresServer.isInstalled(), PostgresServer.INSTALL_HINT);
        server();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        synchronized (PostgresServerExtension.class) {
            if (server != null) {
                try {
                    server.stop();
                } finally {
                    server = null;
                }
            }
        }
    }
}
