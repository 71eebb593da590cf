package club.twinning.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where the council's members are found: the users holding a realm role in Keycloak, read with our own client. */
@ConfigMapping(prefix = "twinning.council")
public interface CouncilConfig {

    /**
     * Keycloak's base URL (its admin API is under /admin/realms/{realm}); by default the part of
     * {@code quarkus.oidc.auth-server-url} before {@code /realms/}, so that wherever tokens come from, so does the council.
     */
    Optional<String> keycloakUrl();

    /** The realm; by default the one of {@code quarkus.oidc.auth-server-url}. */
    Optional<String> realm();

    /** The realm role that makes a user a council member. */
    @WithDefault("council")
    String role();

    /** How often the list is read again (read by the directory's {@code @Scheduled}); {@code off} stops it. */
    @WithDefault("60s")
    String refreshInterval();

    /** Users asked for per page of the admin API. */
    @WithDefault("100")
    int pageSize();

    /** The longest one call to Keycloak may take. */
    @WithDefault("PT10S")
    Duration timeout();
}
