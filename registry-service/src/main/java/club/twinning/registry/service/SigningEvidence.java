package club.twinning.registry.service;

import club.twinning.platform.problem.Problem;
import club.twinning.registry.domain.Agreement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** What a signed agreement, and an agreement in force, must show for it: the register's evidence of each state. */
final class SigningEvidence {

    private SigningEvidence() {
    }

    /** SIGNED: when, where and by whom. */
    static List<Problem.FieldError> ofSigning(Agreement a) {
        List<Problem.FieldError> missing = new ArrayList<>();
        if (a.signedOn == null) {
            missing.add(new Problem.FieldError("signedOn", "the date of signature is required to record a signed agreement"));
        } else if (a.signedOn.isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
            // A day's grace: a signature in Asia is "tomorrow" in UTC.
            missing.add(new Problem.FieldError("signedOn", "a signature date cannot be in the future"));
        }
        if (a.place == null || a.place.isBlank()) {
            missing.add(new Problem.FieldError("place", "the place of signature is required to record a signed agreement"));
        }
        if (a.signatories.isEmpty()) {
            missing.add(new Problem.FieldError("signatories", "at least one signatory (name and party) is required"));
        }
        return missing;
    }

    /** IN_FORCE: signed, and from when it takes effect. */
    static List<Problem.FieldError> ofEffect(Agreement a) {
        List<Problem.FieldError> missing = new ArrayList<>(ofSigning(a));
        if (a.effectiveFrom == null) {
            missing.add(new Problem.FieldError("effectiveFrom", "the date of effect is required to bring an agreement into force"));
        } else if (a.signedOn != null && a.effectiveFrom.isBefore(a.signedOn)) {
            missing.add(new Problem.FieldError("effectiveFrom", "the date of effect cannot be before the signature (" + a.signedOn + ")"));
        }
        return missing;
    }
}
