package club.twinning.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;

/**
 * A holder of the council role as Keycloak last said: kept in the database so that a Keycloak outage, even across
 * a restart, keeps the last good list. {@code email} may be null (such a member cannot be told anything).
 */
@Entity
public class CouncilMember extends PanacheEntityBase {

    @Id
    public String userId;
    public String username;
    public String email;
    public String name;
    public String language;
    public Instant refreshedAt;

    public static List<CouncilMember> all() {
        return list("order by username");
    }
}
