package io.learnstack.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import io.learnstack.events.EventTypes;
import io.learnstack.testsupport.LocalInfrastructure;

/**
 * What the command service published on the topic, read by a consumer group of the test's own from the
 * beginning, and kept as it arrives so that a test can wait for the records it expects.
 */
public final class PublishedEvents implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> published = new CopyOnWriteArrayList<>();

    /** Subscribes to the topic of the shared local infrastructure. */
    public PublishedEvents(String groupPrefix) {
        consumer = XapiRequests.consumer(LocalInfrastructure.shared().kafkaBootstrapServers(), groupPrefix);
        consumer.subscribe(List.of(XapiRequests.TOPIC));
    }

    /**
     * Waits until exactly {@code count} distinct events match. Publishing is at least once (a batch is sent
     * again after a failure), so events are told apart by their id header.
     *
     * @return the matching events, in the order they were published
     */
    public List<ConsumerRecord<String, byte[]>> awaitDistinct(Predicate<ConsumerRecord<String, byte[]>> matching,
            int count) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        await().atMost(WAIT).untilAsserted(() -> {
            poll();
            found.clear();
            Set<String> eventIds = new HashSet<>();
            published.stream().filter(matching)
                    .filter(record -> eventIds.add(header(record, EventTypes.ID_HEADER)))
                    .forEach(found::add);
            assertThat(found).hasSize(count);
        });
        return found;
    }

    /** Waits until some record matches, and returns the first that does. */
    public ConsumerRecord<String, byte[]> awaitFirst(Predicate<ConsumerRecord<String, byte[]>> matching) {
        await().atMost(WAIT).untilAsserted(() -> {
            poll();
            assertThat(published).anyMatch(matching);
        });
        return published.stream().filter(matching).findFirst().orElseThrow();
    }

    /** A header's value as text. */
    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(published::add);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
