package club.twinning.portal.web;

import club.twinning.portal.i18n.Language;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is looking, in which language: every page reads it as {inject:viewer.…}. The language comes from
 * the person's choice (a cookie), else from the browser, else French.
 */
@Named("viewer")
@RequestScoped
public class Viewer {

    public static final String LANGUAGE_COOKIE = "twinning-lang";

    private final SecurityIdentity identity;
    private final HttpServerRequest request;

    Viewer(SecurityIdentity identity, HttpServerRequest request) {
        this.identity = identity;
        this.request = request;
    }

    public Language language() {
        var cookie = request.getCookie(LANGUAGE_COOKIE);
        if (cookie != null) {
            Optional<Language> chosen = Language.of(cookie.getValue());
            if (chosen.isPresent()) {
                return chosen.get();
            }
        }
        String accepted = Optional.ofNullable(request.getHeader("Accept-Language")).orElse("");
        return Language.of(accepted.length() >= 2 ? accepted.substring(0, 2) : "").orElse(Language.FR);
    }

    public boolean loggedIn() {
        return !identity.isAnonymous();
    }

    public String name() {
        Object name = claim("name");
        if (name != null) {
            return name.toString();
        }
        return loggedIn() ? identity.getPrincipal().getName() : "";
    }

    /** The party code of the person's city, from the token's `city` claim; empty when none. */
    public String city() {
        Object city = claim("city");
        return city != null ? city.toString() : "";
    }

    /**
     * A claim the JWT specification does not name, read from the token's claim set: {@link JsonWebToken#getClaim} first
     * tries the standard claims' enum, which throws and catches an exception on every call for such a name.
     */
    private Object claim(String name) {
        if (identity.getPrincipal() instanceof OidcJwtCallerPrincipal oidc) {
            return oidc.getClaims().getClaimValue(name);
        }
        return identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim(name) : null;
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public boolean partner() {
        return is("partner");
    }

    public boolean council() {
        return is("council");
    }

    public boolean secretariat() {
        return is("secretariat");
    }

    public boolean ops() {
        return is("ops");
    }

    public String path() {
        return request.path();
    }

    /** Renders a page in the viewer's language (message bundles read the locale attribute). */
    public TemplateInstance render(TemplateInstance page) {
        Locale locale = language().locale();
        return page.setLocale(locale);
    }
}
