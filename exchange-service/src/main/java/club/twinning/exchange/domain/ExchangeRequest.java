package club.twinning.exchange.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A city asking a twinned city for know-how, and the council's decision on it. */
@Entity
public class ExchangeRequest extends PanacheEntityBase {

    @Id
    public UUID id;
    public String requestingParty;
    public String partnerParty;
    public UUID agreementId;
    public String domain;
    public String title;
    public String need;
    public String offer;
    @Enumerated(EnumType.STRING)
    public Direction direction;
    public LocalDate windowStart;
    public LocalDate windowEnd;
    public int participants;
    public String language;
    @Enumerated(EnumType.STRING)
    public RequestStatus status;
    public String submittedBy;
    public String idempotencyKey;
    public Instant submittedAt;
    public Instant decidedAt;
    public Instant escalatedAt;
    /** While ON_HOLD: the state the request returns to when its agreement is in force again. */
    @Enumerated(EnumType.STRING)
    public RequestStatus heldFrom;
    /** Why a CLOSED request was closed (its agreement ended). */
    public String closedReason;
    @Version
    public long version;

    /** The two cities of the request: what a city scope is checked against. */
    public List<String> parties() {
        return List.of(requestingParty, partnerParty);
    }

    public boolean involves(String party) {
        return party != null && (party.equals(requestingParty) || party.equals(partnerParty));
    }

    /** The city that receives the visit. */
    public String host() {
        return direction == Direction.THEY_VISIT_US ? requestingParty : partnerParty;
    }

    public String visitor() {
        return direction == Direction.THEY_VISIT_US ? partnerParty : requestingParty;
    }
}
