package club.twinning.registry.api;

import club.twinning.platform.security.Roles;
import club.twinning.registry.domain.Party;
import club.twinning.registry.service.AuditTrail;
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
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/parties")
@Tag(name = "Parties")
@RolesAllowed({Roles.PARTNER, Roles.COUNCIL, Roles.SECRETARIAT, Roles.OPS})
public class PartyResource {

    private final PartyService parties;
    private final AuditTrail audit;

    PartyResource(PartyService parties, AuditTrail audit) {
        this.parties = parties;
        this.audit = audit;
    }

    @GET
    public List<PartyView> all() {
        return parties.all().stream().map(PartyView::of).toList();
    }

    @GET
    @Path("/{code}")
    public Response one(@PathParam("code") String code) {
        Party party = parties.get(code);
        return Response.ok(PartyView.of(party)).tag(String.valueOf(party.version)).build();
    }

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    public Response create(@Valid @NotNull PartyInput input) {
        Party party = parties.create(input);
        return Response.created(URI.create("/api/parties/" + party.code)).entity(PartyView.of(party))
                .tag(String.valueOf(party.version)).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response update(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull PartyInput input) {
        Party party = parties.update(code, ifMatch, input);
        return Response.ok(PartyView.of(party)).tag(String.valueOf(party.version)).build();
    }

    @GET
    @Path("/{code}/history")
    public List<HistoryEntry> history(@PathParam("code") String code) {
        parties.get(code);
        return audit.of("party", code).stream()
                .map(e -> new HistoryEntry(e.at, e.actor, e.action, null, null, null, e.detail)).toList();
    }
}
