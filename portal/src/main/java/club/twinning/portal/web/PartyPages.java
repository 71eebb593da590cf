package club.twinning.portal.web;

import club.twinning.portal.client.RegistryApi;
import club.twinning.portal.client.ServiceProblem;
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

    @GET
    public TemplateInstance newParty() {
        return viewer.render(form.data("problem", ServiceProblem.none()).data("form", java.util.Map.of()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response record(MultivaluedMap<String, String> fields) {
        FormFields typed = new FormFields(fields);
        String[] names = {"code", "kind", "nameFr", "nameAr", "nameEn", "country", "region", "timeZone", "language"};
        return Submission.form(() -> {
            registry.addParty(typed.texts(names));
            return "/app/contacts?party=" + typed.text("code");
        }, problem -> viewer.render(form.data("problem", problem).data("form", typed.values(names))));
    }
}
