package club.twinning.portal.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Logging out is a change, so it is a POST (the menu's button) that SameOriginForms checks: a link or an image on
 * another site cannot log anyone out. Any other method on the logout path is answered 405 before OIDC sees it.
 */
@ApplicationScoped
public class PostOnlyLogout {

    private final String logoutPath;

    PostOnlyLogout(@ConfigProperty(name = "quarkus.oidc.logout.path") String logoutPath) {
        this.logoutPath = logoutPath;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, SameOriginForms.PRIORITY + 20);
    }

    void check(RoutingContext context) {
        if (context.normalizedPath().equals(logoutPath) && context.request().method() != HttpMethod.POST) {
            context.response().setStatusCode(405).putHeader("Allow", "POST").end();
        } else {
            context.next();
        }
    }
}
