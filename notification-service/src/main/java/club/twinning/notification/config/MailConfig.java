package club.twinning.notification.config;

import club.twinning.platform.config.BaseUrl;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/** Where an email's links lead: the portal's pages, and this service's one-click unsubscribe endpoint. */
@ConfigMapping(prefix = "twinning.notification")
public interface MailConfig {

    /**
     * The portal's public base URL, without trailing slashes (the request, visit, agreement and preferences pages are
     * under it).
     */
    @WithDefault("http://127.0.0.1:8080")
    @WithConverter(BaseUrl.class)
    String portalUrl();

    /** This service's public base URL, as a mail client reaches it for the one-click unsubscribe. */
    @WithDefault("http://127.0.0.1:8083")
    @WithConverter(BaseUrl.class)
    String publicUrl();

    /** The key that signs unsubscribe tokens (HMAC-SHA256); set from a Secret outside a laptop. */
    String unsubscribeKey();
}
