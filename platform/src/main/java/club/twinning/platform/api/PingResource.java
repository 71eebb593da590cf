package club.twinning.platform.api;

import club.twinning.platform.security.Caller;
import club.twinning.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A protected ping: proves a token is accepted and shows what the service read from it. */
@Path("/api/ping")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PARTNER, Roles.COUNCIL, Roles.SECRETARIAT, Roles.OPS })
public class PingResource {

    public record Pong(String service, String user, Set<String> roles, String city) {
    }

    private final Caller caller;
    private final String service;

    public PingResource(Caller caller, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.caller = caller;
        this.service = service;
    }

    @GET
    @Operation(summary = "Who am I, for this service")
    public Pong ping() {
        return new Pong(service, caller.name(), new TreeSet<>(caller.roles()), caller.city().orElse(null));
    }
}
