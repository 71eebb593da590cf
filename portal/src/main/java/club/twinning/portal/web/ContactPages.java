package club.twinning.portal.web;

import static club.twinning.portal.client.ServiceProblem.call;

import club.twinning.portal.client.NotificationApi;
import club.twinning.portal.client.RegistryApi;
import club.twinning.portal.client.ServiceProblem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import java.util.LinkedHashMap;
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

    @GET
    public TemplateInstance contacts(@QueryParam("party") String party) {
        return show(party(party), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@QueryParam("party") String party, MultivaluedMap<String, String> fields) {
        String code = party(party);
        FormFields form = new FormFields(fields);
        ObjectNode contact = form.texts("name", "title", "email", "language");
        contact.set("channels", form.list("channels", "email"));
        if (viewer.secretariat()) { // whether a contact is the council's address is the secretariat's to say
            contact.put("councilMember", form.has("councilMember"));
        }
        return Submission.form(() -> {
            registry.addContact(code, contact);
            return "/app/contacts?party=" + code;
        }, problem -> show(code, problem));
    }

    @POST
    @Path("/{id}/preferences")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response preferences(@PathParam("id") String id, @QueryParam("party") String party, MultivaluedMap<String, String> fields) {
        String code = party(party);
        FormFields form = new FormFields(fields);
        ObjectNode preferences = JsonNodeFactory.instance.objectNode().put("digest", fields.getFirst("digest"));
        String hour = form.text("digestHour");
        if (hour != null && hour.matches("\\d{1,2}")) {
            preferences.put("digestHour", Integer.parseInt(hour));
        }
        preferences.set("channels", form.list("channels"));
        return Submission.form(() -> {
            notification.setPreferences(id, preferences);
            return "/app/contacts?party=" + code;
        }, problem -> show(code, problem));
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
                ObjectNode defaults = JsonNodeFactory.instance.objectNode().put("digest", "IMMEDIATE").put("digestHour", 8);
                defaults.putArray("channels");
                preferences.put(id, defaults);
            }
        }
        return viewer.render(page.data("party", party).data("contacts", contacts).data("preferences", preferences)
                .data("parties", viewer.secretariat() ? call(registry::parties) : null)
                .data("problem", problem == null ? ServiceProblem.none() : problem));
    }
}
