package club.twinning.platform.api;

import club.twinning.platform.outbox.OutboxEvent;
import club.twinning.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * For ops: how far the outbox relay is behind, the events Kafka refused for good (parked: never sent, their
 * aggregate's later events sent without them), and how many events this service has consumed.
 */
@Path("/api/ops/messaging")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
@Transactional
public class MessagingStatusResource {

    public record MessagingStatus(long outboxPending, long outboxFailing, Double oldestPendingSeconds,
            long outboxSent, long eventsProcessed, long outboxParked, List<ParkedEvent> parked) {
    }

    /** An event Kafka refused for good, with the refusal (the latest {@value #PARKED_SHOWN} are listed). */
    public record ParkedEvent(UUID eventId, String type, String aggregateType, String aggregateId, Instant createdAt,
            Instant parkedAt, String lastError) {
    }

    static final int PARKED_SHOWN = 20;

    private final EntityManager em;

    public MessagingStatusResource(EntityManager em) {
        this.em = em;
    }

    @GET
    @Operation(summary = "Outbox backlog, parked events and processed-event count")
    public MessagingStatus status() {
        Object[] row = (Object[]) em.createNativeQuery("""
                SELECT count(*) FILTER (WHERE sent_at IS NULL AND parked_at IS NULL),
                       count(*) FILTER (WHERE sent_at IS NULL AND parked_at IS NULL AND last_error IS NOT NULL),
                       extract(epoch FROM now() - min(created_at) FILTER (WHERE sent_at IS NULL AND parked_at IS NULL)),
                       count(*) FILTER (WHERE sent_at IS NOT NULL),
                       (SELECT count(*) FROM processed_event),
                       count(*) FILTER (WHERE parked_at IS NOT NULL)
                FROM outbox_event""").getSingleResult();
        List<ParkedEvent> parked = em.createQuery("""
                SELECT e FROM OutboxEvent e WHERE e.parkedAt IS NOT NULL ORDER BY e.parkedAt DESC, e.id DESC""",
                        OutboxEvent.class)
                .setMaxResults(PARKED_SHOWN).getResultStream()
                .map(e -> new ParkedEvent(e.eventId, e.type, e.aggregateType, e.aggregateId, e.createdAt, e.parkedAt,
                        e.lastError))
                .toList();
        return new MessagingStatus(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                row[2] == null ? null : ((Number) row[2]).doubleValue(), ((Number) row[3]).longValue(),
                ((Number) row[4]).longValue(), ((Number) row[5]).longValue(), parked);
    }
}
