package io.learnstack.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What the command service's integration tests send, and how they listen to the bus. */
public final class XapiRequests {

    /** The topic the service publishes to. */
    public static final String TOPIC = "learnstack.events";

    private XapiRequests() {
    }

    /** The embedded default credentials, xAPI 1.0.3, JSON. */
    public static HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("demo", "demo");
        headers.set("X-Experience-API-Version", "1.0.3");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    public static ResponseEntity<String> post(TestRestTemplate http, String body) {
        return http.exchange("/xapi/statements", HttpMethod.POST, new HttpEntity<>(body, headers()), String.class);
    }

    /** A statement about an RTO unit; {@code id} and {@code scaled} may be {@code null}. */
    public static String statement(String id, String mbox, String verb, Double scaled) {
        return "{" + (id == null ? "" : "\"id\":\"" + id + "\",")
                + "\"actor\":{\"objectType\":\"Agent\",\"mbox\":\"" + mbox + "\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/" + verb + "\",\"display\":{\"en-AU\":\"" + verb + "\"}},"
                + "\"object\":{\"objectType\":\"Activity\",\"id\":\"https://rto.example/units/HLTAID011\"}"
                + (scaled == null ? "" : ",\"result\":{\"score\":{\"scaled\":" + scaled + "}}")
                + "}";
    }

    /** Sends the same kind of request from many clients at once and collects their answers. */
    public static List<HttpStatus> inParallel(int clients, Supplier<ResponseEntity<String>> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpStatus>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return HttpStatus.valueOf(request.get().getStatusCode().value());
                }));
            }
            start.countDown();
            List<HttpStatus> statuses = new ArrayList<>();
            for (Future<HttpStatus> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A consumer of its own group that reads the topic from the beginning. */
    public static KafkaConsumer<String, byte[]> consumer(String bootstrapServers, String groupPrefix) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + "-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }
}
