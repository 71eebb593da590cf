package club.twinning.portal.web;

import static club.twinning.portal.client.ServiceProblem.call;
import static club.twinning.portal.web.RequestPages.texts;

import club.twinning.portal.client.RegistryApi;
import club.twinning.portal.client.ServiceProblem;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The secretariat records a party of the club (a city, an association, an international organisation). */
@Path("/app/parties/new")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("secretariat")
public class PartyPages {

    @Location("PartyPages/new.html")
    Template form;

    @Inject
    Viewer viewer;

    @Inject
    @RestClient
    RegistryApi registry;

    @Inject
    ObjectMapper json;

    @GET
    public TemplateInstance newParty() {
        return viewer.render(form.data("problem", ServiceProblem.none()).data("form", java.util.Map.of()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object record(MultivaluedMap<String, String> fields) {
        var party = texts(json.createObjectNode(), fields,
                "code", "kind", "nameFr", "nameAr", "nameEn", "country", "region", "timeZone", "language");
        try {
            call(() -> registry.addParty(party));
            return Response.seeOther(URI.create("/app/contacts?party=" + party.path("code").asText())).build();
        } catch (ServiceProblem.Failed failed) {
            return Response.status(failed.problem().formStatus())
                    .entity(viewer.render(form.data("problem", failed.problem()).data("form", json.convertValue(party, java.util.Map.class))))
                    .build();
        }
    }
}
