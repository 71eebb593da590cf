package club.twinning.platform.inbox;

import club.twinning.platform.trace.Traces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The processed-event log that makes a consumer idempotent: call {@link #firstDelivery} in the transaction
 * that applies the event, and apply it only when it answers true. A redelivery then finds the id recorded
 * (and a concurrent one waits on the key, then finds it). The trace that applied the event is kept with it, so
 * work the event leaves for later (a delivery sent by a worker) continues that trace.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ProcessedEvents {

    private final EntityManager em;
    private final Traces traces;
    private final PartitionHold hold;

    public ProcessedEvents(EntityManager em, Traces traces, PartitionHold hold) {
        this.em = em;
        this.traces = traces;
        this.hold = hold;
    }

    public boolean firstDelivery(String consumer, String eventId, String type) {
        return em.createNativeQuery("""
                INSERT INTO processed_event (consumer, event_id, type, traceparent) VALUES (:consumer, :id, :type, :trace)
                ON CONFLICT DO NOTHING""")
                .setParameter("consumer", consumer)
                .setParameter("id", eventId)
                .setParameter("type", type)
                .setParameter("trace", traces.traceparent().orElse(null))
                .executeUpdate() == 1;
    }

    /** The traceparent of the span that applied the event; empty when it was not traced (or is unknown here). */
    public Optional<String> traceparent(String eventId) {
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery("""
                SELECT traceparent FROM processed_event WHERE event_id = :id AND traceparent IS NOT NULL LIMIT 1""")
                .setParameter("id", eventId).getResultList();
        return found.stream().findFirst();
    }

    /** The inbox's tracing, outside any transaction (the inbox starts its span before it begins one). */
    @Transactional(Transactional.TxType.SUPPORTS)
    Traces traces() {
        return traces;
    }

    /** What pauses the inbox's channel while the database is away (outside any transaction, like {@link #traces}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    PartitionHold hold() {
        return hold;
    }
}
