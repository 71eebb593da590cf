package club.twinning.exchange.service;

import club.twinning.exchange.domain.Visit;
import club.twinning.exchange.domain.VisitStatus;
import club.twinning.exchange.domain.VisitStep;
import club.twinning.platform.problem.ProblemException;
import club.twinning.platform.state.StateMachine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Moves a visit through its statuses (VisitStatus's transition table), recording each step in the visit's log. A
 * refused move is a 409 whose type names the status the visit is in (visit-planned, visit-completed, …), as it did
 * before the table, so there is one state machine per status the visit may be in.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class VisitWorkflow {

    private final Map<VisitStatus, StateMachine<VisitStatus>> machines = new EnumMap<>(VisitStatus.class);

    VisitWorkflow(Clock clock) {
        for (VisitStatus status : VisitStatus.values()) {
            machines.put(status, new StateMachine<>("a visit", "visit-" + status.name().toLowerCase(Locale.ROOT), clock));
        }
    }

    /** A new visit's status and first step; the visit is persisted here, its step after it. */
    public void start(Visit visit, String actor) {
        visit.status = VisitStatus.PLANNED;
        visit.persist();
        VisitStep.of(visit.id, machines.get(VisitStatus.PLANNED).start(VisitStatus.PLANNED, actor)).persist();
        visit.flush();
    }

    public void move(Visit visit, VisitStatus to, String actor, String reason) {
        check(visit, to);
        VisitStep step = VisitStep.of(visit.id, machines.get(visit.status).move(visit.status, to, actor, reason));
        visit.status = to;
        step.persist();
        visit.flush();
    }

    /** A 409 naming the allowed next statuses (and, as before, the visit's status) unless it may become {@code to}. */
    public void check(Visit visit, VisitStatus to) {
        try {
            machines.get(visit.status).check(visit.status, to);
        } catch (ProblemException refused) {
            throw refused.with("visitStatus", visit.status.name());
        }
    }
}
