package club.twinning.registry.persistence;

import club.twinning.registry.domain.AgreementStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A party's row of an agreement, read-only, for the search: {@code Agreement.partyCodes} writes these rows, and the
 * database copies the agreement's status into them (migration V2), so the party and status filters need one index.
 */
@Entity
@Immutable
@Table(name = "agreement_party")
@IdClass(PartyAgreement.Key.class)
public class PartyAgreement {

    public record Key(UUID agreementId, String partyCode) implements Serializable {
    }

    @Id
    @Column(name = "agreement_id")
    public UUID agreementId;

    @Id
    @Column(name = "party_code")
    public String partyCode;

    @Enumerated(EnumType.STRING)
    public AgreementStatus status;
}
