package club.twinning.exchange.api;

import club.twinning.events.CooperationDomain;
import club.twinning.exchange.domain.Match;
import club.twinning.exchange.domain.RelationshipHealth;
import club.twinning.exchange.service.MatchService;
import club.twinning.exchange.service.RelationshipService;
import club.twinning.platform.problem.ProblemException;
import club.twinning.platform.query.QueryValues;
import club.twinning.platform.security.Caller;
import club.twinning.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Partner matching and relationship health: what the network knows about itself. */
@Path("/api")
@Tag(name = "Network", description = "What the network knows about itself: partner matching and relationship health.")
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
    @Operation(operationId = "findMatches", summary = "Find partner cities for a cooperation domain",
            description = "Partner (for its own city), council or secretariat (naming the city with `party`). domain is required and must be a cooperation domain code (GET /api/domains on registry-service); a 400 names the valid codes. Ranks the cities whose expertise and agreements fit.")
    @APIResponse(responseCode = "200", description = "The candidate partner cities, best first")
    @APIResponse(responseCode = "400", description = "No or an unknown domain (the valid codes are named), or no party; errors names it")
    public List<Match> matches(@QueryParam("domain") String domain, @QueryParam("party") String party) {
        if (domain == null || CooperationDomain.of(domain).isEmpty()) {
            throw ProblemException.badField("domain", ProblemException.unknownDomain(domain));
        }
        String city = caller.cityScope(Roles.COUNCIL, Roles.SECRETARIAT).filter(QueryValues.text(party));
        if (city == null) {
            throw ProblemException.badField("party", "the party to find partners for");
        }
        return matches.matches(city, domain);
    }

    @GET
    @Path("/relationships")
    @RolesAllowed({Roles.PARTNER, Roles.COUNCIL, Roles.SECRETARIAT})
    @Operation(operationId = "listRelationships", summary = "Show the health of each city's relationships",
            description = "Partner (its own city's relationships), council or secretariat (all). For each agreement: its activity, dormant or not.")
    @APIResponse(responseCode = "200", description = "The relationships")
    public List<RelationshipHealth> relationships() {
        return relationships.health(caller.cityScope(Roles.COUNCIL, Roles.SECRETARIAT).city(), LocalDate.now(clock));
    }
}
