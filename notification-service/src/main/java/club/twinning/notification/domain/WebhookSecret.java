package club.twinning.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** The key a contact's webhook receiver checks our signatures with; shown once, never logged. */
@Entity
public class WebhookSecret extends PanacheEntityBase {

    @Id
    public UUID contactId;
    public String secret;
    public Instant createdAt;

    @Override
    public String toString() {
        return "WebhookSecret[" + contactId + ", ***]";
    }
}
