package club.twinning.exchange.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The request's state graph alone, no Quarkus. */
@Tag("unit")
class RequestStatusTest {

    @Test
    void theFinalStatesLeadNowhere() {
        for (RequestStatus end : EnumSet.of(RequestStatus.REJECTED, RequestStatus.WITHDRAWN, RequestStatus.COMPLETED,
                RequestStatus.CLOSED)) {
            assertTrue(end.next().isEmpty(), end + " is final");
        }
    }

    @Test
    void everyStateIsReachedFromSubmittedAndEveryOneCanEnd() {
        assertEquals(EnumSet.allOf(RequestStatus.class), reachable(RequestStatus.SUBMITTED));
        for (RequestStatus s : RequestStatus.values()) {
            Set<RequestStatus> after = reachable(s);
            assertTrue(after.contains(RequestStatus.CLOSED) || s.next().isEmpty() || after.contains(RequestStatus.COMPLETED),
                    s + " can still end");
        }
    }

    @Test
    void aDecidedRequestTakesNoMoreVotesAndAVisitMayBeCancelledBackToApproved() {
        assertTrue(RequestStatus.SUBMITTED.awaitsDecision());
        assertTrue(RequestStatus.UNDER_REVIEW.awaitsDecision());
        assertFalse(RequestStatus.APPROVED.awaitsDecision());
        assertTrue(RequestStatus.SCHEDULED.next().contains(RequestStatus.APPROVED));
        assertFalse(RequestStatus.APPROVED.next().contains(RequestStatus.WITHDRAWN), "an approved request is not withdrawn");
        assertTrue(RequestStatus.CHANGES_REQUESTED.next().contains(RequestStatus.SUBMITTED), "resubmission");
    }

    private static Set<RequestStatus> reachable(RequestStatus from) {
        Set<RequestStatus> seen = EnumSet.of(from);
        Deque<RequestStatus> todo = new ArrayDeque<>(Set.of(from));
        while (!todo.isEmpty()) {
            for (RequestStatus n : todo.pop().next()) {
                if (seen.add(n)) {
                    todo.push(n);
                }
            }
        }
        return seen;
    }
}
