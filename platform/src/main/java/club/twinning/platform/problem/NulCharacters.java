package club.twinning.platform.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * PostgreSQL cannot store or compare a NUL character: a path or query parameter holding one is refused here, with
 * the parameter named, before it reaches a query. (NUL inside a JSON body is answered by the SQLState mapping.)
 */
public class NulCharacters {

    @ServerRequestFilter(preMatching = true)
    public Response refuse(ContainerRequestContext request) {
        var uri = request.getUriInfo();
        if (uri.getPath().indexOf('\u0000') >= 0) {
            return refusal("path", uri.getPath());
        }
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters(true).entrySet()) {
            if (parameter.getKey().indexOf('\u0000') >= 0
                    || parameter.getValue().stream().anyMatch(v -> v != null && v.indexOf('\u0000') >= 0)) {
                return refusal(parameter.getKey().replace("\u0000", "\\0"), uri.getPath());
            }
        }
        return null;
    }

    private static Response refusal(String field, String path) {
        String message = "contains a NUL character";
        return ProblemMappers.respond(new Problem(ProblemTypes.uri("invalid-request"), "Invalid request", 400,
                field + ": " + message, "/" + path.replaceFirst("^/", ""), List.of(new Problem.FieldError(field, message)), Map.of()));
    }
}
