package club.twinning.exchange.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * SUBMITTED → UNDER_REVIEW → APPROVED | REJECTED | CHANGES_REQUESTED; CHANGES_REQUESTED → SUBMITTED on
 * resubmission; APPROVED → SCHEDULED when its visit is planned (back to APPROVED if the visit is
 * cancelled); SCHEDULED → COMPLETED with the visit report; WITHDRAWN by the requester before a decision.
 */
public enum RequestStatus {
    SUBMITTED, UNDER_REVIEW, APPROVED, REJECTED, CHANGES_REQUESTED, WITHDRAWN, SCHEDULED, COMPLETED;

    public Set<RequestStatus> next() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(UNDER_REVIEW, APPROVED, REJECTED, CHANGES_REQUESTED, WITHDRAWN);
            case UNDER_REVIEW -> EnumSet.of(APPROVED, REJECTED, CHANGES_REQUESTED, WITHDRAWN);
            case CHANGES_REQUESTED -> EnumSet.of(SUBMITTED, WITHDRAWN);
            case APPROVED -> EnumSet.of(SCHEDULED);
            case SCHEDULED -> EnumSet.of(COMPLETED, APPROVED);
            case REJECTED, WITHDRAWN, COMPLETED -> EnumSet.noneOf(RequestStatus.class);
        };
    }

    public boolean awaitsDecision() {
        return this == SUBMITTED || this == UNDER_REVIEW;
    }
}
