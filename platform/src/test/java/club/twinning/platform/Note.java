package club.twinning.platform;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A stand-in aggregate for the outbox tests. */
@Entity
public class Note extends PanacheEntityBase {
    @Id
    public String id;
    public String text;
}
