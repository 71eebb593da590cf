package club.twinning.notification.api;

import club.twinning.notification.service.CouncilDirectory;
import club.twinning.platform.problem.Problem;
import club.twinning.platform.problem.ProblemException;
import club.twinning.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who the council's news reaches: the holders of the council role in Keycloak, as last read. The secretariat or ops
 * read it again at once after changing the role's holders (else it is read every minute).
 */
@Path("/api/council")
@Tag(name = "Council", description = "Who the council's notifications reach.")
@RolesAllowed({Roles.OPS, Roles.SECRETARIAT})
public class CouncilResource {

    private final CouncilDirectory directory;

    CouncilResource(CouncilDirectory directory) {
        this.directory = directory;
    }

    @GET
    @Operation(operationId = "getCouncil", summary = "Show who the council's notifications reach",
            description = "Secretariat or ops. The holders of the council realm role in Keycloak as last read (every minute and at start), plus the contacts marked as the council's address in the registry.")
    @APIResponse(responseCode = "200", description = "The council as last read")
    public CouncilView council() {
        return CouncilView.of(directory.members(), null);
    }

    /** 503 (with Retry-After and the last good list) when Keycloak cannot say: that list stays in use. */
    @POST
    @Path("/refresh")
    @APIResponse(responseCode = "200", description = "The council as read now",
            content = @Content(schema = @Schema(implementation = CouncilView.class)))
    @Operation(operationId = "refreshCouncil", summary = "Read the council from Keycloak again now",
            description = "Secretariat or ops, after changing who holds the council role. If Keycloak cannot answer, 503 with Retry-After and the last good list, which stays in use.")
    @APIResponse(responseCode = "503", description = "Keycloak cannot say who is on the council; the last good list (members) stays in use")
    public Response refresh() {
        CouncilDirectory.Refresh refresh = directory.refresh();
        if (!refresh.ok()) {
            Problem problem = new ProblemException(503, "council-unavailable", "Keycloak cannot say who is on the council",
                    "the last good list (" + refresh.members().size() + " members) stays in use: " + refresh.error())
                    .with("members", CouncilView.of(refresh.members(), refresh.error()).members())
                    .toProblem("/api/council/refresh");
            return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "30").entity(problem).build();
        }
        return Response.ok(CouncilView.of(refresh.members(), null)).build();
    }
}
