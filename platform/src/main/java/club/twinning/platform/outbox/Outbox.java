package club.twinning.platform.outbox;

import club.twinning.events.EventType;
import club.twinning.platform.trace.Traces;
import club.twinning.platform.work.AfterCommit;
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
    private final AfterCommit afterCommit;
    private final OutboxRelay relay;
    private final Traces traces;

    public Outbox(ObjectMapper json, OutboxConfig config, AfterCommit afterCommit, OutboxRelay relay, Traces traces) {
        this.json = json;
        this.config = config;
        this.afterCommit = afterCommit;
        this.relay = relay;
        this.traces = traces;
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
        // The trace of the request (or consumed event) that made the change goes with the event.
        event.traceparent = traces.traceparent().orElse(null);
        event.persist();
        afterCommit.wake(relay.drain());
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
