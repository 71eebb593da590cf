package club.twinning.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** An event deliveries tell of, stored once however many recipients hear of it (written with its deliveries). */
@Entity
public class DeliveryEvent extends PanacheEntityBase {

    @Id
    public String eventId;
    public String eventType;
    public String eventSource;
    public String eventSubject;
    public Instant eventTime;
    public String eventData;
}
