package club.twinning.exchange.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.twinning.platform.problem.ProblemException;
import club.twinning.platform.state.StateMachine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The visit's state graph alone, no Quarkus. */
@Tag("unit")
class VisitStatusTest {

    @Test
    void aPlannedVisitIsConfirmedThenCompletedAndCancelledOnlyBeforeItIsDone() {
        assertEquals(EnumSet.of(VisitStatus.CONFIRMED, VisitStatus.CANCELLED), VisitStatus.PLANNED.next());
        assertEquals(EnumSet.of(VisitStatus.COMPLETED, VisitStatus.CANCELLED), VisitStatus.CONFIRMED.next());
        assertFalse(VisitStatus.PLANNED.canBecome(VisitStatus.COMPLETED), "the host confirms before the report");
        assertFalse(VisitStatus.CONFIRMED.canBecome(VisitStatus.PLANNED), "no way back");
    }

    @Test
    void completedAndCancelledAreFinal() {
        assertTrue(VisitStatus.COMPLETED.isFinal());
        assertTrue(VisitStatus.CANCELLED.isFinal());
        for (VisitStatus s : VisitStatus.values()) {
            assertFalse(s.canBecome(s), s + " does not become itself");
        }
    }

    @Test
    void aRefusedStepNamesWhatIsAllowed() {
        StateMachine<VisitStatus> visits = new StateMachine<>("a visit", "visit-planned",
                Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
        ProblemException refused = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
                () -> visits.move(VisitStatus.PLANNED, VisitStatus.COMPLETED, "partner.agadez", null));
        assertEquals(409, refused.status());
        assertEquals("a visit PLANNED cannot become COMPLETED; allowed next: CANCELLED, CONFIRMED", refused.getMessage());
        assertEquals(List.of("CANCELLED", "CONFIRMED"), refused.toProblem("/x").extensions().get("allowed"));
    }
}
