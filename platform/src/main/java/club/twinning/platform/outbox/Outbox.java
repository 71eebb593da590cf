package club.twinning.platform.outbox;

import club.twinning.events.EventType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Appends an event to the outbox inside the caller's transaction: the event exists if, and only if, the
 * change it announces committed. There is deliberately no way to publish to Kafka directly.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Outbox {

    private final ObjectMapper json;
    private final OutboxConfig config;

    public Outbox(ObjectMapper json, OutboxConfig config) {
        this.json = json;
        this.config = config;
    }

    /** Returns the CloudEvents id given to the event. */
    public UUID append(EventType type, String aggregateType, String aggregateId, Record payload) {
        if (!type.payload().isInstance(payload)) {
            throw new IllegalArgumentException(type + " carries " + type.payload().getSimpleName()
                    + ", not " + payload.getClass().getSimpleName());
        }
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.aggregateType = aggregateType;
        event.aggregateId = aggregateId;
        event.type = type.type();
        event.topic = type.topic();
        event.source = config.source();
        event.payload = toJson(payload);
        event.createdAt = Instant.now();
        event.persist();
        return event.eventId;
    }

    private String toJson(Record payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload cannot be written as JSON", e);
        }
    }
}
