package club.twinning.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The text a signed agreement had before an edit, with who changed it, when and why. */
@Entity
public class AgreementRevision extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID agreementId;
    /** 1 for the first edit after signing, then 2, 3… */
    public int number;
    /** The agreement's status when it was edited. */
    @Enumerated(EnumType.STRING)
    public AgreementStatus status;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> previous;
    public String reason;
    public String actor;
    public Instant at;

    public static List<AgreementRevision> of(UUID agreementId) {
        return list("agreementId = ?1 order by number", agreementId);
    }
}
