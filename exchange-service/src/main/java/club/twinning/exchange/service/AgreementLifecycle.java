package club.twinning.exchange.service;

import club.twinning.events.EventType;
import club.twinning.exchange.replica.KnownAgreement;
import club.twinning.exchange.domain.ExchangeRequest;
import club.twinning.exchange.domain.RequestStatus;
import club.twinning.exchange.domain.Visit;
import club.twinning.exchange.domain.VisitStatus;
import club.twinning.exchange.messaging.ExchangeEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What an agreement's new status does to the requests and visits under it, in the consumer's transaction (the
 * agreement's row is held exclusively by then, so no step under it is half-way):
 * SUSPENDED holds every pending request (remembering its state) and flags planned and confirmed visits;
 * IN_FORCE again puts held requests back where they were and lifts the flags; TERMINATED or EXPIRED closes
 * every open request and flags the visits. Each change is announced through the outbox.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AgreementLifecycle {

    public static final String SUSPENDED = "SUSPENDED";
    public static final Set<String> ENDED = Set.of("TERMINATED", "EXPIRED");

    private final Workflow workflow;
    private final ExchangeEvents events;
    private final Clock clock;

    AgreementLifecycle(Workflow workflow, ExchangeEvents events, Clock clock) {
        this.workflow = workflow;
        this.events = events;
        this.clock = clock;
    }

    /** @param from the status the read model held before; {@code actor} and {@code why} as the registry gave them */
    public void changed(KnownAgreement agreement, String from, String actor, String why) {
        String to = agreement.status;
        if (to == null || to.equals(from)) {
            return;
        }
        String who = actor == null || actor.isBlank() ? "registry" : actor;
        // Only the registry's words travel as the reason: readers show them quoted as someone's, and say in their
        // own language what the agreement's change means (an English "agreement X terminated" reached Arabic pages).
        String reason = why == null || why.isBlank() ? null : why.trim();
        if (SUSPENDED.equals(to)) {
            hold(agreement.id, who, reason);
            flagVisits(agreement.id, who, reason);
        } else if (ENDED.contains(to)) {
            close(agreement.id, who, reason);
            flagVisits(agreement.id, who, reason);
        } else if (KnownAgreement.IN_FORCE.equals(to)) {
            resume(agreement.id, who, reason);
            unflagVisits(agreement.id);
        }
    }

    private void hold(UUID agreementId, String actor, String reason) {
        for (ExchangeRequest r : requests(agreementId, RequestStatus.PENDING)) {
            r.heldFrom = r.status;
            workflow.move(r, RequestStatus.ON_HOLD, actor, reason);
            events.request(EventType.REQUEST_ON_HOLD, r, actor, reason, null, workflow.tally(r.id));
        }
    }

    private void resume(UUID agreementId, String actor, String reason) {
        for (ExchangeRequest r : requests(agreementId, Set.of(RequestStatus.ON_HOLD))) {
            RequestStatus back = r.heldFrom == null ? RequestStatus.SUBMITTED : r.heldFrom;
            r.heldFrom = null;
            workflow.move(r, back, actor, reason);
            events.request(EventType.REQUEST_RESUMED, r, actor, reason, null, workflow.tally(r.id));
        }
    }

    private void close(UUID agreementId, String actor, String reason) {
        for (ExchangeRequest r : requests(agreementId, RequestStatus.OPEN)) {
            r.heldFrom = null;
            r.closedReason = reason;
            workflow.move(r, RequestStatus.CLOSED, actor, reason);
            events.request(EventType.REQUEST_CLOSED, r, actor, reason, null, workflow.tally(r.id));
        }
    }

    private void flagVisits(UUID agreementId, String actor, String reason) {
        Instant now = clock.instant();
        for (Visit v : visits(agreementId)) {
            v.flag = reason;
            v.flaggedAt = now;
            v.flush();
            events.visit(EventType.VISIT_FLAGGED, v, actor, reason);
        }
    }

    private void unflagVisits(UUID agreementId) {
        for (Visit v : visits(agreementId)) {
            if (v.flaggedAt != null) {
                v.flag = null;
                v.flaggedAt = null;
            }
        }
    }

    /** Locked (after the agreement): a withdrawal or an escalation of the same request waits, or is waited for. */
    private static List<ExchangeRequest> requests(UUID agreementId, Set<RequestStatus> statuses) {
        return ExchangeRequest.<ExchangeRequest>find("agreementId = ?1 and status in ?2 order by submittedAt, id",
                agreementId, statuses).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    private static List<Visit> visits(UUID agreementId) {
        return Visit.<Visit>find("status in ?1 and requestId in (select r.id from ExchangeRequest r where r.agreementId = ?2)"
                        + " order by startDate, id", List.of(VisitStatus.PLANNED, VisitStatus.CONFIRMED), agreementId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
