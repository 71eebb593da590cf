package club.twinning.exchange.api;

import club.twinning.platform.problem.ExpectedVersion;
import club.twinning.exchange.domain.Visit;
import club.twinning.exchange.service.CalendarFeeds;
import club.twinning.exchange.service.VisitService;
import club.twinning.platform.api.Tagged;
import club.twinning.platform.paging.Limit;
import club.twinning.platform.paging.Page;
import club.twinning.platform.query.QueryValues;
import club.twinning.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Visits and the calendar (JSON by date range, and an iCalendar feed). */
@Path("/api")
@Tag(name = "Visits", description = "Visits planned for approved requests, and the calendar.")
@RolesAllowed({Roles.PARTNER, Roles.COUNCIL, Roles.SECRETARIAT, Roles.OPS})
public class VisitResource {

    private static final Limit LIMIT = Limit.upTo(1000);

    private final VisitService visits;
    private final CalendarFeeds feeds;
    private final JsonWebToken token;
    private final Clock clock;

    VisitResource(VisitService visits, CalendarFeeds feeds, JsonWebToken token, Clock clock) {
        this.visits = visits;
        this.feeds = feeds;
        this.token = token;
        this.clock = clock;
    }

    @POST
    @Path("/visits")
    @RolesAllowed({Roles.PARTNER, Roles.SECRETARIAT})
    @Operation(operationId = "planVisit", summary = "Plan the visit of an approved request",
            description = "A partner of one of the two cities, or the secretariat. The request must be APPROVED (409 otherwise) and its agreement in force (422); the dates fall inside the request's window and every agenda day inside the visit (400 naming the field, as agenda[0].day).")
    @APIResponse(responseCode = "201", description = "Planned; Location is its URL, ETag its version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VisitView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid; errors names each")
    @APIResponse(responseCode = "403", description = "A partner of a city the request does not involve")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "The request is not approved")
    @APIResponse(responseCode = "422", description = "The request's agreement is not in force")
    public Response plan(@Valid @NotNull VisitInput input) {
        Visit visit = visits.plan(input.toPlan());
        return Tagged.created("/api/visits/" + visit.id, VisitView.of(visit), visit.version);
    }

    @GET
    @Path("/visits")
    @Operation(operationId = "listVisits", summary = "List visits by date",
            description = "Any authenticated caller; a partner sees its own city's visits. from/to are ISO dates (default: a month ago to a year ahead).")
    @APIResponse(responseCode = "200", description = "The visits")
    @APIResponse(responseCode = "400", description = "A date or limit is malformed; errors names it")
    public Page<VisitView> list(@QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("limit") Integer limit) {
        return Page.whole(range(from, to, limit).stream().map(VisitView::of).toList());
    }

    /** With its version as ETag: confirmation, report and cancellation need it back as If-Match. */
    @GET
    @Path("/visits/{id}")
    @Operation(operationId = "getVisit", summary = "Read one visit",
            description = "Any authenticated caller; a partner only for a visit of its own city (403 otherwise). Its version is the ETag that confirmation, report and cancellation need as If-Match.")
    @APIResponse(responseCode = "200", description = "The visit",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VisitView.class)))
    @APIResponse(responseCode = "403", description = "A partner of a city the visit does not involve")
    @APIResponse(responseCode = "404", description = "No such visit")
    public Response one(@PathParam("id") UUID id) {
        return ok(visits.visible(id));
    }

    @GET
    @Path("/visits/{id}/steps")
    @Operation(operationId = "getVisitSteps", summary = "Read the steps of one visit",
            description = "Whoever may read the visit. Its planning, confirmation, report and cancellation, oldest first: who, when, why.")
    @APIResponse(responseCode = "200", description = "The visit's steps")
    @APIResponse(responseCode = "403", description = "A partner of a city the visit does not involve")
    @APIResponse(responseCode = "404", description = "No such visit")
    public List<VisitStepView> steps(@PathParam("id") UUID id) {
        return visits.steps(id).stream().map(VisitStepView::of).toList();
    }

    @POST
    @Path("/visits/{id}/confirmation")
    @RolesAllowed(Roles.PARTNER)
    @Operation(operationId = "confirmVisit", summary = "Confirm a planned visit as the host city",
            description = "The host city's partner only, with If-Match, while the visit is PLANNED (409 otherwise) and its agreement in force (422).")
    @APIResponse(responseCode = "200", description = "The confirmed visit",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VisitView.class)))
    @APIResponse(responseCode = "403", description = "Not the host city's partner")
    @APIResponse(responseCode = "404", description = "No such visit")
    @APIResponse(responseCode = "409", description = "The visit is not planned (confirmed, done, cancelled or flagged already)")
    @APIResponse(responseCode = "412", description = "The If-Match ETag is not the current version (it changed since you read it); currentEtag says which is")
    @APIResponse(responseCode = "422", description = "The agreement is not in force")
    @APIResponse(responseCode = "428", description = "No If-Match header: send the ETag you read, so that no change is overwritten unseen")
    public Response confirm(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(visits.confirm(id, ExpectedVersion.fromIfMatch(ifMatch)));
    }

    @POST
    @Path("/visits/{id}/report")
    @RolesAllowed({Roles.PARTNER, Roles.SECRETARIAT})
    @Operation(operationId = "reportVisit", summary = "File the report of a visit",
            description = "A partner of one of the two cities, or the secretariat, with If-Match, on or after the visit's last day (422 naming endDate before) and while it is CONFIRMED (409 otherwise). Completes the request.")
    @APIResponse(responseCode = "200", description = "The visit with its report",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VisitView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid; errors names each")
    @APIResponse(responseCode = "403", description = "A partner of a city the visit does not involve")
    @APIResponse(responseCode = "404", description = "No such visit")
    @APIResponse(responseCode = "409", description = "The visit is not confirmed")
    @APIResponse(responseCode = "412", description = "The If-Match ETag is not the current version (it changed since you read it); currentEtag says which is")
    @APIResponse(responseCode = "422", description = "Too early: the visit has not ended; errors names endDate")
    @APIResponse(responseCode = "428", description = "No If-Match header: send the ETag you read, so that no change is overwritten unseen")
    public Response report(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull ReportInput input) {
        return ok(visits.report(id, ExpectedVersion.fromIfMatch(ifMatch), input.toDraft()));
    }

    @POST
    @Path("/visits/{id}/cancellation")
    @RolesAllowed({Roles.PARTNER, Roles.SECRETARIAT})
    @Operation(operationId = "cancelVisit", summary = "Cancel a visit",
            description = "A partner of one of the two cities, or the secretariat, with If-Match and a reason, before the visit is done (409 otherwise). The request goes back to APPROVED (or is closed if its window has passed).")
    @APIResponse(responseCode = "200", description = "The cancelled visit",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VisitView.class)))
    @APIResponse(responseCode = "400", description = "No reason; errors names it")
    @APIResponse(responseCode = "403", description = "A partner of a city the visit does not involve")
    @APIResponse(responseCode = "404", description = "No such visit")
    @APIResponse(responseCode = "409", description = "The visit can no longer be cancelled")
    @APIResponse(responseCode = "412", description = "The If-Match ETag is not the current version (it changed since you read it); currentEtag says which is")
    @APIResponse(responseCode = "428", description = "No If-Match header: send the ETag you read, so that no change is overwritten unseen")
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull ReasonInput input) {
        return ok(visits.cancel(id, ExpectedVersion.fromIfMatch(ifMatch), input.reason()));
    }

    private static Response ok(Visit visit) {
        return Tagged.ok(VisitView.of(visit), visit.version);
    }

    @GET
    @Path("/calendar")
    @Operation(operationId = "getCalendar", summary = "Show the calendar of visits",
            description = "Any authenticated caller; a partner sees its own city's visits. from/to are ISO dates (default: a month ago to a year ahead).")
    @APIResponse(responseCode = "200", description = "The visits in the range")
    @APIResponse(responseCode = "400", description = "A date is malformed; errors names it")
    public List<VisitView> calendar(@QueryParam("from") String from, @QueryParam("to") String to) {
        return range(from, to, 500).stream().map(VisitView::of).toList();
    }

    @GET
    @Path("/calendar.ics")
    @Produces("text/calendar")
    @Operation(operationId = "getCalendarFeed", summary = "Subscribe to the calendar of visits (iCalendar)",
            description = "Any authenticated caller; a partner sees its own city's visits. The same range as the calendar, as text/calendar (RFC 5545), in the token's locale (fr, ar, en). A calendar application cannot send a bearer token: subscribe with a private feed (POST /api/calendar-feeds) instead.")
    @APIResponse(responseCode = "200", description = "An iCalendar feed")
    @APIResponse(responseCode = "400", description = "A date is malformed; errors names it")
    public Response feed(@QueryParam("from") String from, @QueryParam("to") String to) {
        return Response.ok(feeds.renderFor(range(from, to, 1000), language()), "text/calendar; charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"twinning-visits.ics\"").build();
    }

    /** The token's locale claim, else French. */
    private String language() {
        Object locale = token == null ? null : token.getClaim("locale");
        String language = locale == null ? "fr" : locale.toString().replace("\"", "");
        return language.length() >= 2 ? language.substring(0, 2).toLowerCase(java.util.Locale.ROOT) : "fr";
    }

    /** Defaults: from a month ago to a year ahead. */
    private List<Visit> range(String from, String to, Integer limit) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = QueryValues.date("from", from);
        LocalDate end = QueryValues.date("to", to);
        return visits.between(start == null ? today.minusMonths(1) : start, end == null ? today.plusYears(1) : end,
                LIMIT.of(limit));
    }
}
