package club.twinning.registry.api;

import club.twinning.platform.api.Tagged;
import club.twinning.platform.security.Roles;
import club.twinning.registry.domain.Contact;
import club.twinning.registry.service.ContactInput;
import club.twinning.registry.service.ContactService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(operationId = "listPartyContacts", summary = "List a party's contacts",
            description = "The secretariat for any party; a partner for its own city only (the token's city claim), 403 for another city's.")
    @APIResponse(responseCode = "200", description = "The contacts")
    @APIResponse(responseCode = "403", description = "A partner asking for another city's contacts")
    @APIResponse(responseCode = "404", description = "No party with this code")
    public List<ContactView> of(@PathParam("code") String code) {
        return contacts.of(code).stream().map(ContactView::of).toList();
    }

    @POST
    @Operation(operationId = "createContact", summary = "Add a contact to a party",
            description = "The secretariat for any party; a partner for its own city only. Only the secretariat marks a contact as the council's address (councilMember). The webhook channel needs a webhook URL. Answers 201 with its Location and ETag.")
    @APIResponse(responseCode = "201", description = "Added; Location is its URL",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContactView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid (email, webhook URL); errors names each")
    @APIResponse(responseCode = "403", description = "Another city's party, or a partner setting councilMember; errors names the field")
    @APIResponse(responseCode = "404", description = "No party with this code")
    public Response create(@PathParam("code") String code, @Valid @NotNull ContactInput input) {
        Contact contact = contacts.create(code, input);
        return Tagged.created("/api/contacts/" + contact.id, ContactView.of(contact), contact.version);
    }
}
