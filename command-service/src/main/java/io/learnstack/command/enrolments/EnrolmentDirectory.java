package io.learnstack.command.enrolments;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which learner's aggregate holds an enrolment: the withdrawal and completion requests name only the
 * enrolment. Rows are written in the transaction that appends the enrolment's events, so they agree.
 */
@Component
class EnrolmentDirectory {

    private final JdbcTemplate jdbc;

    EnrolmentDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> aggregateOf(String tenant, String enrolmentId) {
        List<String> rows = jdbc.queryForList(
                "SELECT aggregateIdentifier FROM EnrolmentDirectory WHERE tenant = ? AND enrolmentId = ?",
                String.class, tenant, enrolmentId);
        return rows.stream().findFirst();
    }

    void record(String tenant, String enrolmentId, String aggregateId) {
        jdbc.update("INSERT INTO EnrolmentDirectory (tenant, enrolmentId, aggregateIdentifier) VALUES (?, ?, ?)",
                tenant, enrolmentId, aggregateId);
    }
}
