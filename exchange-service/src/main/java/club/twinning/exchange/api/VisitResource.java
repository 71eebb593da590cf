package club.twinning.exchange.api;

import club.twinning.exchange.domain.Visit;
import club.twinning.exchange.service.CalendarFeed;
import club.twinning.exchange.service.VisitService;
import club.twinning.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Visits and the calendar (JSON by date range, and an iCalendar feed). */
@Path("/api")
@Tag(name = "Visits")
@RolesAllowed({Roles.PARTNER, Roles.COUNCIL, Roles.SECRETARIAT, Roles.OPS})
public class VisitResource {

    private final VisitService visits;

    VisitResource(VisitService visits) {
        this.visits = visits;
    }

    @POST
    @Path("/visits")
    @RolesAllowed({Roles.PARTNER, Roles.SECRETARIAT})
    public Response plan(@Valid @NotNull VisitInput input) {
        Visit visit = visits.plan(input);
        return Response.created(URI.create("/api/visits/" + visit.id)).entity(VisitView.of(visit)).build();
    }

    @GET
    @Path("/visits")
    public Page<VisitView> list(@QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("limit") Integer limit) {
        return new Page<>(range(from, to, limit).stream().map(VisitView::of).toList(), null, null);
    }

    @GET
    @Path("/visits/{id}")
    public VisitView one(@PathParam("id") UUID id) {
        return VisitView.of(visits.visible(id));
    }

    @POST
    @Path("/visits/{id}/confirmation")
    @RolesAllowed(Roles.PARTNER)
    public VisitView confirm(@PathParam("id") UUID id) {
        return VisitView.of(visits.confirm(id));
    }

    @POST
    @Path("/visits/{id}/report")
    @RolesAllowed({Roles.PARTNER, Roles.SECRETARIAT})
    public VisitView report(@PathParam("id") UUID id, @Valid @NotNull ReportInput input) {
        return VisitView.of(visits.report(id, input));
    }

    @POST
    @Path("/visits/{id}/cancellation")
    @RolesAllowed({Roles.PARTNER, Roles.SECRETARIAT})
    public VisitView cancel(@PathParam("id") UUID id, @Valid @NotNull ReasonInput input) {
        return VisitView.of(visits.cancel(id, input.reason()));
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
        return Response.ok(CalendarFeed.of(range(from, to, 1000), Instant.now()), "text/calendar; charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"twinning-visits.ics\"").build();
    }

    /** Defaults: from a month ago to a year ahead. */
    private List<Visit> range(String from, String to, Integer limit) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate start = Params.date("from", from);
        LocalDate end = Params.date("to", to);
        return visits.between(start == null ? today.minusMonths(1) : start, end == null ? today.plusYears(1) : end,
                Params.limit(limit, 1000));
    }
}
