package club.twinning.exchange.domain;

import club.twinning.events.payload.Tally;
import java.util.Optional;

/**
 * The council's decision rule: nothing before a quorum of members has a current vote; then approved if approvals
 * outnumber rejections, rejected if the reverse, sent back for changes when those are tied and a member asked for
 * changes, and still waiting when they are tied without.
 */
public final class Quorum {

    private Quorum() {
    }

    /** The decision the current votes make, if any. */
    public static Optional<RequestStatus> outcome(Tally tally, int quorum) {
        if (voters(tally) < quorum) {
            return Optional.empty();
        }
        if (tally.approve() > tally.reject()) {
            return Optional.of(RequestStatus.APPROVED);
        }
        if (tally.reject() > tally.approve()) {
            return Optional.of(RequestStatus.REJECTED);
        }
        return tally.requestChanges() > 0 ? Optional.of(RequestStatus.CHANGES_REQUESTED) : Optional.empty();
    }

    /** One current vote per member, so the tally's total is the number of members who voted. */
    public static int voters(Tally tally) {
        return tally.approve() + tally.reject() + tally.abstain() + tally.requestChanges();
    }
}
