package io.learnstack.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import io.learnstack.events.DocumentAddress;
import io.learnstack.events.DocumentDeleted;
import io.learnstack.events.DocumentKind;

class PartitionKeyStampTest {

    private final DocumentDeleted event = new DocumentDeleted("demo", new DocumentAddress(DocumentKind.STATE,
            "https://rto.example/units/HLTAID011", "mbox:mailto:ada@example.org", null, "bookmark"),
            Instant.parse("2026-11-25T09:00:00Z"));

    @Test
    void stampsAnEventWithItsKeyAndKeepsItsOtherMetaData() {
        // given
        EventMessage<?> published = GenericEventMessage.asEventMessage(event).andMetaData(Map.of("traceId", "t-1"));

        // when
        EventMessage<?> stamped = new PartitionKeyStamp().handle(List.of(published)).apply(0, published);

        // then
        assertThat(stamped.getMetaData()).containsEntry(PartitionKeyStamp.META_DATA_KEY, event.partitionKey())
                .containsEntry("traceId", "t-1");
        assertThat(stamped.getPayload()).isSameAs(event);
        assertThat(PartitionKeyStamp.keyOf(stamped)).isEqualTo(event.partitionKey());
    }

    @Test
    void leavesMessagesThatAreNotLearnstackEventsAlone() {
        EventMessage<?> other = GenericEventMessage.asEventMessage("not an event of ours");

        assertThat(new PartitionKeyStamp().handle(List.of(other)).apply(0, other)).isSameAs(other);
    }

    @Test
    void theStampedKeyIsReadWithoutAskingThePayload() {
        EventMessage<?> stamped = GenericEventMessage.asEventMessage(event)
                .andMetaData(Map.of(PartitionKeyStamp.META_DATA_KEY, "demo|as stored"));

        assertThat(PartitionKeyStamp.keyOf(stamped)).isEqualTo("demo|as stored");
    }

    @Test
    void anEventStoredBeforeKeysWereStampedIsKeyedByItsPayload() {
        EventMessage<?> unstamped = GenericEventMessage.asEventMessage(event);

        assertThat(PartitionKeyStamp.keyOf(unstamped)).isEqualTo(event.partitionKey()).contains("demo");
    }
}
