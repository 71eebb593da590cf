package club.twinning.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A contact as the registry last announced it: how to reach them, in which language. */
@Entity
public class ContactView extends PanacheEntityBase {

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
    public long version;

    public static List<ContactView> activeOf(List<String> parties) {
        return list("partyCode in ?1 and active = true", parties);
    }

    public static List<ContactView> council() {
        return list("councilMember = true and active = true");
    }
}
