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

    private static final Map<String, Class<? extends LearnstackEvent>> BY_NAME = Map.of(
            "StatementRecorded", StatementRecorded.class,
            "StatementVoided", StatementVoided.class,
            "LearningActivityRecorded", LearningActivityRecorded.class,
            "AssessmentSubmitted", AssessmentSubmitted.class,
            "CompletionRecorded", CompletionRecorded.class,
            "DocumentStored", DocumentStored.class,
            "DocumentDeleted", DocumentDeleted.class,
            "AttachmentStored", AttachmentStored.class);

    private static final Map<Class<? extends LearnstackEvent>, String> BY_CLASS = BY_NAME.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    private EventTypes() {
    }

    /** The wire name of an event. */
    public static String nameOf(LearnstackEvent event) {
        return BY_CLASS.get(event.getClass());
    }

    /** The event class for a wire name, or empty for a type this version does not know. */
    public static Optional<Class<? extends LearnstackEvent>> classOf(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
