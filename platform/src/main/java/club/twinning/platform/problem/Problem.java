package club.twinning.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** An RFC 9457 problem detail; {@code errors} names each offending field, extensions add what a client needs. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,
        @JsonAnyGetter Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** {@code field} is a JSON path into the request ("window.end"), or a parameter or header name. */
    public record FieldError(String field, String message) {
    }
}
