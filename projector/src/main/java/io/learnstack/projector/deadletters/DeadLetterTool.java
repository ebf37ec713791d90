package io.learnstack.projector.deadletters;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import ch.qos.logback.classic.Level;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;

import io.learnstack.events.EventTypes;

/**
 * Lists the dead letters, or sends them back to the topic they came from once the projector can apply
 * them. A plain program rather than the projector itself, so it runs next to a live projector:
 * <pre>
 * java -cp projector.jar -Dloader.main=io.learnstack.projector.deadletters.DeadLetterTool \
 *     org.springframework.boot.loader.launch.PropertiesLauncher list|replay [bootstrap-servers] [dead-letter-topic]
 * </pre>
 * Both read the dead-letter topic up to its end as it was when they started. {@code replay} remembers in
 * the consumer group {@value #REPLAY_GROUP} how far it got, so each dead letter is sent back once.
 */
public final class DeadLetterTool {

    /** The consumer group that remembers which dead letters were sent back. */
    public static final String REPLAY_GROUP = "learnstack-dead-letter-replay";

    private static final int SHOWN_VALUE_CHARS = 500;
    private static final Duration POLL = Duration.ofMillis(500);

    private final String bootstrapServers;
    private final String topic;
    private final PrintStream out;

    /**
     * @param bootstrapServers the Kafka brokers
     * @param topic            the dead-letter topic
     * @param out              where to print
     */
    public DeadLetterTool(String bootstrapServers, String topic, PrintStream out) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.out = out;
    }

    public static void main(String[] arguments) throws Exception {
        // The clients' configuration dumps would bury what the command prints.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);
        if (arguments.length < 1 || !List.of("list", "replay").contains(arguments[0])) {
            System.err.println("usage: DeadLetterTool list|replay [bootstrap-servers] [dead-letter-topic]");
            System.exit(2);
        }
        DeadLetterTool tool = new DeadLetterTool(arguments.length > 1 ? arguments[1] : "127.0.0.1:9092",
                arguments.length > 2 ? arguments[2] : "learnstack.events.dead-letters", System.out);
        if (arguments[0].equals("list")) {
            tool.list();
        } else {
            tool.replay(REPLAY_GROUP);
        }
    }

    /**
     * Prints every dead letter: where it is, where it came from, why it failed, and its value.
     *
     * @return how many there are
     */
    public int list() {
        try (KafkaConsumer<String, byte[]> consumer = consumer("learnstack-dead-letter-list-" + UUID.randomUUID())) {
            List<ConsumerRecord<String, byte[]>> deadLetters = readToEnd(consumer);
            for (ConsumerRecord<String, byte[]> record : deadLetters) {
                String value = new String(record.value(), StandardCharsets.UTF_8);
                out.printf("%s-%d@%d key=%s type=%s from=%s-%d@%d%n  %s: %s%n  %d bytes: %s%n", record.topic(),
                        record.partition(), record.offset(), record.key(), text(record, EventTypes.TYPE_HEADER),
                        text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                        number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION),
                        number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                        text(record, KafkaHeaders.DLT_EXCEPTION_FQCN), text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                        record.value().length, value.length() > SHOWN_VALUE_CHARS
                                ? value.substring(0, SHOWN_VALUE_CHARS) + "..." : value);
            }
            out.printf("%d dead letter(s) on %s%n", deadLetters.size(), topic);
            return deadLetters.size();
        }
    }

    /**
     * Sends every dead letter not yet replayed back to its original topic, same key, same value and its
     * own headers without the dead-letter ones, then remembers how far it got.
     *
     * @param group the consumer group that remembers how far the replay got
     * @return how many were sent back
     */
    public int replay(String group) throws Exception {
        try (KafkaConsumer<String, byte[]> consumer = consumer(group);
                KafkaProducer<String, byte[]> producer = producer()) {
            List<ConsumerRecord<String, byte[]>> deadLetters = readToEnd(consumer);
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            Map<TopicPartition, OffsetAndMetadata> replayed = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : deadLetters) {
                ProducerRecord<String, byte[]> back = new ProducerRecord<>(
                        text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC), record.key(), record.value());
                for (Header header : record.headers()) {
                    if (!header.key().startsWith(KafkaHeaders.PREFIX)) {
                        back.headers().add(header);
                    }
                }
                sent.add(producer.send(back));
                replayed.put(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1));
            }
            for (Future<RecordMetadata> send : sent) {
                send.get();
            }
            consumer.commitSync(replayed);
            out.printf("%d dead letter(s) sent back%n", deadLetters.size());
            return deadLetters.size();
        }
    }

    private List<ConsumerRecord<String, byte[]>> readToEnd(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    private KafkaConsumer<String, byte[]> consumer(String group) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // Looking must not create the topic with the broker's defaults before the projector does.
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 << 20,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 << 20,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    private static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static long number(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            return -1;
        }
        ByteBuffer value = ByteBuffer.wrap(header.value());
        return header.value().length == Integer.BYTES ? value.getInt() : value.getLong();
    }
}
