package club.twinning.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The processed-event log that makes a consumer idempotent: call {@link #firstDelivery} in the transaction
 * that applies the event, and apply it only when it answers true. A redelivery then finds the id recorded
 * (and a concurrent one waits on the key, then finds it).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ProcessedEvents {

    private final EntityManager em;

    public ProcessedEvents(EntityManager em) {
        this.em = em;
    }

    public boolean firstDelivery(String consumer, String eventId, String type) {
        return em.createNativeQuery("""
                INSERT INTO processed_event (consumer, event_id, type) VALUES (:consumer, :id, :type)
                ON CONFLICT DO NOTHING""")
                .setParameter("consumer", consumer)
                .setParameter("id", eventId)
                .setParameter("type", type)
                .executeUpdate() == 1;
    }
}
