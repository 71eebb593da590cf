package club.twinning.platform.problem;

import io.quarkus.security.AuthenticationFailedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A token that fails verification (bad signature, expired, another audience, an ID token) is refused before any
 * resource runs; Quarkus REST hands that failure to this mapper, so the 401 is problem+json like every other error,
 * beside the Bearer challenge the OIDC mechanism sets. A missing token is {@link ProblemMappers#unauthorized}'s.
 */
public class TokenRefusal {

    @ServerExceptionMapper
    public Response refused(AuthenticationFailedException e, UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .entity(new Problem(ProblemTypes.uri("unauthorized"), "Unauthorized", 401,
                        "the token is not a valid access token of the twinning realm for this service",
                        uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""), List.of(), Map.of())).build();
    }
}
