package club.twinning.platform.outbox;

import club.twinning.events.EventType;
import club.twinning.platform.trace.Traces;
import club.twinning.platform.work.AfterCommit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * Appends an event to the outbox inside the caller's transaction: the event exists if, and only if, the
 * change it announces committed. There is deliberately no way to publish to Kafka directly.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, aggregate_type, aggregate_id, type, topic, source, payload, created_at,
                                      traceparent)
            VALUES (:eventId, :aggregateType, :aggregateId, :type, :topic, :source, :payload, :createdAt, :traceparent)""";

    private final EntityManager em;
    private final ObjectMapper json;
    private final OutboxConfig config;
    private final AfterCommit afterCommit;
    private final OutboxRelay relay;
    private final Traces traces;

    public Outbox(EntityManager em, ObjectMapper json, OutboxConfig config, AfterCommit afterCommit, OutboxRelay relay,
                  Traces traces) {
        this.em = em;
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
        UUID eventId = UUID.randomUUID();
        // A plain insert, not a persisted entity: nothing for the persistence context to track and dirty-check at
        // commit, and no generated id to read back. Synchronised on its table only, so it flushes nothing else early.
        em.createNativeQuery(INSERT).unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("outbox_event")
                .setParameter("eventId", eventId, StandardBasicTypes.UUID)
                .setParameter("aggregateType", aggregateType, StandardBasicTypes.STRING)
                .setParameter("aggregateId", aggregateId, StandardBasicTypes.STRING)
                .setParameter("type", type.type(), StandardBasicTypes.STRING)
                .setParameter("topic", type.topic(), StandardBasicTypes.STRING)
                .setParameter("source", config.source(), StandardBasicTypes.STRING)
                .setParameter("payload", toJson(payload), StandardBasicTypes.STRING)
                .setParameter("createdAt", Instant.now(), StandardBasicTypes.INSTANT)
                // The trace of the request (or consumed event) that made the change goes with the event.
                .setParameter("traceparent", traces.traceparent().orElse(null), StandardBasicTypes.STRING)
                .executeUpdate();
        afterCommit.wake(relay.drain());
        return eventId;
    }

    private String toJson(Record payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload cannot be written as JSON", e);
        }
    }
}
