package io.learnstack.command.enrolments;

import java.util.List;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the statement intake needs of enrolments: the commands a statement stands for, and sending them
 * within the unit of work that records the statement, so both are stored together or not at all.
 */
@Component
public class StatementEnrolments {

    private final EnrolmentClassifier classifier;
    private final EnrolmentDesk desk;

    StatementEnrolments(EnrolmentClassifier classifier, EnrolmentDesk desk) {
        this.classifier = classifier;
        this.desk = desk;
    }

    /**
     * @param statement a valid, normalised statement of the tenant
     * @return the enrolment commands it stands for, often none
     */
    public List<EnrolmentCommand> commandsFor(String tenant, JsonNode statement) {
        return classifier.classify(tenant, statement);
    }

    /** Sends the commands within the unit of work under way; what does not fit a learner's enrolments is left out. */
    public void sendWithin(String tenant, List<EnrolmentCommand> commands) {
        desk.sendWithin(tenant, commands);
    }
}
