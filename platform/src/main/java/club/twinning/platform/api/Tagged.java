package club.twinning.platform.api;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Answers carrying a resource's version as its ETag ({@code "5"}), the one a client sends back as If-Match to change
 * it (read by {@link club.twinning.platform.problem.ExpectedVersion#fromIfMatch}).
 */
public final class Tagged {

    private Tagged() {
    }

    /** 200 with the view, tagged with its version. */
    public static Response ok(Object view, long version) {
        return Response.ok(view).tag(String.valueOf(version)).build();
    }

    /** 201 with the view at {@code location}, tagged with its version. */
    public static Response created(String location, Object view, long version) {
        return Response.created(URI.create(location)).entity(view).tag(String.valueOf(version)).build();
    }
}
