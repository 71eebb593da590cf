package club.twinning.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A party's language (a contact without one falls back to it) and time zone (for daily digests). */
@Entity
public class PartyView extends PanacheEntityBase {

    @Id
    public String code;
    public String nameFr;
    public String language;
    public String timeZone;
    public long version;
}
