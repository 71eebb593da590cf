package club.twinning.portal.web;

import static club.twinning.portal.client.ServiceProblem.call;

import club.twinning.events.CooperationDomain;
import club.twinning.portal.client.ExchangeApi;
import club.twinning.portal.client.RegistryApi;
import club.twinning.portal.client.ServiceProblem;
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
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Expertise requests: a partner city asks, the council decides, the partner follows. */
@Path("/app/requests")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"partner", "council", "secretariat", "ops"})
public class RequestPages {

    // Untyped templates: they read the services' JSON as it comes (see JsonProperties).
    @Location("RequestPages/list.html")
    Template list;

    @Location("RequestPages/form.html")
    Template form;

    @Location("RequestPages/detail.html")
    Template detail;

    @Inject
    Viewer viewer;

    @Inject
    club.twinning.portal.config.PortalConfig config;

    @Inject
    @RestClient
    ExchangeApi exchange;

    @Inject
    @RestClient
    RegistryApi registry;

    /** Newest first, a page at a time (the service's keyset cursor), filtered by status and domain. */
    @GET
    public TemplateInstance requests(@QueryParam("status") String status, @QueryParam("domain") String domain,
                                     @QueryParam(Pages.PARAM) String trail) {
        Pages.Listing requests = Pages.list("/app/requests", Pages.filters("status", status, "domain", domain), trail,
                cursor -> exchange.requests(FormFields.blankToNull(status), FormFields.blankToNull(domain), cursor, config.pageSize()));
        return viewer.render(list.data("requests", requests.page()).data("status", status).data("domain", domain)
                .data("domains", List.of(CooperationDomain.values())).data("pages", requests.pages()));
    }

    @GET
    @Path("/new")
    @RolesAllowed("partner")
    public TemplateInstance newRequest() {
        return showForm(RequestForm.empty(viewer.language().code()), null);
    }

    @POST
    @Path("/new")
    @RolesAllowed("partner")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(MultivaluedMap<String, String> fields) {
        RequestForm form = RequestForm.of(new FormFields(fields));
        return Submission.form(() -> "/app/requests/" + exchange.submit(form.idempotencyKey(), form.toJson()).path("id").asText(),
                problem -> showForm(form, problem));
    }

    @GET
    @Path("/matches")
    @RolesAllowed("partner")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode matches(@QueryParam("domain") String domain) {
        return call(() -> exchange.matches(domain));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance request(@PathParam("id") String id) {
        return showDetail(call(() -> exchange.request(id)), null);
    }

    @POST
    @Path("/{id}/votes")
    @RolesAllowed("council")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response vote(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        FormFields form = new FormFields(fields);
        ObjectNode vote = form.texts("reason").put("choice", fields.getFirst("choice"));
        return act(id, () -> exchange.vote(id, vote));
    }

    @POST
    @Path("/{id}/withdrawal")
    @RolesAllowed("partner")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        FormFields form = new FormFields(fields);
        return act(id, () -> exchange.withdraw(id, form.ifMatch(), form.texts("reason")));
    }

    @POST
    @Path("/{id}/visit")
    @RolesAllowed("partner")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response planVisit(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        FormFields form = new FormFields(fields);
        ObjectNode visit = form.texts("startDate", "endDate", "logistics").put("requestId", id);
        visit.putArray("delegation").addObject()
                .put("name", form.text("delegateName"))
                .put("role", form.text("delegateRole"))
                .put("email", form.text("delegateEmail"));
        return act(id, () -> exchange.planVisit(visit));
    }

    /** An action on a request: back to the request, or the request again with the service's reason. */
    private Response act(String id, Runnable action) {
        return Submission.action(() -> {
            action.run();
            return "/app/requests/" + id;
        }, problem -> showDetail(call(() -> exchange.request(id)), problem));
    }

    private TemplateInstance showForm(RequestForm form, ServiceProblem problem) {
        // The partners a city may ask: those it has an agreement in force with.
        JsonNode inForce = call(() -> registry.agreements(viewer.city(), "IN_FORCE", null, 200));
        List<JsonNode> agreements = new ArrayList<>();
        inForce.path("items").forEach(agreements::add);
        return viewer.render(this.form.data("form", form).data("agreements", agreements)
                .data("domains", List.of(CooperationDomain.values()))
                .data("problem", problem == null ? ServiceProblem.none() : problem));
    }

    private TemplateInstance showDetail(JsonNode request, ServiceProblem problem) {
        return viewer.render(detail.data("request", request).data("problem", problem));
    }
}
