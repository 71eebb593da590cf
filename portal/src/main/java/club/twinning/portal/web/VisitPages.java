package club.twinning.portal.web;

import static club.twinning.portal.client.ServiceProblem.call;

import club.twinning.portal.client.ExchangeApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Visits: the list, one visit (confirm as host, file the report), the month calendar and its feed. */
@Path("/app")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"partner", "council", "secretariat", "ops"})
public class VisitPages {

    @Location("VisitPages/list.html")
    Template list;

    @Location("VisitPages/detail.html")
    Template detail;

    @Location("VisitPages/calendar.html")
    Template calendar;

    @Inject
    Viewer viewer;

    @Inject
    @RestClient
    ExchangeApi exchange;

    @Inject
    club.twinning.portal.config.PortalConfig config;

    /** From a month ago to a year ahead (the service's window), by start date, a keyset page at a time. */
    @GET
    @Path("/visits")
    public TemplateInstance visits(@QueryParam(Pages.PARAM) String trail) {
        LocalDate today = LocalDate.now();
        VisitPaging.Result page = call(() -> VisitPaging.page(
                (from, to, limit) -> exchange.visits(from.toString(), to.toString(), limit),
                today.minusMonths(1), today.plusYears(1), Pages.cursor(trail), config.pageSize()));
        Pages pages = Pages.of("/app/visits", Pages.filters(), trail, page.nextCursor());
        return viewer.render(list.data("visits", page.items()).data("pages", pages));
    }

    @GET
    @Path("/visits/{id}")
    public TemplateInstance visit(@PathParam("id") String id) {
        return viewer.render(detail.data("visit", call(() -> exchange.visit(id))).data("problem", null));
    }

    @POST
    @Path("/visits/{id}/confirmation")
    @RolesAllowed("partner")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        return act(id, () -> exchange.confirmVisit(id, new FormFields(fields).ifMatch()));
    }

    @POST
    @Path("/visits/{id}/report")
    @RolesAllowed("partner")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response report(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        FormFields form = new FormFields(fields);
        ObjectNode report = form.texts("outcomes", "lessons");
        var followUps = report.putArray("followUps");
        lines(fields.getFirst("followUps")).forEach(line -> followUps.addObject().put("action", line));
        var attendance = report.putArray("attendance");
        lines(fields.getFirst("attendance")).forEach(attendance::add);
        return act(id, () -> exchange.fileReport(id, form.ifMatch(), report));
    }

    @GET
    @Path("/calendar")
    public TemplateInstance calendar(@QueryParam("month") String month) {
        YearMonth shown = parseMonth(month);
        JsonNode visits = call(() -> exchange.visits(shown.atDay(1).toString(), shown.atEndOfMonth().toString(), 500));
        return viewer.render(calendar.data("month", CalendarMonth.of(shown, visits, viewer.language().locale())));
    }

    @GET
    @Path("/calendar.ics")
    @Produces("text/calendar")
    public Response feed() {
        return Response.ok(call(exchange::calendar))
                .header("Content-Disposition", "inline; filename=\"twinning-visits.ics\"").build();
    }

    private Response act(String id, Supplier<JsonNode> action) {
        return Submission.action(() -> {
            action.get();
            return "/app/visits/" + id;
        }, problem -> viewer.render(detail.data("visit", call(() -> exchange.visit(id))).data("problem", problem)));
    }

    private static Stream<String> lines(String text) {
        return text == null ? Stream.empty()
                : Arrays.stream(text.split("\\R")).map(String::trim).filter(line -> !line.isEmpty());
    }

    private static YearMonth parseMonth(String month) {
        try {
            return month == null ? YearMonth.from(LocalDate.now()) : YearMonth.parse(month);
        } catch (RuntimeException e) {
            return YearMonth.from(LocalDate.now());
        }
    }
}
