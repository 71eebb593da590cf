package club.twinning.notification.api;

import club.twinning.notification.domain.Delivery;
import club.twinning.notification.domain.DeliveryAttempt;
import club.twinning.notification.domain.DeliveryStatus;
import club.twinning.notification.persistence.DeliverySearch;
import club.twinning.notification.service.Access;
import club.twinning.platform.problem.ProblemException;
import club.twinning.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The delivery log: ops and the secretariat read it all and retry; a partner reads its own city's. */
@Path("/api/deliveries")
@Tag(name = "Deliveries")
@RolesAllowed({Roles.OPS, Roles.SECRETARIAT, Roles.PARTNER})
public class DeliveryResource {

    private final DeliverySearch search;
    private final Access access;

    DeliveryResource(DeliverySearch search, Access access) {
        this.search = search;
        this.access = access;
    }

    @GET
    public Page<DeliveryView> list(@QueryParam("contact") UUID contact, @QueryParam("eventType") String eventType,
                                   @QueryParam("channel") String channel, @QueryParam("status") String status,
                                   @QueryParam("from") String from, @QueryParam("to") String to,
                                   @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                   @Context UriInfo uri) {
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > 500) {
            throw ProblemException.badField("limit", "between 1 and 500");
        }
        String party = access.partnerOnly() ? access.city() : null;
        DeliverySearch.Result result = search.find(new DeliverySearch.Filter(contact, party, blank(eventType), blank(channel),
                blank(status), instant("from", from), instant("to", to)), blank(cursor), size);
        String next = result.nextCursor() == null ? null
                : uri.getRequestUriBuilder().replaceQueryParam("cursor", result.nextCursor()).build().toString();
        return new Page<>(result.items().stream().map(d -> DeliveryView.of(d, null)).toList(), result.nextCursor(), next);
    }

    @GET
    @Path("/{id}")
    public DeliveryView one(@PathParam("id") UUID id) {
        Delivery d = visible(id);
        return DeliveryView.of(d, DeliveryAttempt.of(id));
    }

    /** Sends a FAILED delivery again, from a fresh count of attempts; the attempt log keeps the history. */
    @POST
    @Path("/{id}/retry")
    @RolesAllowed({Roles.OPS, Roles.SECRETARIAT})
    @Transactional
    public DeliveryView retry(@PathParam("id") UUID id) {
        Delivery d = visible(id);
        if (d.status != DeliveryStatus.FAILED) {
            throw new ProblemException(409, "not-failed", "Nothing to retry", "the delivery is " + d.status + ", not FAILED")
                    .with("deliveryStatus", d.status.name());
        }
        d.status = DeliveryStatus.RETRYING;
        d.attempts = 0;
        d.nextAttemptAt = Instant.now();
        DeliveryAttempt.record(d.id, Instant.now(), "RETRY", "asked by " + access.actor());
        return DeliveryView.of(d, DeliveryAttempt.of(id));
    }

    private Delivery visible(UUID id) {
        Delivery d = Delivery.findById(id);
        if (d == null) {
            throw ProblemException.notFound("delivery", id);
        }
        access.party(d.partyCode);
        return d;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Instant instant(String field, String value) {
        if (blank(value) == null) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(field, "an instant such as 2026-11-25T08:00:00Z");
        }
    }
}
