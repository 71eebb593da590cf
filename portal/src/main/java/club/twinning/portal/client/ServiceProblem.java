package club.twinning.portal.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a service answered when it refused (its RFC 9457 problem: title, detail, the offending fields), or
 * that it could not be reached. Pages show it next to the form instead of failing.
 */
public record ServiceProblem(int status, String title, String detail, Map<String, String> fields) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** No problem: what a form shows before anything was sent. */
    public static ServiceProblem none() {
        return new ServiceProblem(200, null, null, Map.of());
    }

    public static ServiceProblem unreachable() {
        return new ServiceProblem(503, null, null, Map.of());
    }

    public boolean unavailable() {
        return status == 503 || status == 502 || status == 504;
    }

    /** The status a refused form is shown again with: 503 when the service was out of reach, else 422. */
    public int formStatus() {
        return unavailable() ? 503 : 422;
    }

    /** The message for a form field, or null. */
    public String field(String name) {
        return fields.get(name);
    }

    static ServiceProblem of(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        try {
            JsonNode body = JSON.readTree(e.getResponse().readEntity(String.class));
            Map<String, String> fields = new LinkedHashMap<>();
            body.path("errors").forEach(error -> fields.putIfAbsent(
                    error.path("field").asText(), error.path("message").asText()));
            return new ServiceProblem(status, body.path("title").asText(null), body.path("detail").asText(null), fields);
        } catch (Exception unreadable) {
            return new ServiceProblem(status, null, null, Map.of());
        }
    }

    /** Runs a call to a service; a refusal or an outage becomes a {@link Failed} carrying the problem. */
    public static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            throw new Failed(of(e));
        } catch (ProcessingException e) {
            throw new Failed(unreachable());
        }
    }

    /** A call that did not succeed, with what the service said. */
    public static final class Failed extends RuntimeException {
        private final ServiceProblem problem;

        public Failed(ServiceProblem problem) {
            super(problem.title(), null, false, false);
            this.problem = problem;
        }

        public ServiceProblem problem() {
            return problem;
        }
    }
}
