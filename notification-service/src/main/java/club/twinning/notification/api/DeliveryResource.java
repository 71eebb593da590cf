package club.twinning.notification.api;

import club.twinning.notification.domain.Delivery;
import club.twinning.notification.domain.DeliveryAttempt;
import club.twinning.notification.domain.DeliveryStatus;
import club.twinning.notification.replica.KnownContact;
import club.twinning.notification.replica.KnownParty;
import club.twinning.notification.persistence.DeliverySearch;
import club.twinning.notification.service.Access;
import club.twinning.platform.paging.Cursor;
import club.twinning.platform.paging.Limit;
import club.twinning.platform.paging.Page;
import club.twinning.platform.paging.Slice;
import club.twinning.platform.problem.ProblemException;
import club.twinning.platform.query.QueryValues;
import club.twinning.platform.security.Caller;
import club.twinning.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The delivery log: ops and the secretariat read it all and retry; a partner reads its own city's. */
@Path("/api/deliveries")
@Tag(name = "Deliveries", description = "The log of every mail and webhook sent for an event, and retries.")
@RolesAllowed({Roles.OPS, Roles.SECRETARIAT, Roles.PARTNER})
public class DeliveryResource {

    private static final Limit LIMIT = Limit.upTo(500);

    private final DeliverySearch search;
    private final Access access;
    private final Caller caller;

    DeliveryResource(DeliverySearch search, Access access, Caller caller) {
        this.search = search;
        this.access = access;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listDeliveries", summary = "Search the log of mail and webhook deliveries",
            description = "Ops and the secretariat see every delivery; a partner its own city's only. Filters: contact, eventType, channel, status, from/to (instants such as 2026-11-25T08:00:00Z); pages of `limit` (1-500) followed with `cursor`.")
    @APIResponse(responseCode = "200", description = "A page of deliveries")
    @APIResponse(responseCode = "400", description = "A filter is malformed (a status, an instant, limit, cursor); errors names it")
    public Page<DeliveryView> list(@QueryParam("contact") UUID contact, @QueryParam("eventType") String eventType,
                                   @QueryParam("channel") String channel, @QueryParam("status") String status,
                                   @QueryParam("from") String from, @QueryParam("to") String to,
                                   @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                   @Context UriInfo uri, @Context HttpHeaders headers) {
        int size = LIMIT.of(limit);
        String party = access.scope().filter(null);
        Slice<Delivery> found = search.find(new DeliverySearch.Filter(contact, party, QueryValues.text(eventType),
                QueryValues.text(channel), QueryValues.choice(DeliveryStatus.class, "status", status),
                QueryValues.instant("from", from), QueryValues.instant("to", to)), Cursor.decode(cursor), size);
        // names are read for the whole page at once, so the rows are shown together, then paged as they came
        return Page.of(new Slice<>(views(found.rows(), headers, false), found.next()), view -> view, uri);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDelivery", summary = "Read one delivery with its attempts",
            description = "Ops and the secretariat; a partner only for its own city's deliveries (403 otherwise).")
    @APIResponse(responseCode = "200", description = "The delivery and each attempt")
    @APIResponse(responseCode = "403", description = "A partner asking for another city's delivery")
    @APIResponse(responseCode = "404", description = "No such delivery")
    public DeliveryView one(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        return views(List.of(access.delivery(id)), headers, true).get(0);
    }

    /** Sends a FAILED delivery again, from a fresh count of attempts; the attempt log keeps the history. */
    @POST
    @Path("/{id}/retry")
    @RolesAllowed({Roles.OPS, Roles.SECRETARIAT})
    @Transactional
    @Operation(operationId = "retryDelivery", summary = "Send a failed delivery again",
            description = "Ops or the secretariat, for a delivery FAILED (409 otherwise): it is sent again from a fresh count of attempts; the attempt log keeps the history.")
    @APIResponse(responseCode = "200", description = "The delivery, RETRYING")
    @APIResponse(responseCode = "404", description = "No such delivery")
    @APIResponse(responseCode = "409", description = "The delivery is not FAILED; deliveryStatus says what it is")
    public DeliveryView retry(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        Delivery d = access.delivery(id);
        if (d.status != DeliveryStatus.FAILED) {
            throw new ProblemException(409, "not-failed", "Nothing to retry", "the delivery is " + d.status + ", not FAILED")
                    .with("deliveryStatus", d.status.name());
        }
        d.status = DeliveryStatus.RETRYING;
        d.attempts = 0;
        d.nextAttemptAt = Instant.now();
        DeliveryAttempt.record(d.id, Instant.now(), "RETRY", "asked by " + caller.name());
        return views(List.of(d), headers, true).get(0);
    }

    /** The deliveries with their contacts' and parties' names, read for the whole page at once (two statements). */
    private static List<DeliveryView> views(List<Delivery> deliveries, HttpHeaders headers, boolean withAttempts) {
        String language = headers == null ? "fr" : headers.getAcceptableLanguages().stream().map(Locale::getLanguage)
                .filter(l -> l.equals("fr") || l.equals("ar") || l.equals("en")).findFirst().orElse("fr");
        Set<UUID> contactIds = deliveries.stream().map(d -> d.contactId).filter(Objects::nonNull).collect(Collectors.toSet());
        Set<String> codes = deliveries.stream().map(d -> d.partyCode).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<UUID, String> contacts = contactIds.isEmpty() ? Map.of() : KnownContact.<KnownContact>list("id in ?1", contactIds)
                .stream().filter(c -> c.name != null).collect(Collectors.toMap(c -> c.id, c -> c.name));
        Map<String, String> parties = codes.isEmpty() ? Map.of() : KnownParty.<KnownParty>list("code in ?1", codes)
                .stream().collect(Collectors.toMap(p -> p.code, p -> p.name(language)));
        return deliveries.stream().map(d -> DeliveryView.of(d, contacts.get(d.contactId), parties.get(d.partyCode),
                withAttempts ? DeliveryAttempt.of(d.id) : null)).toList();
    }
}
