package club.twinning.platform.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import club.twinning.platform.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The table decides; a refused move is a 409 that names what is allowed; an accepted one is a step to log. */
@Tag("unit")
class StateMachineTest {

    enum Door implements Lifecycle<Door> {
        OPEN, CLOSED, LOCKED, GONE;

        @Override
        public Set<Door> next() {
            return switch (this) {
                case OPEN -> EnumSet.of(CLOSED, GONE);
                case CLOSED -> EnumSet.of(OPEN, LOCKED);
                case LOCKED -> EnumSet.of(CLOSED);
                case GONE -> EnumSet.noneOf(Door.class);
            };
        }
    }

    private final Instant now = Instant.parse("2026-11-30T12:00:00Z");
    private final StateMachine<Door> doors = new StateMachine<>("a door", "forbidden-step", Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void anAllowedMoveIsAStepWithWhoWhyAndWhen() {
        Step<Door> step = doors.move(Door.CLOSED, Door.LOCKED, "ops", "night");
        assertEquals(new Step<>(Door.CLOSED, Door.LOCKED, "ops", "night", now), step);
        Step<Door> first = doors.start(Door.OPEN, "builder");
        assertNull(first.from());
        assertEquals(Door.OPEN, first.to());
    }

    @Test
    void aRefusedMoveIs409NamingTheAllowedNextStatuses() {
        ProblemException e = assertThrows(ProblemException.class, () -> doors.move(Door.OPEN, Door.LOCKED, "ops", null));
        assertEquals(409, e.status());
        assertEquals(List.of("CLOSED", "GONE"), e.toProblem("/x").extensions().get("allowed"));
        assertEquals("OPEN", e.toProblem("/x").extensions().get("from"));
        ProblemException last = assertThrows(ProblemException.class, () -> doors.check(Door.GONE, Door.OPEN));
        assertEquals(List.of(), last.toProblem("/x").extensions().get("allowed"));
        assertEquals("a door GONE cannot become OPEN; it is final", last.getMessage());
    }
}
