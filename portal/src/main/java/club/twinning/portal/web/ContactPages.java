package club.twinning.portal.web;

import static club.twinning.portal.client.ServiceProblem.call;
import static club.twinning.portal.web.RequestPages.blankToNull;
import static club.twinning.portal.web.RequestPages.texts;

import club.twinning.portal.client.NotificationApi;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** A city's contacts and how each wants to be told: a partner for its own city, the secretariat for any. */
@Path("/app/contacts")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"partner", "secretariat"})
public class ContactPages {

    @Location("ContactPages/contacts.html")
    Template page;

    @Inject
    Viewer viewer;

    @Inject
    @RestClient
    RegistryApi registry;

    @Inject
    @RestClient
    NotificationApi notification;

    @Inject
    ObjectMapper json;

    @GET
    public TemplateInstance contacts(@QueryParam("party") String party) {
        return show(party(party), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object add(@QueryParam("party") String party, MultivaluedMap<String, String> fields) {
        String code = party(party);
        ObjectNode contact = texts(json.createObjectNode(), fields, "name", "title", "email", "language");
        contact.set("channels", json.valueToTree(fields.getOrDefault("channels", List.of("email"))));
        if (viewer.secretariat()) { // whether a contact is the council's address is the secretariat's to say
            contact.put("councilMember", fields.containsKey("councilMember"));
        }
        try {
            call(() -> registry.addContact(code, contact));
            return Response.seeOther(URI.create("/app/contacts?party=" + code)).build();
        } catch (ServiceProblem.Failed failed) {
            return Response.status(failed.problem().formStatus()).entity(show(code, failed.problem())).build();
        }
    }

    @POST
    @Path("/{id}/preferences")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object preferences(@PathParam("id") String id, @QueryParam("party") String party, MultivaluedMap<String, String> fields) {
        String code = party(party);
        ObjectNode preferences = json.createObjectNode().put("digest", fields.getFirst("digest"));
        String hour = blankToNull(fields.getFirst("digestHour"));
        if (hour != null && hour.matches("\\d{1,2}")) {
            preferences.put("digestHour", Integer.parseInt(hour));
        }
        preferences.set("channels", json.valueToTree(fields.getOrDefault("channels", List.of())));
        try {
            call(() -> notification.setPreferences(id, preferences));
            return Response.seeOther(URI.create("/app/contacts?party=" + code)).build();
        } catch (ServiceProblem.Failed failed) {
            return Response.status(failed.problem().formStatus()).entity(show(code, failed.problem())).build();
        }
    }

    /** A partner always works on its own city; the secretariat on the one it picked (Es-Semara first). */
    private String party(String asked) {
        if (viewer.partner() && !viewer.secretariat()) {
            return viewer.city();
        }
        return asked == null || asked.isBlank() ? "es-semara" : asked;
    }

    private TemplateInstance show(String party, ServiceProblem problem) {
        JsonNode contacts = call(() -> registry.contacts(party));
        Map<String, JsonNode> preferences = new LinkedHashMap<>();
        for (JsonNode contact : contacts) {
            String id = contact.path("id").asText();
            try {
                preferences.put(id, call(() -> notification.preferences(id)));
            } catch (ServiceProblem.Failed notYetKnown) {
                ObjectNode defaults = json.createObjectNode().put("digest", "IMMEDIATE").put("digestHour", 8);
                defaults.putArray("channels");
                preferences.put(id, defaults);
            }
        }
        return viewer.render(page.data("party", party).data("contacts", contacts).data("preferences", preferences)
                .data("parties", viewer.secretariat() ? call(registry::parties) : null)
                .data("problem", problem == null ? ServiceProblem.none() : problem));
    }
}
