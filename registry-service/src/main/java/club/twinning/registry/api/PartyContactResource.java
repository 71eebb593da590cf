package club.twinning.registry.api;

import club.twinning.platform.security.Roles;
import club.twinning.registry.domain.Contact;
import club.twinning.registry.service.ContactService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The contacts of one party: the secretariat for any party, a partner for its own city. */
@Path("/api/parties/{code}/contacts")
@Tag(name = "Contacts")
@RolesAllowed({Roles.PARTNER, Roles.SECRETARIAT})
public class PartyContactResource {

    private final ContactService contacts;

    PartyContactResource(ContactService contacts) {
        this.contacts = contacts;
    }

    @GET
    public List<ContactView> of(@PathParam("code") String code) {
        return contacts.of(code).stream().map(ContactView::of).toList();
    }

    @POST
    public Response create(@PathParam("code") String code, @Valid @NotNull ContactInput input) {
        Contact contact = contacts.create(code, input);
        return Response.created(URI.create("/api/contacts/" + contact.id)).entity(ContactView.of(contact))
                .tag(String.valueOf(contact.version)).build();
    }
}
