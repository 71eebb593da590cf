package club.twinning.registry.domain;

import static club.twinning.registry.domain.AgreementStatus.DRAFT;
import static club.twinning.registry.domain.AgreementStatus.EXPIRED;
import static club.twinning.registry.domain.AgreementStatus.IN_FORCE;
import static club.twinning.registry.domain.AgreementStatus.NEGOTIATION;
import static club.twinning.registry.domain.AgreementStatus.PENDING_FORMALITIES;
import static club.twinning.registry.domain.AgreementStatus.SIGNED;
import static club.twinning.registry.domain.AgreementStatus.SUSPENDED;
import static club.twinning.registry.domain.AgreementStatus.TERMINATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.twinning.platform.problem.Problem;
import club.twinning.platform.problem.ProblemException;
import club.twinning.platform.state.StateMachine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The agreement's transition table, as the secretariat and the daily job move through it; no Quarkus. */
@Tag("unit")
class AgreementStatusTest {

    private static final Map<AgreementStatus, Set<AgreementStatus>> TABLE = Map.of(
            DRAFT, EnumSet.of(NEGOTIATION, TERMINATED),
            NEGOTIATION, EnumSet.of(DRAFT, PENDING_FORMALITIES, TERMINATED),
            PENDING_FORMALITIES, EnumSet.of(NEGOTIATION, SIGNED, TERMINATED),
            SIGNED, EnumSet.of(IN_FORCE, TERMINATED),
            IN_FORCE, EnumSet.of(SUSPENDED, TERMINATED, EXPIRED),
            SUSPENDED, EnumSet.of(IN_FORCE, TERMINATED, EXPIRED),
            TERMINATED, EnumSet.noneOf(AgreementStatus.class),
            EXPIRED, EnumSet.noneOf(AgreementStatus.class));

    @Test
    void everyStatusMayBecomeExactlyWhatTheTableSays() {
        for (AgreementStatus from : AgreementStatus.values()) {
            assertEquals(TABLE.get(from), from.next(), "next of " + from);
            for (AgreementStatus to : AgreementStatus.values()) {
                assertEquals(TABLE.get(from).contains(to), from.canBecome(to), from + " → " + to);
            }
        }
    }

    @Test
    void onlyTerminatedAndExpiredAreFinal() {
        List<AgreementStatus> finals = Arrays.stream(AgreementStatus.values()).filter(AgreementStatus::isFinal).toList();
        assertEquals(List.of(TERMINATED, EXPIRED), finals);
    }

    @Test
    void draftsAreWhatComesBeforeSigningAndOnlyInForceIsPublic() {
        assertEquals(EnumSet.of(DRAFT, NEGOTIATION, PENDING_FORMALITIES),
                EnumSet.copyOf(Arrays.stream(AgreementStatus.values()).filter(AgreementStatus::isDraft).toList()));
        assertEquals(List.of(IN_FORCE), Arrays.stream(AgreementStatus.values()).filter(AgreementStatus::isPublic).toList());
    }

    @Test
    void aForbiddenMoveIs409ForbiddenTransitionNamingFromToAndAllowed() {
        StateMachine<AgreementStatus> lifecycle = new StateMachine<>("an agreement", "forbidden-transition",
                Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC));
        ProblemException refused = assertThrows(ProblemException.class,
                () -> lifecycle.move(DRAFT, IN_FORCE, "secretariat", "too fast"));
        Problem problem = refused.toProblem("/api/agreements/x/transitions");
        assertEquals(409, problem.status());
        assertTrue(problem.type().toString().endsWith("forbidden-transition"), problem.type().toString());
        assertEquals("DRAFT", problem.extensions().get("from"));
        assertEquals("IN_FORCE", problem.extensions().get("to"));
        assertEquals(List.of("NEGOTIATION", "TERMINATED"), problem.extensions().get("allowed"));
        assertFalse(EXPIRED.canBecome(IN_FORCE));
    }
}
