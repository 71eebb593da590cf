package club.twinning.registry.api;

import club.twinning.platform.api.Tagged;
import club.twinning.platform.problem.ExpectedVersion;
import club.twinning.platform.security.Roles;
import club.twinning.registry.domain.Contact;
import club.twinning.registry.service.AuditTrail;
import club.twinning.registry.service.ContactInput;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Contacts: the secretariat manages all; a partner reads and updates its own city's only. */
@Path("/api/contacts")
@Tag(name = "Contacts", description = "The people and addresses a party is reached at (mail, webhook), and the council's address.")
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
    @Operation(operationId = "getContact", summary = "Read one contact",
            description = "The secretariat, or a partner of the contact's own city (403 for another city). The current version's ETag is in the ETag header; send it back as If-Match to change it.")
    @APIResponse(responseCode = "200", description = "The contact",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContactView.class)))
    @APIResponse(responseCode = "403", description = "The contact belongs to another city")
    @APIResponse(responseCode = "404", description = "No such contact")
    public Response one(@PathParam("id") UUID id) {
        Contact contact = contacts.get(id);
        return Tagged.ok(ContactView.of(contact), contact.version);
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "updateContact", summary = "Edit a contact",
            description = "The secretariat, or a partner of the contact's own city, with If-Match. Only the secretariat changes councilMember (403 naming the field otherwise); every change is audited.")
    @APIResponse(responseCode = "200", description = "The edited contact",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContactView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid; errors names each")
    @APIResponse(responseCode = "403", description = "The contact belongs to another city, or a partner changed councilMember; errors names the field")
    @APIResponse(responseCode = "404", description = "No such contact")
    @APIResponse(responseCode = "412", description = "The If-Match ETag is not the current version (someone changed it since you read it); currentEtag says which is")
    @APIResponse(responseCode = "428", description = "No If-Match header: send the ETag you read, so that no change is overwritten unseen")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull ContactInput input) {
        Contact contact = contacts.update(id, ExpectedVersion.fromIfMatch(ifMatch), input);
        return Tagged.ok(ContactView.of(contact), contact.version);
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getContactHistory", summary = "Show a contact's history",
            description = "The secretariat, or a partner of the contact's own city. Each audited change, oldest first.")
    @APIResponse(responseCode = "200", description = "The history")
    @APIResponse(responseCode = "403", description = "The contact belongs to another city")
    @APIResponse(responseCode = "404", description = "No such contact")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        contacts.get(id);
        return HistoryEntry.audited(audit.of("contact", id.toString()));
    }
}
