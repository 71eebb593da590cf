package club.twinning.registry.api;

import club.twinning.platform.api.Tagged;
import club.twinning.platform.problem.ExpectedVersion;
import club.twinning.platform.security.Roles;
import club.twinning.registry.domain.Party;
import club.twinning.registry.service.AuditTrail;
import club.twinning.registry.service.PartyInput;
import club.twinning.registry.service.PartyService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/parties")
@Tag(name = "Parties", description = "The cities and organisations of the network.")
@RolesAllowed({Roles.PARTNER, Roles.COUNCIL, Roles.SECRETARIAT, Roles.OPS})
public class PartyResource {

    private final PartyService parties;
    private final AuditTrail audit;

    PartyResource(PartyService parties, AuditTrail audit) {
        this.parties = parties;
        this.audit = audit;
    }

    @GET
    @Operation(operationId = "listParties", summary = "List the parties of the network",
            description = "Any authenticated caller. Every city or organisation that can be party to an agreement, with its names in fr/ar/en.")
    @APIResponse(responseCode = "200", description = "The parties")
    public List<PartyView> all() {
        return parties.all().stream().map(PartyView::of).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getParty", summary = "Read one party",
            description = "Any authenticated caller. The current version's ETag is in the ETag header; send it back as If-Match to change it.")
    @APIResponse(responseCode = "200", description = "The party",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PartyView.class)))
    @APIResponse(responseCode = "404", description = "No party with this code")
    public Response one(@PathParam("code") String code) {
        Party party = parties.get(code);
        return Tagged.ok(PartyView.of(party), party.version);
    }

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "createParty", summary = "Add a party to the network",
            description = "Secretariat only. The code (for instance es-semara) is the party's key for ever; expertiseDomains are cooperation domain codes. Answers 201 with its Location and ETag.")
    @APIResponse(responseCode = "201", description = "Added; Location is its URL",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PartyView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid (no name, a bad domain or time zone); errors names each")
    @APIResponse(responseCode = "409", description = "A party with this code exists")
    public Response create(@Valid @NotNull PartyInput input) {
        Party party = parties.create(input);
        return Tagged.created("/api/parties/" + party.code, PartyView.of(party), party.version);
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "updateParty", summary = "Edit a party",
            description = "Secretariat only, with If-Match. The code never changes.")
    @APIResponse(responseCode = "200", description = "The edited party",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PartyView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid, or the code differs; errors names each")
    @APIResponse(responseCode = "404", description = "No party with this code")
    @APIResponse(responseCode = "412", description = "The If-Match ETag is not the current version (someone changed it since you read it); currentEtag says which is")
    @APIResponse(responseCode = "428", description = "No If-Match header: send the ETag you read, so that no change is overwritten unseen")
    public Response update(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull PartyInput input) {
        Party party = parties.update(code, ExpectedVersion.fromIfMatch(ifMatch), input);
        return Tagged.ok(PartyView.of(party), party.version);
    }

    @GET
    @Path("/{code}/history")
    @Operation(operationId = "getPartyHistory", summary = "Show a party's history",
            description = "Any authenticated caller. Who created and changed the party, when and how; oldest first.")
    @APIResponse(responseCode = "200", description = "The history")
    @APIResponse(responseCode = "404", description = "No party with this code")
    public List<HistoryEntry> history(@PathParam("code") String code) {
        parties.get(code);
        return HistoryEntry.audited(audit.of("party", code));
    }
}
