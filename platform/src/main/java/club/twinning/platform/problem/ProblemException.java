package club.twinning.platform.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Thrown by domain code to answer with a precise problem (409 with the allowed transitions, 403 with why...). */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
    }

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public static ProblemException badField(String field, String message) {
        return new ProblemException(400, "invalid-request", "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** The message for a missing (null) or unknown cooperation domain code: it names the valid ones. */
    public static String unknownDomain(String value) {
        return (value == null ? "a cooperation domain code is required" : "unknown cooperation domain '" + value + "'")
                + "; the codes are "
                + java.util.Arrays.stream(club.twinning.events.CooperationDomain.values())
                        .map(club.twinning.events.CooperationDomain::code).collect(java.util.stream.Collectors.joining(", "))
                + " (GET /api/domains on registry-service names them in fr/ar/en)";
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist");
    }

    public ProblemException with(String key, Object value) {
        // An extension must not shadow a member of RFC 9457 (a string "status" once hid the HTTP status).
        if (java.util.Set.of("type", "title", "status", "detail", "instance").contains(key)) {
            throw new IllegalArgumentException("'" + key + "' is a member of every problem, not an extension");
        }
        extensions.put(key, value);
        return this;
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem(ProblemTypes.uri(slug), title, status, getMessage(), instance, errors, Map.copyOf(extensions));
    }
}
