package club.twinning.platform.api;

import club.twinning.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** For ops: how far the outbox relay is behind, and how many events this service has consumed. */
@Path("/api/ops/messaging")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
@Transactional
public class MessagingStatusResource {

    public record MessagingStatus(long outboxPending, long outboxFailing, Double oldestPendingSeconds,
            long outboxSent, long eventsProcessed) {
    }

    private final EntityManager em;

    public MessagingStatusResource(EntityManager em) {
        this.em = em;
    }

    @GET
    @Operation(summary = "Outbox backlog and processed-event count")
    public MessagingStatus status() {
        Object[] row = (Object[]) em.createNativeQuery("""
                SELECT count(*) FILTER (WHERE sent_at IS NULL),
                       count(*) FILTER (WHERE sent_at IS NULL AND last_error IS NOT NULL),
                       extract(epoch FROM now() - min(created_at) FILTER (WHERE sent_at IS NULL)),
                       count(*) FILTER (WHERE sent_at IS NOT NULL),
                       (SELECT count(*) FROM processed_event)
                FROM outbox_event""").getSingleResult();
        return new MessagingStatus(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                row[2] == null ? null : ((Number) row[2]).doubleValue(), ((Number) row[3]).longValue(),
                ((Number) row[4]).longValue());
    }
}
