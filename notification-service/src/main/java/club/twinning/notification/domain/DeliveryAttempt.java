package club.twinning.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One try at sending a delivery, and how it went. */
@Entity
public class DeliveryAttempt extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID deliveryId;
    public Instant at;
    public String outcome;
    public String detail;

    public static void record(UUID deliveryId, Instant at, String outcome, String detail) {
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.id = UUID.randomUUID();
        attempt.deliveryId = deliveryId;
        attempt.at = at;
        attempt.outcome = outcome;
        attempt.detail = detail == null ? null : detail.substring(0, Math.min(detail.length(), 2000));
        attempt.persist();
    }

    public static List<DeliveryAttempt> of(UUID deliveryId) {
        return list("deliveryId = ?1 order by at", deliveryId);
    }
}
