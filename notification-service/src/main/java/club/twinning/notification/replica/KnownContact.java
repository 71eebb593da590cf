package club.twinning.notification.replica;

import club.twinning.platform.replica.LocalCopy;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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
public class KnownContact extends PanacheEntityBase implements LocalCopy.Versioned {

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
    /** The registry's version of the record this copies (see {@link LocalCopy}). */
    public long version;

    @Override
    public long copiedVersion() {
        return version;
    }

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
