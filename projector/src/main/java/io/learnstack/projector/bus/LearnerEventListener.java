package io.learnstack.projector.bus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.learnstack.projector.progress.BatchFailures;
import io.learnstack.projector.progress.ProjectionProgress;

/**
 * Consumes learner events in batches and applies them to every projection, then records the progress.
 * The container commits the batch's offsets only after this returns, so a crash at any point means the
 * batch is delivered again and applied again, which the projections absorb.
 * <p>
 * A record that can never be applied (see {@link Failures}) is named to the error handler by its index
 * in a {@link BatchListenerFailedException}, after every record before it has been applied: the handler
 * commits those, sends the poison record to the dead-letter topic and delivers the rest again. Any other
 * failure leaves the whole batch to be retried.
 */
@Component
class LearnerEventListener {

    private static final Logger log = LoggerFactory.getLogger(LearnerEventListener.class);

    private final List<Projection> projections;
    private final ProjectionProgress progress;
    private final EventDecoder decoder;
    private final BatchFailures failures;
    private final Timer batchTimer;

    LearnerEventListener(List<Projection> projections, ProjectionProgress progress, EventDecoder decoder,
            BatchFailures failures, MeterRegistry meters) {
        this.projections = projections;
        this.progress = progress;
        this.decoder = decoder;
        this.failures = failures;
        this.batchTimer = meters.timer("learnstack.projection.batch");
    }

    @KafkaListener(id = "learnstack-projector", topics = "${learnstack.projector.topic}", batch = "true",
            autoStartup = "#{!${learnstack.projector.rebuild:false}}")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        try {
            apply(records);
        } catch (BatchListenerFailedException poison) {
            failures.applied();
            throw poison;
        } catch (RuntimeException e) {
            failures.failed(e);
            throw e;
        }
        failures.applied();
    }

    private void apply(List<ConsumerRecord<String, byte[]>> records) {
        Timer.Sample sample = Timer.start();
        long received = System.currentTimeMillis();
        if (log.isDebugEnabled() && !records.isEmpty()) {
            // The record timestamp is the producer's send time: the difference is the trip over the bus.
            log.debug("batch of {} records received {} ms after the newest and {} ms after the oldest was sent",
                    records.size(), received - records.stream().mapToLong(ConsumerRecord::timestamp).max().getAsLong(),
                    received - records.stream().mapToLong(ConsumerRecord::timestamp).min().getAsLong());
        }
        List<Decoded> decoded = new ArrayList<>(records.size());
        Poison poison = null;
        for (int index = 0; index < records.size() && poison == null; index++) {
            try {
                decoded.add(new Decoded(index, decoder.decode(records.get(index)),
                        EventDecoder.position(records.get(index))));
            } catch (Exception e) {
                poison = poisonOrRethrow(index, e);
            }
        }
        int applied = decoded.size();
        try {
            applyAll(decoded);
        } catch (RuntimeException e) {
            if (!Failures.permanent(e)) {
                throw e;
            }
            Poison found = applyOneByOne(decoded);
            if (found != null) {
                poison = found;
                applied = found.index();
            }
        }
        recordProgress(decoded.subList(0, applied));
        sample.stop(batchTimer);
        log.debug("batch of {} records applied in {} ms", records.size(), System.currentTimeMillis() - received);
        if (poison != null) {
            throw new BatchListenerFailedException("record " + poison.index() + " of the batch can never be applied",
                    new PoisonRecordException(poison.failure()), poison.index());
        }
    }

    private void applyAll(List<Decoded> decoded) {
        List<Envelope> batch = decoded.stream().flatMap(record -> record.envelope().stream()).toList();
        for (Projection projection : projections) {
            projection.apply(batch);
        }
    }

    /**
     * Applies the records one at a time to find the first that fails for good; the ones before it are
     * applied again, which changes nothing. The batch may also go through this time (it failed on
     * something of the batch as a whole), and then there is no poison record.
     */
    private Poison applyOneByOne(List<Decoded> decoded) {
        for (Decoded record : decoded) {
            try {
                applyAll(List.of(record));
            } catch (RuntimeException e) {
                return poisonOrRethrow(record.index(), e);
            }
        }
        return null;
    }

    private static Poison poisonOrRethrow(int index, Exception failure) {
        if (!Failures.permanent(failure)) {
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        return new Poison(index, failure);
    }

    private void recordProgress(List<Decoded> applied) {
        Map<String, ProjectionProgress.Applied> lastApplied = new LinkedHashMap<>();
        for (Decoded record : applied) {
            ProjectionProgress.Applied position = record.position();
            lastApplied.put(ProjectionProgress.documentId(position.topic(), position.partition()), position);
        }
        progress.recordApplied(lastApplied);
    }

    /** A record decoded: its event, unless of a type the projector skips, and its place on the topic. */
    private record Decoded(int index, Optional<Envelope> envelope, ProjectionProgress.Applied position) {
    }

    private record Poison(int index, Exception failure) {
    }
}
