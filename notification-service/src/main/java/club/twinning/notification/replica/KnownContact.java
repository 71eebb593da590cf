package club.twinning.notification.replica;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A contact as the registry last announced it (a local copy of registry-service's data, updated from its events):
 * how to reach them, in which language. The table keeps its first name.
 */
@Entity
@Table(name = "contact_view")
public class KnownContact extends RegistryCopy {

    @Id
    public UUID id;
    public String partyCode;
    public String name;
    public String email;
    public String language;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> channels = new ArrayList<>();
    public String webhookUrl;
    public boolean councilMember;
    public boolean active;

    /** A copy not yet filled in. */
    public static KnownContact of(UUID id) {
        KnownContact copy = new KnownContact();
        copy.id = id;
        return copy;
    }

    public static List<KnownContact> activeOf(List<String> parties) {
        return list("partyCode in ?1 and active = true", parties);
    }

    public static List<KnownContact> council() {
        return list("councilMember = true and active = true");
    }
}
