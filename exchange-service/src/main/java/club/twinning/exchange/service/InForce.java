package club.twinning.exchange.service;

import club.twinning.exchange.replica.AgreementLocks;
import club.twinning.exchange.replica.KnownAgreement;
import club.twinning.platform.problem.ProblemException;
import java.util.Optional;

/** The rule every new step rests on: the agreement under it is in force (as of the step's own transaction). */
final class InForce {

    private InForce() {
    }

    /** @param refused what the agreement's state stops, e.g. "votes wait until it is in force again" */
    static void require(Optional<AgreementLocks.Locked> agreement, String refused) {
        String status = agreement.map(AgreementLocks.Locked::status).orElse("UNKNOWN");
        if (KnownAgreement.IN_FORCE.equals(status)) {
            return;
        }
        String reference = agreement.map(AgreementLocks.Locked::reference).orElse("of this request");
        ProblemException problem = new ProblemException(422, "agreement-not-in-force", "Agreement not in force",
                "agreement " + reference + " is " + status + ", not in force: " + refused)
                .with("agreementStatus", status);
        agreement.ifPresent(a -> problem.with("agreementId", a.id()).with("agreementReference", a.reference()));
        throw problem;
    }
}
