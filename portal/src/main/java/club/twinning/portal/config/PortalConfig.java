package club.twinning.portal.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** The portal's own settings (twinning.portal.*). */
@ConfigMapping(prefix = "twinning.portal")
public interface PortalConfig {

    /**
     * Where a form may lead besides the portal itself: the login server's public origin, since logging out
     * (a POST) is answered with a redirect to its end-session page and browsers apply form-action to redirects.
     */
    List<String> formActionOrigins();

    /** Origins besides the request's own that may POST to the portal (a second public host name); none by default. */
    Optional<List<String>> trustedOrigins();

    /** Rows on a page of a list (requests, agreements, deliveries): the services' keyset pages. */
    @WithDefault("50")
    int pageSize();

    /** The Content-Security-Policy sent with every answer; {form-action} is replaced by the origins above. */
    @WithDefault("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self' {form-action}; frame-ancestors 'none'")
    String contentSecurityPolicy();
}
