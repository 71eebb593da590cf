package club.twinning.portal.web;

import static club.twinning.portal.client.ServiceProblem.call;

import club.twinning.events.CooperationDomain;
import club.twinning.portal.client.ExchangeApi;
import club.twinning.portal.client.RegistryApi;
import club.twinning.portal.client.ServiceProblem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    @Inject
    ObjectMapper json;

    /** Newest first, a page at a time (the service's keyset cursor), filtered by status and domain. */
    @GET
    public TemplateInstance requests(@QueryParam("status") String status, @QueryParam("domain") String domain,
                                     @QueryParam(Pages.PARAM) String trail) {
        JsonNode page = call(() -> exchange.requests(blankToNull(status), blankToNull(domain), Pages.cursor(trail), config.pageSize()));
        Pages pages = Pages.of("/app/requests", Pages.filters("status", status, "domain", domain), trail,
                page.path("nextCursor").asText(null));
        return viewer.render(list.data("requests", page).data("status", status).data("domain", domain)
                .data("domains", List.of(CooperationDomain.values())).data("pages", pages));
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
    public Object submit(MultivaluedMap<String, String> fields) {
        RequestForm form = RequestForm.of(fields);
        try {
            JsonNode created = call(() -> exchange.submit(form.idempotencyKey(), form.toJson(json)));
            return Response.seeOther(URI.create("/app/requests/" + created.path("id").asText())).build();
        } catch (ServiceProblem.Failed failed) {
            return Response.status(failed.problem().formStatus())
                    .entity(showForm(form, failed.problem())).build();
        }
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
    public Object vote(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        ObjectNode vote = json.createObjectNode()
                .put("choice", fields.getFirst("choice"))
                .put("reason", blankToNull(fields.getFirst("reason")));
        return act(id, () -> exchange.vote(id, vote));
    }

    @POST
    @Path("/{id}/withdrawal")
    @RolesAllowed("partner")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object withdraw(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        ObjectNode reason = texts(json.createObjectNode(), fields, "reason");
        return act(id, () -> exchange.withdraw(id, ifMatch(fields), reason));
    }

    @POST
    @Path("/{id}/visit")
    @RolesAllowed("partner")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object planVisit(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        ObjectNode visit = texts(json.createObjectNode().put("requestId", id), fields, "startDate", "endDate", "logistics");
        visit.putArray("delegation").addObject()
                .put("name", blankToNull(fields.getFirst("delegateName")))
                .put("role", blankToNull(fields.getFirst("delegateRole")))
                .put("email", blankToNull(fields.getFirst("delegateEmail")));
        return act(id, () -> exchange.planVisit(visit));
    }

    /** An action on a request: back to the request, or the request again with the service's reason. */
    private Object act(String id, Runnable action) {
        try {
            call(() -> {
                action.run();
                return null;
            });
            return Response.seeOther(URI.create("/app/requests/" + id)).build();
        } catch (ServiceProblem.Failed failed) {
            return Response.status(failed.problem().status())
                    .entity(showDetail(call(() -> exchange.request(id)), failed.problem())).build();
        }
    }

    private TemplateInstance showForm(RequestForm form, ServiceProblem problem) {
        // The partners a city may ask: those it has an agreement in force with.
        JsonNode inForce = call(() -> registry.agreements(viewer.city(), "IN_FORCE", 200));
        List<JsonNode> agreements = new ArrayList<>();
        inForce.path("items").forEach(agreements::add);
        return viewer.render(this.form.data("form", form).data("agreements", agreements)
                .data("domains", List.of(CooperationDomain.values()))
                .data("problem", problem == null ? ServiceProblem.none() : problem));
    }

    private TemplateInstance showDetail(JsonNode request, ServiceProblem problem) {
        return viewer.render(detail.data("request", request).data("problem", problem));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * The If-Match of a change: the version of the resource the page showed (its hidden {@code version} field), as
     * the service's ETag; a page rendered before someone else's change gets the service's 412, shown with the form.
     */
    static String ifMatch(MultivaluedMap<String, String> fields) {
        String version = blankToNull(fields.getFirst("version"));
        return version == null ? null : "\"" + version + "\"";
    }

    /** Puts each named form field into {@code into} under the same name, trimmed, a blank one as null. */
    static ObjectNode texts(ObjectNode into, MultivaluedMap<String, String> fields, String... names) {
        for (String name : names) {
            into.put(name, blankToNull(fields.getFirst(name)));
        }
        return into;
    }
}
