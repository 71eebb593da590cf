package club.twinning.registry.api;

import club.twinning.platform.security.Roles;
import club.twinning.registry.domain.Contact;
import club.twinning.registry.service.AuditTrail;
import club.twinning.registry.service.ContactService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Contacts: the secretariat manages all; a partner reads and updates its own city's only. */
@Path("/api/contacts")
@Tag(name = "Contacts")
@RolesAllowed({Roles.PARTNER, Roles.SECRETARIAT})
public class ContactResource {

    private final ContactService contacts;
    private final AuditTrail audit;

    ContactResource(ContactService contacts, AuditTrail audit) {
        this.contacts = contacts;
        this.audit = audit;
    }

    @GET
    @Path("/{id}")
    public Response one(@PathParam("id") UUID id) {
        Contact contact = contacts.get(id);
        return Response.ok(ContactView.of(contact)).tag(String.valueOf(contact.version)).build();
    }

    @PUT
    @Path("/{id}")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull ContactInput input) {
        Contact contact = contacts.update(id, ifMatch, input);
        return Response.ok(ContactView.of(contact)).tag(String.valueOf(contact.version)).build();
    }

    @GET
    @Path("/{id}/history")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        contacts.get(id);
        return audit.of("contact", id.toString()).stream()
                .map(e -> new HistoryEntry(e.at, e.actor, e.action, null, null, null, e.detail)).toList();
    }
}
