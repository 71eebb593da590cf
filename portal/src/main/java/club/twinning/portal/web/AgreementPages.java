package club.twinning.portal.web;

import static club.twinning.portal.client.ServiceProblem.call;
import static club.twinning.portal.web.RequestPages.blankToNull;
import static club.twinning.portal.web.RequestPages.texts;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Agreements: a partner sees its city's and their commitments; the secretariat moves them through their lifecycle. */
@Path("/app/agreements")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"partner", "council", "secretariat", "ops"})
public class AgreementPages {

    @Location("AgreementPages/list.html")
    Template list;

    @Location("AgreementPages/detail.html")
    Template detail;

    @Inject
    Viewer viewer;

    @Inject
    club.twinning.portal.config.PortalConfig config;

    @Inject
    @RestClient
    RegistryApi registry;

    @Inject
    ObjectMapper json;

    @GET
    public TemplateInstance agreements(@QueryParam("status") String status, @QueryParam(Pages.PARAM) String trail) {
        String party = viewer.partner() ? viewer.city() : null;
        JsonNode page = call(() -> registry.agreements(party, blankToNull(status), Pages.cursor(trail), config.pageSize()));
        Pages pages = Pages.of("/app/agreements", Pages.filters("status", status), trail, page.path("nextCursor").asText(null));
        return viewer.render(list.data("agreements", page).data("status", status).data("pages", pages));
    }

    @Location("AgreementPages/new.html")
    Template newForm;

    @GET
    @Path("/new")
    @RolesAllowed("secretariat")
    public TemplateInstance newAgreement() {
        return showNew(null);
    }

    @POST
    @Path("/new")
    @RolesAllowed("secretariat")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object record(MultivaluedMap<String, String> fields) {
        var body = texts(json.createObjectNode(), fields, "reference", "type", "titleFr", "titleAr", "titleEn");
        body.set("parties", json.valueToTree(fields.getOrDefault("parties", java.util.List.of())));
        body.set("domains", json.valueToTree(fields.getOrDefault("domains", java.util.List.of())));
        try {
            JsonNode created = call(() -> registry.addAgreement(body));
            return Response.seeOther(URI.create("/app/agreements/" + created.path("id").asText())).build();
        } catch (ServiceProblem.Failed failed) {
            return Response.status(failed.problem().formStatus()).entity(showNew(failed.problem())).build();
        }
    }

    /** The signed text, as a file: stored by the registry with its media type and checksum. */
    @POST
    @Path("/{id}/documents")
    @RolesAllowed("secretariat")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Object upload(@PathParam("id") String id, @org.jboss.resteasy.reactive.RestForm String language,
                         @org.jboss.resteasy.reactive.RestForm("file") org.jboss.resteasy.reactive.multipart.FileUpload file) {
        try {
            byte[] content = java.nio.file.Files.readAllBytes(file.uploadedFile());
            call(() -> registry.upload(id, blankToNull(language), file.fileName(), file.contentType(), content));
            return Response.seeOther(URI.create("/app/agreements/" + id)).build();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (ServiceProblem.Failed failed) {
            return Response.status(failed.problem().formStatus()).entity(show(id, failed.problem())).build();
        }
    }

    private TemplateInstance showNew(ServiceProblem problem) {
        return viewer.render(newForm.data("parties", call(registry::parties)).data("problem", problem == null ? ServiceProblem.none() : problem)
                .data("domains", java.util.List.of(club.twinning.events.CooperationDomain.values())));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance agreement(@PathParam("id") String id) {
        return show(id, null);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed("secretariat")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object transition(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        var body = evidence(texts(json.createObjectNode(), fields, "to", "reason", "signedOn", "place", "effectiveFrom",
                "formalitiesWaiver"), fields);
        try {
            // The version the person looked at: if someone changed it since, the registry answers 412.
            call(() -> registry.transition(id, fields.getFirst("etag"), body));
            return Response.seeOther(URI.create("/app/agreements/" + id)).build();
        } catch (ServiceProblem.Failed failed) {
            return Response.status(failed.problem().status()).entity(show(id, failed.problem())).build();
        }
    }

    /** The signatory and the formalities typed with a move, when any was: the registry records them with it. */
    private ObjectNode evidence(ObjectNode body, MultivaluedMap<String, String> fields) {
        String signatory = blankToNull(fields.getFirst("signatoryName"));
        if (signatory != null) {
            body.putArray("signatories").addObject().put("name", signatory)
                    .put("title", blankToNull(fields.getFirst("signatoryTitle")))
                    .put("partyCode", blankToNull(fields.getFirst("signatoryParty")));
        }
        var formalities = texts(json.createObjectNode(), fields, "councilDeliberationNumber", "councilDeliberationDate",
                "authorityApprovalReference");
        if (formalities.properties().stream().anyMatch(e -> !e.getValue().isNull())) {
            body.set("formalities", formalities);
        }
        return body;
    }

    private TemplateInstance show(String id, ServiceProblem problem) {
        Response response = call(() -> registry.agreement(id));
        JsonNode agreement = response.readEntity(JsonNode.class);
        return viewer.render(detail.data("agreement", agreement).data("problem", problem)
                .data("etag", response.getHeaderString(HttpHeaders.ETAG)));
    }
}
