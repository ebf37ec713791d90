package io.learnstack.events;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The names under which events travel on the bus, independent of Java class names so that a
 * class can be refactored without breaking consumers that read older records.
 *
 * @since 0.1
 */
public final class EventTypes {

    /** Kafka header holding the event's type name. */
    public static final String TYPE_HEADER = "learnstack-event-type";
    /** Kafka header holding the event's payload revision. */
    public static final String REVISION_HEADER = "learnstack-event-revision";
    /** Kafka header holding the event's unique id. */
    public static final String ID_HEADER = "learnstack-event-id";
    /** Kafka header holding when the event was appended to the event store (ISO-8601). */
    public static final String TIME_HEADER = "learnstack-event-time";
    /** Kafka header holding the event's global position in the event store. */
    public static final String POSITION_HEADER = "learnstack-event-position";

    private static final Map<String, Class<? extends LearnstackEvent>> BY_NAME = Map.ofEntries(
            Map.entry("StatementRecorded", StatementRecorded.class),
            Map.entry("StatementVoided", StatementVoided.class),
            Map.entry("LearningActivityRecorded", LearningActivityRecorded.class),
            Map.entry("AssessmentSubmitted", AssessmentSubmitted.class),
            Map.entry("CompletionRecorded", CompletionRecorded.class),
            Map.entry("DocumentStored", DocumentStored.class),
            Map.entry("DocumentDeleted", DocumentDeleted.class),
            Map.entry("AttachmentStored", AttachmentStored.class),
            Map.entry("CredentialDefined", CredentialDefined.class),
            Map.entry("CredentialRevised", CredentialRevised.class),
            Map.entry("CredentialRetired", CredentialRetired.class),
            Map.entry("CredentialIssued", CredentialIssued.class),
            Map.entry("CredentialRevoked", CredentialRevoked.class),
            Map.entry("CredentialExpired", CredentialExpired.class),
            Map.entry("IssuerKeyPublished", IssuerKeyPublished.class),
            Map.entry("LearnerEnrolled", LearnerEnrolled.class),
            Map.entry("LearnerReEnrolled", LearnerReEnrolled.class),
            Map.entry("EnrolmentWithdrawn", EnrolmentWithdrawn.class),
            Map.entry("EnrolmentCompleted", EnrolmentCompleted.class),
            Map.entry("ClientKeyIssued", ClientKeyIssued.class),
            Map.entry("ClientKeySecretRotated", ClientKeySecretRotated.class),
            Map.entry("ClientKeyRevoked", ClientKeyRevoked.class));

    private static final Map<Class<? extends LearnstackEvent>, String> BY_CLASS = BY_NAME.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    private EventTypes() {
    }

    /** The wire name of an event. */
    public static String nameOf(LearnstackEvent event) {
        return BY_CLASS.get(event.getClass());
    }

    /** The wire name of an event class, or null for a class that is not one of the events. */
    public static String nameOf(Class<?> eventClass) {
        return BY_CLASS.get(eventClass);
    }

    /** The event class for a wire name, or empty for a type this version does not know. */
    public static Optional<Class<? extends LearnstackEvent>> classOf(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
