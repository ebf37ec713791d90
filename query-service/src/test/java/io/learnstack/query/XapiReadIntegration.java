package io.learnstack.query;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

import com.mongodb.client.MongoDatabase;

import io.learnstack.testsupport.LocalInfrastructure;

/**
 * The query service as it runs: over HTTP, behind its authentication and version filters, reading a
 * read-model server and waiting on a Kafka broker of the test support. Tests write the read models as
 * the projector would. The topic and database are this run's own, and the topic stays empty unless a
 * test puts something on it, so reads are consistent at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class XapiReadIntegration {

    /** The topic the read barrier watches. */
    protected static final String TOPIC = "query-it-" + UUID.randomUUID();

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected MongoDatabase readModels;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalInfrastructure infrastructure = LocalInfrastructure.shared();
        createTopic(infrastructure.kafkaBootstrapServers());
        registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
        registry.add("spring.data.mongodb.uri", () -> {
            String uri = infrastructure.mongoUri();
            return uri.substring(0, uri.lastIndexOf('/') + 1) + "query-it-" + UUID.randomUUID();
        });
        registry.add("learnstack.consistency.topic", () -> TOPIC);
    }

    private static void createTopic(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + TOPIC, e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + TOPIC, e);
        }
    }

    /** The embedded default credentials and xAPI 1.0.3. */
    protected static HttpHeaders xapiHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("demo", "demo");
        headers.set("X-Experience-API-Version", "1.0.3");
        return headers;
    }

    /** A path with query parameters given as name, value, name, value..., each value encoded. */
    protected static URI uri(String path, String... namesAndValues) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.queryParam(namesAndValues[i], "{v" + i + "}");
        }
        Object[] values = new Object[namesAndValues.length / 2];
        for (int i = 1; i < namesAndValues.length; i += 2) {
            values[i / 2] = namesAndValues[i];
        }
        return builder.encode().buildAndExpand(values).toUri();
    }

    protected ResponseEntity<byte[]> get(URI uri) {
        return exchange(HttpMethod.GET, uri, xapiHeaders());
    }

    protected ResponseEntity<byte[]> head(URI uri) {
        return exchange(HttpMethod.HEAD, uri, xapiHeaders());
    }

    protected ResponseEntity<byte[]> exchange(HttpMethod method, URI uri, HttpHeaders headers) {
        return http.exchange(uri, method, new HttpEntity<>(headers), byte[].class);
    }
}
