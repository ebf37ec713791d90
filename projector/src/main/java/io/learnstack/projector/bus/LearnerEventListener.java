package io.learnstack.projector.bus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.learnstack.events.EventTypes;
import io.learnstack.projector.progress.ProjectionProgress;

/**
 * Consumes learner events in batches and applies them to every projection, then records the progress.
 * The container commits the batch's offsets only after this returns, so a crash at any point means the
 * batch is delivered again and applied again, which the projections absorb.
 */
@Component
class LearnerEventListener {

    private final List<Projection> projections;
    private final ProjectionProgress progress;
    private final EventDecoder decoder;
    private final Timer batchTimer;

    LearnerEventListener(List<Projection> projections, ProjectionProgress progress, EventDecoder decoder,
            MeterRegistry meters) {
        this.projections = projections;
        this.progress = progress;
        this.decoder = decoder;
        this.batchTimer = meters.timer("learnstack.projection.batch");
    }

    @KafkaListener(id = "learnstack-projector", topics = "${learnstack.projector.topic}", batch = "true",
            autoStartup = "#{!${learnstack.projector.rebuild:false}}")
    void on(List<ConsumerRecord<String, byte[]>> records) throws IOException {
        Timer.Sample sample = Timer.start();
        List<Envelope> batch = new ArrayList<>(records.size());
        Map<String, ProjectionProgress.Applied> lastApplied = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            decoder.decode(record).ifPresent(batch::add);
            lastApplied.put(ProjectionProgress.documentId(record.topic(), record.partition()),
                    new ProjectionProgress.Applied(record.topic(), record.partition(), record.offset(),
                            eventTime(record)));
        }
        for (Projection projection : projections) {
            projection.apply(batch);
        }
        progress.recordApplied(lastApplied);
        sample.stop(batchTimer);
    }

    private static Date eventTime(ConsumerRecord<String, byte[]> record) {
        Header time = record.headers().lastHeader(EventTypes.TIME_HEADER);
        return Date.from(time == null ? Instant.ofEpochMilli(record.timestamp())
                : Instant.parse(new String(time.value(), StandardCharsets.UTF_8)));
    }
}
