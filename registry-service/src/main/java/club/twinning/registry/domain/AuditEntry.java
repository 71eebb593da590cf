package club.twinning.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A change to a party, contact or agreement, with the actor from the token. */
@Entity
public class AuditEntry extends PanacheEntityBase {

    @Id
    public UUID id;
    public String resourceType;
    public String resourceId;
    public String action;
    public String actor;
    public Instant at;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> detail;
}
