package club.twinning.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One step of an agreement's lifecycle: who moved it, when, why. */
@Entity
public class AgreementTransition extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID agreementId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public AgreementStatus from;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public AgreementStatus to;
    public String actor;
    public String reason;
    public Instant at;

    public static List<AgreementTransition> of(UUID agreementId) {
        return list("agreementId = ?1 order by at", agreementId);
    }
}
