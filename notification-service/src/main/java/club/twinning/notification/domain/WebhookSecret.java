package club.twinning.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/**
 * The key a contact's webhook receiver checks our signatures with; shown once, never logged, stored sealed (AES-GCM,
 * see {@code SecretSeal}). After a rotation the previous one still signs until {@link #previousUntil}.
 */
@Entity
public class WebhookSecret extends PanacheEntityBase {

    @Id
    public UUID contactId;
    /** Plain text: rows written before secrets were sealed, until the service seals them at start. */
    public String secret;
    public String sealed;
    public String previous;
    public Instant previousUntil;
    public Instant createdAt;

    @Override
    public String toString() {
        return "WebhookSecret[" + contactId + ", ***]";
    }
}
