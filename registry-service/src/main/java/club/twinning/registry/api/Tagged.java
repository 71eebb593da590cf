package club.twinning.registry.api;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Answers carrying a resource's version as its ETag, the one a client sends back as If-Match to change it (read by
 * platform's ExpectedVersion).
 */
final class Tagged {

    private Tagged() {
    }

    static Response ok(Object view, long version) {
        return Response.ok(view).tag(String.valueOf(version)).build();
    }

    static Response created(String location, Object view, long version) {
        return Response.created(URI.create(location)).entity(view).tag(String.valueOf(version)).build();
    }
}
