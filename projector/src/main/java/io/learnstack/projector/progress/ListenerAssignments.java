package io.learnstack.projector.progress;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * Notes when the group first handed the listener its share of the partitions. Until then the consumer is
 * joining the group and applies nothing. The assignment may be empty (more consumers than partitions):
 * that still counts, as the group has settled.
 */
@Component
class ListenerAssignments implements ConsumerAwareRebalanceListener {

    private final AtomicBoolean assigned = new AtomicBoolean();

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        assigned.set(true);
    }

    boolean assigned() {
        return assigned.get();
    }
}
