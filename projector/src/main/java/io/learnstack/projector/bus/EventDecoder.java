package io.learnstack.projector.bus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnstack.events.EventTypes;
import io.learnstack.events.LearnstackEvent;
import io.learnstack.projector.progress.ProjectionProgress;

/** Turns Kafka records back into events by their type header. */
@Component
class EventDecoder {

    private static final Logger log = LoggerFactory.getLogger(EventDecoder.class);

    private final ObjectMapper json;

    EventDecoder(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @return the event, or empty for a type this projector does not know (a newer producer's event),
     *         which it skips rather than stopping every projection
     */
    Optional<Envelope> decode(ConsumerRecord<String, byte[]> record) throws IOException {
        Header type = record.headers().lastHeader(EventTypes.TYPE_HEADER);
        Optional<Class<? extends LearnstackEvent>> eventClass = type == null ? Optional.empty()
                : EventTypes.classOf(new String(type.value(), StandardCharsets.UTF_8));
        if (eventClass.isEmpty()) {
            log.warn("skipping record {}-{}@{} of unknown type", record.topic(), record.partition(), record.offset());
            return Optional.empty();
        }
        LearnstackEvent event = json.readValue(record.value(), eventClass.get());
        return Optional.of(new Envelope(event, record.topic(), record.partition(), record.offset()));
    }

    /** Where a record stands on its topic, with the time its event was appended to the event store. */
    static ProjectionProgress.Applied position(ConsumerRecord<?, ?> record) {
        Header time = record.headers().lastHeader(EventTypes.TIME_HEADER);
        return new ProjectionProgress.Applied(record.topic(), record.partition(), record.offset(),
                Date.from(time == null ? Instant.ofEpochMilli(record.timestamp())
                        : Instant.parse(new String(time.value(), StandardCharsets.UTF_8))));
    }
}
