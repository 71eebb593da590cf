package club.twinning.registry.domain;

import club.twinning.platform.state.StatusStepRecord;
import club.twinning.platform.state.Step;
import jakarta.persistence.Entity;
import java.util.List;
import java.util.UUID;

/** One step of an agreement's lifecycle: who moved it, when, why, from which status to which (columns from platform). */
@Entity
public class AgreementTransition extends StatusStepRecord<AgreementStatus> {

    public UUID agreementId;

    /** The log row of {@code step}, a move of the agreement {@code agreementId}. */
    public static AgreementTransition of(UUID agreementId, Step<AgreementStatus> step) {
        AgreementTransition row = new AgreementTransition();
        row.log(step);
        row.agreementId = agreementId;
        return row;
    }

    public static List<AgreementTransition> of(UUID agreementId) {
        return list("agreementId = ?1 order by at", agreementId);
    }
}
