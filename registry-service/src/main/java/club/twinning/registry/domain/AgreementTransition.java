package club.twinning.registry.domain;

import club.twinning.platform.state.Step;
import club.twinning.platform.state.StepRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.List;
import java.util.UUID;

/** One step of an agreement's lifecycle: who moved it, when, why (the columns every step log has come from StepRecord). */
@Entity
public class AgreementTransition extends StepRecord {

    public UUID agreementId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public AgreementStatus from;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public AgreementStatus to;

    /** The log row of {@code step}, a move of the agreement {@code agreementId}. */
    public static AgreementTransition of(UUID agreementId, Step<AgreementStatus> step) {
        AgreementTransition row = new AgreementTransition();
        row.record(step);
        row.agreementId = agreementId;
        row.from = step.from();
        row.to = step.to();
        return row;
    }

    public static List<AgreementTransition> of(UUID agreementId) {
        return list("agreementId = ?1 order by at", agreementId);
    }
}
