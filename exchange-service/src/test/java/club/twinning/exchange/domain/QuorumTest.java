package club.twinning.exchange.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import club.twinning.events.payload.Tally;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The council's decision rule alone, no Quarkus. */
@Tag("unit")
class QuorumTest {

    @Test
    void nothingIsDecidedBelowTheQuorum() {
        assertEquals(Optional.empty(), Quorum.outcome(new Tally(1, 0, 0, 0), 2));
        assertEquals(Optional.empty(), Quorum.outcome(new Tally(0, 0, 0, 0), 1));
    }

    @Test
    void theMajorityOfApprovalsAndRejectionsDecides() {
        assertEquals(Optional.of(RequestStatus.APPROVED), Quorum.outcome(new Tally(2, 0, 0, 0), 2));
        assertEquals(Optional.of(RequestStatus.APPROVED), Quorum.outcome(new Tally(2, 1, 1, 1), 2));
        assertEquals(Optional.of(RequestStatus.REJECTED), Quorum.outcome(new Tally(0, 1, 1, 0), 2));
    }

    @Test
    void aTieGoesBackForChangesWhenAMemberAskedElseWaits() {
        assertEquals(Optional.of(RequestStatus.CHANGES_REQUESTED), Quorum.outcome(new Tally(1, 1, 0, 1), 2));
        assertEquals(Optional.of(RequestStatus.CHANGES_REQUESTED), Quorum.outcome(new Tally(0, 0, 1, 1), 2));
        assertEquals(Optional.empty(), Quorum.outcome(new Tally(1, 1, 0, 0), 2));
        assertEquals(Optional.empty(), Quorum.outcome(new Tally(0, 0, 3, 0), 2), "abstentions alone decide nothing");
    }
}
