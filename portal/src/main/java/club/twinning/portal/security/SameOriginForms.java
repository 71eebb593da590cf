package club.twinning.portal.security;

import club.twinning.portal.config.PortalConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;

/**
 * CSRF defence: a change (any method but GET, HEAD, OPTIONS) is accepted only from a page of the portal itself.
 * The browser says where the form came from ({@code Sec-Fetch-Site}, else {@code Origin}); a page on another site
 * cannot forge either. A change that names neither is refused too, so the check never depends on a header being
 * left out. It runs before authentication (priority above the security handlers'), so it covers the logout as well.
 */
@ApplicationScoped
public class SameOriginForms {

    /** Above Quarkus' CORS (300), authentication (200) and authorization (100) handlers. */
    static final int PRIORITY = 500;

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final List<String> trustedOrigins;

    SameOriginForms(PortalConfig config) {
        this.trustedOrigins = config.trustedOrigins().orElse(List.of());
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (SAFE.contains(request.method())) {
            context.next();
            return;
        }
        if (fromThePortal(request)) {
            context.next();
        } else {
            context.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("Refused: this form was not sent from a page of the portal.");
        }
    }

    boolean fromThePortal(HttpServerRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        String origin = request.getHeader("Origin");
        if (site != null && !site.equals("same-origin")) {
            return false;
        }
        if (origin == null) {
            // Browsers that send Sec-Fetch-Site said same-origin; without it a browser always sends Origin on a POST.
            return site != null;
        }
        // The request's own origin, as the proxy forwarded it (X-Forwarded-Proto/Host from a trusted proxy).
        String own = request.scheme() + "://" + request.authority();
        return origin.equalsIgnoreCase(own) || trustedOrigins.stream().anyMatch(origin::equalsIgnoreCase);
    }
}
