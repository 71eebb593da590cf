package club.twinning.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.ForbiddenException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into {@code application/problem+json}: the offending field named, no stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem(ProblemTypes.uri("invalid-request"), "Invalid request", 400, detail,
                path(uri), errors, Map.of()));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return unreadableBody(e, uri);
    }

    // Jackson's own mapper for this subtype would otherwise answer plain JSON.
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadableBody(e, uri);
    }

    private Response unreadableBody(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? jsonPath(m) : "";
        String message = e instanceof UnrecognizedPropertyException u
                ? "unknown field '" + u.getPropertyName() + "'"
                : e instanceof JsonMappingException ? "has the wrong type or format" : "the body is not valid JSON";
        if (e instanceof UnrecognizedPropertyException u) {
            field = field.isEmpty() ? u.getPropertyName() : field;
        }
        List<Problem.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, message));
        return respond(new Problem(ProblemTypes.uri("unreadable-body"), "Unreadable request body", 400,
                field.isEmpty() ? message : field + ": " + message, path(uri), errors, Map.of()));
    }

    /** No token on a secured operation: still a 401 with the Bearer challenge, now with a problem a client can read. */
    @ServerExceptionMapper
    public Response unauthorized(io.quarkus.security.UnauthorizedException e, UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(new Problem(ProblemTypes.uri("unauthorized"), "Unauthorized", 401,
                        "send an access token of the twinning realm as Authorization: Bearer <token>", path(uri), List.of(),
                        Map.of())).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(ProblemTypes.uri("forbidden"), "Forbidden", 403,
                "your roles do not allow this operation", path(uri), List.of(), Map.of()));
    }

    /**
     * A query parameter that does not convert to its type ({@code ?limit=abc}) reaches here as a NotFoundException
     * with the conversion's failure as cause (Jakarta REST's rule for query and path parameters): for a query
     * parameter that is a 400 naming it. A path that matches nothing, or a path parameter, stays a 404.
     */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (e.getCause() != null && !(e.getCause() instanceof WebApplicationException) && method != null && uri != null) {
            Optional<Problem.FieldError> bad = QueryParameters.badlyTyped(method, uri.getQueryParameters());
            if (bad.isPresent()) {
                return respond(new Problem(ProblemTypes.uri("invalid-request"), "Invalid request", 400,
                        bad.get().field() + ": " + bad.get().message(), path(uri), List.of(bad.get()), Map.of()));
            }
        }
        return web(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableBody(unreadable, uri);
        }
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "HTTP " + status;
        Problem problem = new Problem(ProblemTypes.uri(title.toLowerCase().replace(' ', '-')), title, status,
                status >= 500 ? title : e.getMessage(), path(uri), List.of(), Map.of());
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(v -> response.header(name, v));
            }
        });
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        if (databaseUnavailable(e)) {
            // The service's own database is down or restarting: the client may try again shortly.
            LOG.warnf("database unavailable on %s: %s", path(uri), e.getMessage());
            return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5")
                    .entity(new Problem(ProblemTypes.uri("database-unavailable"), "Service unavailable", 503,
                            "the service's database cannot be reached; try again in a few seconds", path(uri), List.of(),
                            Map.of())).build();
        }
        if (dataException(e)) {
            // SQLState class 22: a value the database cannot take (a NUL character, an out-of-range number); nothing was written.
            return respond(new Problem(ProblemTypes.uri("invalid-value"), "Invalid value", 400,
                    "a value in the request cannot be stored (for instance a NUL character or a number out of range)",
                    path(uri), List.of(), Map.of()));
        }
        // The client gets an id to quote; the stack trace stays in the log.
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "incident %s on %s", incident, path(uri));
        return respond(new Problem(ProblemTypes.uri("internal-error"), "Internal error", 500,
                "an unexpected error occurred; quote incident " + incident, path(uri), List.of(),
                Map.of("incident", incident)));
    }

    /**
     * A lost or refused connection (SQLState class 08, or 57P: the server shutting down or starting), anywhere in the
     * causes or what they suppressed: a commit cut by the shutdown is a RollbackException whose PostgreSQL error is
     * only a suppressed XAException's cause.
     */
    public static boolean databaseUnavailable(Throwable e) {
        return databaseUnavailable(e, 0);
    }

    private static boolean databaseUnavailable(Throwable e, int depth) {
        for (Throwable t = e; t != null && depth < 8; t = t.getCause() == t ? null : t.getCause()) {
            for (Throwable suppressed : t.getSuppressed()) {
                if (databaseUnavailable(suppressed, depth + 1)) {
                    return true;
                }
            }
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.sql.SQLRecoverableException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
        }
        return false;
    }

    static boolean dataException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** "submit.arg0.window.end" → "window.end", "agenda[0].time", "domains[1]": drop the method and parameter nodes a client never sees. */
    static String field(ConstraintViolation<?> v) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER && v.getPropertyPath().toString().split("\\.").length > 2) {
                continue;
            }
            // Hibernate Validator puts a list index on the node *inside* the element ("agenda", "time"[0]):
            // it belongs to the list, so that the path reads agenda[0].time, as Jackson's paths do.
            if (node.isInIterable() && (node.getIndex() != null || node.getKey() != null)) {
                String subscript = "[" + (node.getIndex() != null ? node.getIndex() : node.getKey()) + "]";
                if (names.isEmpty()) {
                    names.add(subscript);
                } else {
                    names.set(names.size() - 1, names.get(names.size() - 1) + subscript);
                }
            }
            String name = node.getName();
            if (name != null && !name.isEmpty() && !name.startsWith("<")) {
                names.add(name);
            }
        }
        return String.join(".", names);
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
