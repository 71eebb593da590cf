package club.twinning.notification.service;

import club.twinning.notification.config.NotificationConfig;
import club.twinning.notification.domain.WebhookSecret;
import club.twinning.platform.security.RandomTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Contacts' webhook secrets: issued and rotated (the previous one keeps signing for the grace period, so a partner
 * can deploy the new one without losing a delivery), sealed at rest, opened only to sign.
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);

    private final SecretSeal seal;
    private final NotificationConfig config;
    private final Clock clock;

    WebhookSecrets(SecretSeal seal, NotificationConfig config, Clock clock) {
        this.seal = seal;
        this.config = config;
        this.clock = clock;
    }

    /** Rows written before sealing are sealed at start (the key is checked then too: no key, no start). */
    void sealLegacy(@Observes StartupEvent started) {
        int sealed = QuarkusTransaction.requiringNew().call(() -> {
            List<WebhookSecret> plain = WebhookSecret.list("secret is not null");
            plain.forEach(this::sealPlain);
            return plain.size();
        });
        if (sealed > 0) {
            LOG.infof("sealed %d webhook secret(s) stored in plain text", sealed);
        }
    }

    /** Creates or rotates the contact's secret (in the caller's transaction); returns it, the one time it is shown. */
    public Rotation rotate(UUID contactId) {
        Instant now = clock.instant();
        WebhookSecret row = WebhookSecret.findById(contactId);
        if (row == null) {
            row = new WebhookSecret();
            row.contactId = contactId;
        } else {
            sealPlain(row);
        }
        if (row.sealed != null) {
            row.previous = row.sealed;
            row.previousUntil = now.plus(config.secretGrace());
        }
        String secret = "whsec_" + RandomTokens.next();
        row.sealed = seal.seal(contactId, secret);
        row.createdAt = now;
        row.persist();
        return new Rotation(secret, row.previous == null ? null : row.previousUntil);
    }

    public record Rotation(String secret, Instant previousValidUntil) {
    }

    /** The secrets a delivery is signed with now: the current one, and the previous one during its grace. */
    public List<String> signing(UUID contactId, String plain, String sealed, String previous, Instant previousUntil) {
        List<String> keys = new ArrayList<>(2);
        if (sealed != null) {
            keys.add(seal.open(contactId, sealed));
        } else if (plain != null) {
            keys.add(plain); // not sealed yet (written since start by an older replica): sealed at the next start
        }
        if (previous != null && previousUntil != null && previousUntil.isAfter(clock.instant())) {
            keys.add(seal.open(contactId, previous));
        }
        return keys;
    }

    private void sealPlain(WebhookSecret row) {
        if (row.secret != null) {
            row.sealed = seal.seal(row.contactId, row.secret);
            row.secret = null;
        }
    }
}
