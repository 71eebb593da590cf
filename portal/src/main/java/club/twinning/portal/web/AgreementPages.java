package club.twinning.portal.web;

import static club.twinning.portal.client.ServiceProblem.call;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
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

    @GET
    public TemplateInstance agreements(@QueryParam("status") String status, @QueryParam(Pages.PARAM) String trail) {
        String party = viewer.partner() ? viewer.city() : null;
        Pages.Listing agreements = Pages.list("/app/agreements", Pages.filters("status", status), trail,
                cursor -> registry.agreements(party, FormFields.blankToNull(status), cursor, config.pageSize()));
        return viewer.render(list.data("agreements", agreements.page()).data("status", status).data("pages", agreements.pages()));
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
    public Response record(MultivaluedMap<String, String> fields) {
        FormFields form = new FormFields(fields);
        ObjectNode body = form.texts("reference", "type", "titleFr", "titleAr", "titleEn");
        body.set("parties", form.list("parties"));
        body.set("domains", form.list("domains"));
        return Submission.form(() -> "/app/agreements/" + registry.addAgreement(body).path("id").asText(), this::showNew);
    }

    /** The signed text, as a file: stored by the registry with its media type and checksum. */
    @POST
    @Path("/{id}/documents")
    @RolesAllowed("secretariat")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("id") String id, @org.jboss.resteasy.reactive.RestForm String language,
                           @org.jboss.resteasy.reactive.RestForm("file") org.jboss.resteasy.reactive.multipart.FileUpload file) {
        byte[] content;
        try {
            content = java.nio.file.Files.readAllBytes(file.uploadedFile());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return Submission.form(() -> {
            registry.upload(id, FormFields.blankToNull(language), file.fileName(), file.contentType(), content);
            return "/app/agreements/" + id;
        }, problem -> show(id, problem));
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
    public Response transition(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        FormFields form = new FormFields(fields);
        ObjectNode body = evidence(form.texts("to", "reason", "signedOn", "place", "effectiveFrom", "formalitiesWaiver"), form);
        // The version the person looked at: if someone changed it since, the registry answers 412.
        return Submission.action(() -> {
            registry.transition(id, fields.getFirst("etag"), body);
            return "/app/agreements/" + id;
        }, problem -> show(id, problem));
    }

    /** The signatory and the formalities typed with a move, when any was: the registry records them with it. */
    private static ObjectNode evidence(ObjectNode body, FormFields form) {
        String signatory = form.text("signatoryName");
        if (signatory != null) {
            body.putArray("signatories").addObject().put("name", signatory)
                    .put("title", form.text("signatoryTitle"))
                    .put("partyCode", form.text("signatoryParty"));
        }
        ObjectNode formalities = form.texts("councilDeliberationNumber", "councilDeliberationDate", "authorityApprovalReference");
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
