package io.learnstack.projector.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.kafka.listener.BatchListenerFailedException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.learnstack.events.EventTypes;
import io.learnstack.projector.progress.BatchFailures;
import io.learnstack.projector.progress.ProjectionProgress;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * A poison record never stops the projector: batches of records with any type header, any time header
 * and payloads shaped like the event they name but holding hostile values go through the listener and
 * every projection over a real (in-memory) read model. The listener either applies the batch or names
 * the poison record by its index, which is what the error handler sends to the dead-letter topic; no
 * other failure may leave it, as that would retry the same batch for ever.
 */
class PoisonEventFuzzTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> TYPES = List.of("StatementRecorded", "StatementVoided", "LearningActivityRecorded",
            "AssessmentSubmitted", "CompletionRecorded", "DocumentStored", "DocumentDeleted", "AttachmentStored",
            "CredentialDefined", "CredentialRevised", "CredentialRetired", "CredentialIssued", "CredentialRevoked",
            "CredentialExpired", "IssuerKeyPublished", "LearnerEnrolled", "LearnerReEnrolled", "EnrolmentWithdrawn",
            "EnrolmentCompleted");
    private static final List<String> TEXTS = List.of("", "demo", "northside-rto", "mbox:mailto:ada@example.org",
            "account:http://x|a", "http://example.org/a", "https://rto.example/courses/first-aid",
            "6690e6c9-3ef0-4ed3-8b37-7f3964730bee", "2026-11-24T09:00:00Z", "+1000000000-12-31T23:59:59Z", "P30D", "P",
            "STATE", "ACTIVITY_PROFILE", "AGENT_PROFILE", "ASSESSMENT", "{}", "{\"id\":1}", "[]", "null", "not json",
            "$set", "a.b", "\u0000", "\uD800", "💥", "x".repeat(300));

    private static MongoServer server;
    private static MongoClient mongo;
    private static LearnerEventListener listener;
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    @BeforeContainer
    static void start() throws Exception {
        server = new MongoServer(new MemoryBackend());
        mongo = MongoClients.create(server.bindAndGetConnectionString());
        MongoDatabase database = mongo.getDatabase("learnstack");
        MeterRegistry meters = new SimpleMeterRegistry();
        List<Projection> projections = new ArrayList<>();
        for (String name : List.of("statements.StatementProjection", "activities.ActivityProjection",
                "documents.DocumentProjection", "attachments.AttachmentProjection", "catalogue.CatalogueProjection",
                "analytics.AnalyticsProjection")) {
            projections.add(construct(name, new Class<?>[] {MongoDatabase.class, MeterRegistry.class}, database,
                    meters));
        }
        projections.add(construct("awards.AwardProjection", new Class<?>[] {MongoDatabase.class}, database));
        projections.add(construct("eligibility.EligibilityProjection",
                new Class<?>[] {MongoDatabase.class, ObjectMapper.class, MeterRegistry.class}, database, JSON, meters));
        Constructor<ProjectionProgress> progress = ProjectionProgress.class.getDeclaredConstructor(MongoDatabase.class);
        progress.setAccessible(true);
        listener = new LearnerEventListener(projections, progress.newInstance(database), new EventDecoder(JSON),
                new BatchFailures(meters), meters);
    }

    @AfterContainer
    static void stop() {
        mongo.close();
        server.shutdownNow();
    }

    @Property(tries = 100)
    void aBatchIsAppliedOrItsPoisonRecordNamed(@ForAll("batches") List<ConsumerRecord<String, byte[]>> batch) {
        try {
            listener.on(batch);
            Statistics.collect("applied");
        } catch (BatchListenerFailedException poison) {
            Statistics.collect("dead-lettered");
            assertThat(poison.getIndex()).isBetween(0, batch.size() - 1);
            assertThat(poison.getCause()).isInstanceOf(PoisonRecordException.class);
        }
    }

    @Provide
    Arbitrary<List<ConsumerRecord<String, byte[]>>> batches() {
        Arbitrary<String> types = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.of(TYPES)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(10)), Tuple.of(1, Arbitraries.just((String) null)));
        Arbitrary<String> times = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("2026-11-24T09:00:00Z")),
                Tuple.of(1, Arbitraries.of(TEXTS)), Tuple.of(1, Arbitraries.just((String) null)));
        Arbitrary<Tuple.Tuple3<String, String, byte[]>> records = types.flatMap(type -> Combinators.combine(
                Arbitraries.just(type), times, payloads(type)).as(Tuple::of));
        return records.list().ofMinSize(1).ofMaxSize(3).map(list -> {
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                var record = list.get(i);
                RecordHeaders headers = new RecordHeaders();
                if (record.get1() != null) {
                    headers.add(EventTypes.TYPE_HEADER, record.get1().getBytes(StandardCharsets.UTF_8));
                }
                if (record.get2() != null) {
                    headers.add(EventTypes.TIME_HEADER, record.get2().getBytes(StandardCharsets.UTF_8));
                }
                batch.add(new ConsumerRecord<>("learnstack.events", 0, i, 0L, TimestampType.CREATE_TIME, 0, 0, "key",
                        record.get3(), headers, Optional.empty()));
            }
            return batch;
        });
    }

    private static Arbitrary<byte[]> payloads(String type) {
        Optional<Class<?>> eventClass = type == null ? Optional.empty()
                : EventTypes.classOf(type).map(found -> (Class<?>) found);
        Arbitrary<JsonNode> shaped = eventClass.map(found -> shapeOf(found, 3)).orElse(leaves());
        return Arbitraries.frequencyOf(
                Tuple.of(10, shaped.map(node -> node.toString().getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(40)),
                Tuple.of(1, Arbitraries.just(new byte[0])));
    }

    /** JSON with the fields of the type, each holding a plausible or a hostile value; some dropped. */
    private static Arbitrary<JsonNode> shapeOf(Type type, int depth) {
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
                : type instanceof Class<?> plain ? plain : Object.class;
        if (depth <= 0) {
            return leaves();
        }
        if (raw.isRecord()) {
            List<Arbitrary<Optional<Map.Entry<String, JsonNode>>>> fields = new ArrayList<>();
            for (RecordComponent component : raw.getRecordComponents()) {
                Arbitrary<JsonNode> value = shapeOf(component.getGenericType(), depth - 1);
                fields.add(Arbitraries.frequencyOf(Tuple.of(12, value.map(v -> Optional.of(Map.entry(component.getName(),
                        v)))), Tuple.of(1, Arbitraries.just(Optional.empty()))));
            }
            return Combinators.combine(fields).as(entries -> {
                ObjectNode object = NODES.objectNode();
                entries.forEach(entry -> entry.ifPresent(e -> object.set(e.getKey(), e.getValue())));
                return (JsonNode) object;
            });
        }
        Arbitrary<JsonNode> plausible;
        if (raw.isEnum()) {
            plausible = Arbitraries.of(raw.getEnumConstants()).map(constant -> NODES.textNode(constant.toString()));
        } else if (raw == Instant.class) {
            plausible = Arbitraries.of("2026-11-24T09:00:00Z", "1970-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z",
                    "-1000000000-01-01T00:00:00Z").map(NODES::textNode);
        } else if (List.class.isAssignableFrom(raw) || java.util.Set.class.isAssignableFrom(raw)) {
            Type element = type instanceof ParameterizedType parameterized
                    ? parameterized.getActualTypeArguments()[0] : Object.class;
            plausible = shapeOf(element, depth - 1).list().ofMaxSize(3).map(items -> NODES.arrayNode().addAll(items));
        } else if (raw == byte[].class) {
            plausible = Arbitraries.of("aGVsbG8=", "", "!!").map(NODES::textNode);
        } else if (raw.isInterface() && raw.isSealed()) {
            plausible = Arbitraries.of(raw.getPermittedSubclasses()).flatMap(sub -> shapeOf(sub, depth - 1));
        } else {
            plausible = leaves();
        }
        return Arbitraries.frequencyOf(Tuple.of(6, plausible), Tuple.of(1, leaves()));
    }

    private static Arbitrary<JsonNode> leaves() {
        return Arbitraries.oneOf(Arbitraries.of(TEXTS).map(text -> (JsonNode) NODES.textNode(text)),
                Arbitraries.strings().ofMaxLength(20).map(NODES::textNode),
                Arbitraries.of(NODES.numberNode(-1), NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(1e300),
                        NODES.numberNode(new java.math.BigDecimal("1e400")), NODES.booleanNode(true), NODES.nullNode(),
                        NODES.objectNode(), NODES.arrayNode()));
    }

    private static Projection construct(String name, Class<?>[] types, Object... arguments) throws Exception {
        Constructor<?> constructor = Class.forName("io.learnstack.projector." + name).getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return (Projection) constructor.newInstance(arguments);
    }
}
