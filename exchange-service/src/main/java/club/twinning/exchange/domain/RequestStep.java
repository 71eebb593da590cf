package club.twinning.exchange.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One step of a request's workflow: who, when, why. */
@Entity
public class RequestStep extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID requestId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public RequestStatus from;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public RequestStatus to;
    public String actor;
    public String reason;
    public Instant at;

    public static List<RequestStep> of(UUID requestId) {
        return list("requestId = ?1 order by at", requestId);
    }
}
