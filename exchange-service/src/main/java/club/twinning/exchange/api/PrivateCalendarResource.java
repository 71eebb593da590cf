package club.twinning.exchange.api;

import club.twinning.exchange.service.CalendarFeeds;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A private calendar feed as a calendar application reads it: the secret in the path is the only credential. */
@Path("/calendar")
@Tag(name = "Visits", description = "Visits planned for approved requests, and the calendar.")
@PermitAll
public class PrivateCalendarResource {

    private final CalendarFeeds feeds;
    private final Clock clock;

    PrivateCalendarResource(CalendarFeeds feeds, Clock clock) {
        this.feeds = feeds;
        this.clock = clock;
    }

    @GET
    @Path("/{token}.ics")
    @Produces({"text/calendar", "application/problem+json"})
    @Operation(operationId = "getPrivateCalendarFeed", summary = "Read a private calendar feed (iCalendar)",
            description = "No bearer token: the secret in the URL (from POST /api/calendar-feeds) is the credential. The visits the feed's owner may see, a month back to a year ahead, in the feed's language, with the agenda, the host city as LOCATION (and GEO), a link to the visit; cancelled visits stay, as STATUS:CANCELLED.")
    @APIResponse(responseCode = "200", description = "An iCalendar feed (RFC 5545)")
    @APIResponse(responseCode = "404", description = "Unknown or revoked feed")
    public Response feed(@PathParam("token") String token) {
        LocalDate today = LocalDate.now(clock);
        String calendar = feeds.render(token, today.minusMonths(1), today.plusYears(1), 1000);
        return Response.ok(calendar, "text/calendar; charset=UTF-8")
                .header("Cache-Control", "private, no-cache")
                .header("Content-Disposition", "inline; filename=\"twinning-visits.ics\"").build();
    }
}
