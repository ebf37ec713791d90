package io.learnstack.command.awards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import io.learnstack.events.CredentialIssued;
import io.learnstack.events.CredentialRevoked;

/** The command side's award tables, on an in-memory H2 database with the service's own schema script. */
class JdbcIssuerKeysTest {

    private JdbcTemplate jdbc;

    @BeforeEach
    void createSchema() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:awards-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("schema-h2.sql")).execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void dropDatabase() {
        jdbc.execute("SHUTDOWN");
    }

    @Nested
    class Keys {

        @Test
        void theFirstUseCreatesAndStoresTheTenantsKey() {
            IssuerKey created = new JdbcIssuerKeys(jdbc).current("demo");

            // a fresh instance, as another command-service would be, reads the same key back
            IssuerKey read = new JdbcIssuerKeys(jdbc).current("demo");
            assertThat(read.keyId()).isEqualTo(created.keyId());
            assertThat(read.privateKey().getEncoded()).isEqualTo(created.privateKey().getEncoded());
            assertThat(jdbc.queryForObject("SELECT keyId FROM IssuerKey WHERE tenant = 'demo'", String.class))
                    .isEqualTo(created.keyId());
        }

        @Test
        void eachTenantHasItsOwnKey() {
            JdbcIssuerKeys keys = new JdbcIssuerKeys(jdbc);

            assertThat(keys.current("demo").keyId()).isNotEqualTo(keys.current("harbour-rto").keyId());
        }

        @Test
        void instancesCreatingAtOnceAllEndUpWithOneKey() throws Exception {
            int instances = 8;
            ExecutorService pool = Executors.newFixedThreadPool(instances);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            try {
                for (int i = 0; i < instances; i++) {
                    JdbcIssuerKeys instance = new JdbcIssuerKeys(jdbc);
                    Callable<String> create = () -> {
                        start.await();
                        return instance.current("northside-rto").keyId();
                    };
                    results.add(pool.submit(create));
                }
                start.countDown();
                Set<String> keyIds = new HashSet<>();
                for (Future<String> result : results) {
                    keyIds.add(result.get(30, TimeUnit.SECONDS));
                }

                assertThat(keyIds).hasSize(1);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM IssuerKey", Integer.class)).isEqualTo(1);
                assertThat(keyIds).containsExactly(
                        jdbc.queryForObject("SELECT keyId FROM IssuerKey", String.class));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class Deadlines {

        private static final Instant UNTIL = Instant.parse("2029-11-24T09:00:00Z");

        @Test
        void anExpiringAwardIsDueAtItsValidUntilAndNotBefore() {
            AwardDeadlines deadlines = new AwardDeadlines(jdbc);

            deadlines.on(issued("a1", UNTIL));
            deadlines.on(issued("a2", null));

            assertThat(deadlines.due(UNTIL.minusMillis(1), 10)).isEmpty();
            assertThat(deadlines.due(UNTIL, 10)).containsExactly("a1");
        }

        @Test
        void aRevokedAwardHasNoDeadlineLeft() {
            AwardDeadlines deadlines = new AwardDeadlines(jdbc);
            deadlines.on(issued("a1", UNTIL));

            deadlines.on(new CredentialRevoked("demo", "a1", "mbox:mailto:ada@example.org", "first-aid", "error",
                    "demo", UNTIL.minusSeconds(60)));

            assertThat(deadlines.due(UNTIL.plusSeconds(60), 10)).isEmpty();
        }

        private static CredentialIssued issued(String awardId, Instant validUntil) {
            return new CredentialIssued("demo", awardId, "mbox:mailto:ada@example.org", "first-aid", 1, null,
                    UNTIL.minusSeconds(1000), UNTIL.minusSeconds(900), validUntil, "a.b.c");
        }
    }
}
