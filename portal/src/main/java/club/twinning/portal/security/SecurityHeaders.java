package club.twinning.portal.security;

import club.twinning.portal.config.PortalConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The headers every answer carries: a strict Content-Security-Policy (scripts and styles from the portal's own
 * files only, no inline code, no framing), nosniff, a referrer kept on the portal (its URLs name requests and
 * visits), and no caching of anything behind the login (/app, the callback, the logout), which is personal.
 */
@ApplicationScoped
public class SecurityHeaders {

    private final String policy;

    SecurityHeaders(PortalConfig config) {
        this.policy = config.contentSecurityPolicy().replace("{form-action}", String.join(" ", config.formActionOrigins()));
    }

    void register(@Observes Filters filters) {
        filters.register(this::add, SameOriginForms.PRIORITY + 10);
    }

    void add(RoutingContext context) {
        var headers = context.response().headers();
        headers.set("Content-Security-Policy", policy);
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        String path = context.normalizedPath();
        if (path.startsWith("/app") || path.equals("/logout")) {
            headers.set("Cache-Control", "no-store");
        }
        context.next();
    }

    public String policy() {
        return policy;
    }
}
