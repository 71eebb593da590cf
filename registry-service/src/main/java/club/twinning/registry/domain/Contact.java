package club.twinning.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person to reach at a party, in their language, through their channels. */
@Entity
public class Contact extends PanacheEntityBase {

    @Id
    public UUID id;
    public String partyCode;
    public String name;
    public String title;
    public String email;
    public String phone;
    public String language;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> channels = new ArrayList<>();
    public String webhookUrl;
    public boolean councilMember;
    public boolean active = true;
    @Version
    public long version;
}
