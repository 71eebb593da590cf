package club.twinning.exchange.api;

import club.twinning.events.CooperationDomain;
import club.twinning.exchange.service.MatchService;
import club.twinning.exchange.service.RelationshipService;
import club.twinning.platform.problem.ProblemException;
import club.twinning.platform.security.Caller;
import club.twinning.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Partner matching and relationship health: what the network knows about itself. */
@Path("/api")
@Tag(name = "Network")
public class NetworkResource {

    private final MatchService matches;
    private final RelationshipService relationships;
    private final Caller caller;
    private final Clock clock;

    NetworkResource(MatchService matches, RelationshipService relationships, Caller caller, Clock clock) {
        this.matches = matches;
        this.relationships = relationships;
        this.caller = caller;
        this.clock = clock;
    }

    /** For the caller's city (council and secretariat name one with {@code party}). */
    @GET
    @Path("/matches")
    @RolesAllowed({Roles.PARTNER, Roles.COUNCIL, Roles.SECRETARIAT})
    public List<Match> matches(@QueryParam("domain") String domain, @QueryParam("party") String party) {
        if (domain == null || CooperationDomain.of(domain).isEmpty()) {
            throw ProblemException.badField("domain", "a cooperation domain code such as desert-land-management");
        }
        String city = caller.is(Roles.PARTNER) ? caller.requireCity() : Params.text(party);
        if (city == null) {
            throw ProblemException.badField("party", "the party to find partners for");
        }
        return matches.matches(city, domain);
    }

    @GET
    @Path("/relationships")
    @RolesAllowed({Roles.PARTNER, Roles.COUNCIL, Roles.SECRETARIAT})
    public List<RelationshipHealth> relationships() {
        boolean partnerOnly = caller.is(Roles.PARTNER) && !caller.is(Roles.COUNCIL) && !caller.is(Roles.SECRETARIAT);
        return relationships.health(partnerOnly ? caller.requireCity() : null, LocalDate.now(clock));
    }
}
