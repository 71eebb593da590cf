package club.twinning.exchange.domain;

import club.twinning.platform.state.Lifecycle;
import java.util.EnumSet;
import java.util.Set;

/**
 * SUBMITTED → UNDER_REVIEW → APPROVED | REJECTED | CHANGES_REQUESTED; CHANGES_REQUESTED → SUBMITTED on
 * resubmission; APPROVED → SCHEDULED when its visit is planned (back to APPROVED if the visit is
 * cancelled); SCHEDULED → COMPLETED with the visit report; WITHDRAWN by the requester before a decision.
 * The agreement decides too: a pending request goes ON_HOLD while it is suspended (and back where it was when
 * it is in force again); an open one is CLOSED when it is terminated or expires.
 */
public enum RequestStatus implements Lifecycle<RequestStatus> {
    SUBMITTED, UNDER_REVIEW, APPROVED, REJECTED, CHANGES_REQUESTED, WITHDRAWN, SCHEDULED, COMPLETED, ON_HOLD, CLOSED;

    @Override
    public Set<RequestStatus> next() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(UNDER_REVIEW, APPROVED, REJECTED, CHANGES_REQUESTED, WITHDRAWN, ON_HOLD, CLOSED);
            case UNDER_REVIEW -> EnumSet.of(APPROVED, REJECTED, CHANGES_REQUESTED, WITHDRAWN, ON_HOLD, CLOSED);
            case CHANGES_REQUESTED -> EnumSet.of(SUBMITTED, WITHDRAWN, ON_HOLD, CLOSED);
            // Back to the state it was held in (the caller knows which), withdrawn meanwhile, or closed.
            case ON_HOLD -> EnumSet.of(SUBMITTED, UNDER_REVIEW, CHANGES_REQUESTED, WITHDRAWN, CLOSED);
            case APPROVED -> EnumSet.of(SCHEDULED, CLOSED);
            case SCHEDULED -> EnumSet.of(COMPLETED, APPROVED, CLOSED);
            case REJECTED, WITHDRAWN, COMPLETED, CLOSED -> EnumSet.noneOf(RequestStatus.class);
        };
    }

    public boolean awaitsDecision() {
        return this == SUBMITTED || this == UNDER_REVIEW;
    }

    /** Not decided yet: what a suspension puts on hold. */
    public static final Set<RequestStatus> PENDING = EnumSet.of(SUBMITTED, UNDER_REVIEW, CHANGES_REQUESTED);

    /** Still going somewhere without a visit under way: what the end of the agreement closes. */
    public static final Set<RequestStatus> OPEN = EnumSet.of(SUBMITTED, UNDER_REVIEW, CHANGES_REQUESTED, ON_HOLD, APPROVED);
}
