package club.twinning.exchange.api;

import club.twinning.exchange.domain.Visit;
import club.twinning.exchange.service.CalendarFeed;
import club.twinning.exchange.service.VisitService;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Visits and the calendar (JSON by date range, and an iCalendar feed). */
@Path("/api")
@Tag(name = "Visits")
@RolesAllowed({Roles.PARTNER, Roles.COUNCIL, Roles.SECRETARIAT, Roles.OPS})
public class VisitResource {

    private final VisitService visits;
    private final Clock clock;

    VisitResource(VisitService visits, Clock clock) {
        this.visits = visits;
        this.clock = clock;
    }

    @POST
    @Path("/visits")
    @RolesAllowed({Roles.PARTNER, Roles.SECRETARIAT})
    public Response plan(@Valid @NotNull VisitInput input) {
        Visit visit = visits.plan(input);
        return Response.created(URI.create("/api/visits/" + visit.id)).tag(tag(visit)).entity(VisitView.of(visit)).build();
    }

    @GET
    @Path("/visits")
    public Page<VisitView> list(@QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("limit") Integer limit) {
        return new Page<>(range(from, to, limit).stream().map(VisitView::of).toList(), null, null);
    }

    /** With its version as ETag: confirmation, report and cancellation need it back as If-Match. */
    @GET
    @Path("/visits/{id}")
    public Response one(@PathParam("id") UUID id) {
        return ok(visits.visible(id));
    }

    @POST
    @Path("/visits/{id}/confirmation")
    @RolesAllowed(Roles.PARTNER)
    public Response confirm(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(visits.confirm(id, ifMatch));
    }

    @POST
    @Path("/visits/{id}/report")
    @RolesAllowed({Roles.PARTNER, Roles.SECRETARIAT})
    public Response report(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull ReportInput input) {
        return ok(visits.report(id, ifMatch, input));
    }

    @POST
    @Path("/visits/{id}/cancellation")
    @RolesAllowed({Roles.PARTNER, Roles.SECRETARIAT})
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull ReasonInput input) {
        return ok(visits.cancel(id, ifMatch, input.reason()));
    }

    private static Response ok(Visit visit) {
        return Response.ok(VisitView.of(visit)).tag(tag(visit)).build();
    }

    private static EntityTag tag(Visit visit) {
        return new EntityTag(String.valueOf(visit.version));
    }

    @GET
    @Path("/calendar")
    public List<VisitView> calendar(@QueryParam("from") String from, @QueryParam("to") String to) {
        return range(from, to, 500).stream().map(VisitView::of).toList();
    }

    @GET
    @Path("/calendar.ics")
    @Produces("text/calendar")
    public Response feed(@QueryParam("from") String from, @QueryParam("to") String to) {
        return Response.ok(CalendarFeed.of(range(from, to, 1000), clock.instant()), "text/calendar; charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"twinning-visits.ics\"").build();
    }

    /** Defaults: from a month ago to a year ahead. */
    private List<Visit> range(String from, String to, Integer limit) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = Params.date("from", from);
        LocalDate end = Params.date("to", to);
        return visits.between(start == null ? today.minusMonths(1) : start, end == null ? today.plusYears(1) : end,
                Params.limit(limit, 1000));
    }
}
