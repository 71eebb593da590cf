package club.twinning.exchange.service;

import club.twinning.platform.problem.ExpectedVersion;
import club.twinning.events.EventType;
import club.twinning.exchange.domain.ExchangeRequest;
import club.twinning.exchange.domain.ReportDraft;
import club.twinning.exchange.domain.RequestStatus;
import club.twinning.exchange.domain.Visit;
import club.twinning.exchange.domain.VisitPlan;
import club.twinning.exchange.domain.VisitStatus;
import club.twinning.exchange.domain.VisitStep;
import club.twinning.exchange.messaging.ExchangeEvents;
import club.twinning.exchange.replica.AgreementLocks;
import club.twinning.platform.problem.Problem;
import club.twinning.platform.problem.ProblemException;
import club.twinning.platform.security.Caller;
import club.twinning.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Visits: planned for an approved request (starting after today), confirmed by the host city before it starts,
 * completed with a report on or after its last day, or cancelled. Planning and confirming need the agreement in force.
 */
@ApplicationScoped
@Transactional
public class VisitService {

    private final RequestService requests;
    private final Workflow workflow;
    private final VisitWorkflow visits;
    private final ExchangeEvents events;
    private final Caller caller;
    private final AgreementLocks locks;
    private final Clock clock;

    VisitService(RequestService requests, Workflow workflow, VisitWorkflow visits, ExchangeEvents events, Caller caller,
                 AgreementLocks locks, Clock clock) {
        this.requests = requests;
        this.workflow = workflow;
        this.visits = visits;
        this.events = events;
        this.caller = caller;
        this.locks = locks;
        this.clock = clock;
    }

    public Visit plan(VisitPlan input) {
        // The agreement first (shared, until commit), then the request: the consumer locks in that order too.
        Optional<AgreementLocks.Locked> agreement = locks.shareForRequest(input.requestId());
        ExchangeRequest request = requests.visible(input.requestId());
        actsFor(request.requestingParty, request.partnerParty);
        InForce.require(agreement, "no visit is planned under it");
        if (request.status != RequestStatus.APPROVED) {
            throw new ProblemException(409, "not-approved", "Request not approved",
                    "a visit is planned for an approved request; this one is " + request.status);
        }
        if (input.startDate().isBefore(request.windowStart) || input.endDate().isAfter(request.windowEnd)) {
            throw ProblemException.badField(input.startDate().isBefore(request.windowStart) ? "startDate" : "endDate",
                    "the visit must fall inside the request's window " + request.windowStart + " – " + request.windowEnd);
        }
        if (input.endDate().isBefore(input.startDate())) {
            throw ProblemException.badField("endDate", "must not be before startDate");
        }
        LocalDate today = LocalDate.now(clock);
        if (!input.startDate().isAfter(today)) {
            throw tooSoon("startDate", "a visit is planned ahead: it starts after today (" + today + ")");
        }
        List<Visit.AgendaItem> agenda = Objects.requireNonNullElse(input.agenda(), List.of());
        for (int i = 0; i < agenda.size(); i++) {
            LocalDate day = agenda.get(i).day();
            if (day.isBefore(input.startDate()) || day.isAfter(input.endDate())) {
                throw ProblemException.badField("agenda[" + i + "].day", "must fall within the visit");
            }
        }
        Visit visit = new Visit();
        visit.id = UUID.randomUUID();
        visit.requestId = request.id;
        visit.hostParty = request.host();
        visit.visitingParty = request.visitor();
        visit.startDate = input.startDate();
        visit.endDate = input.endDate();
        visit.domain = request.domain;
        visit.delegation = new ArrayList<>(input.delegation());
        visit.agenda = new ArrayList<>(agenda);
        visit.logistics = input.logistics();
        visit.plannedBy = caller.name();
        visit.createdAt = clock.instant();
        visits.start(visit, caller.name());
        workflow.move(request, RequestStatus.SCHEDULED, caller.name(), "visit planned");
        events.visit(EventType.VISIT_PLANNED, visit, caller.name(), null);
        return visit;
    }

    public Visit confirm(UUID id, ExpectedVersion expected) {
        Optional<AgreementLocks.Locked> agreement = locks.shareForVisit(id);
        Visit visit = visible(id);
        if (!caller.actsFor(visit.hostParty)) {
            throw new ProblemException(403, "not-host", "Not the host", "the host city, " + visit.hostParty + ", confirms its visit");
        }
        expected.require(visit.version);
        InForce.require(agreement, "no visit is confirmed under it");
        visits.check(visit, VisitStatus.CONFIRMED);
        LocalDate today = LocalDate.now(clock);
        if (!today.isBefore(visit.startDate)) {
            throw tooSoon("startDate", "a visit is confirmed before it starts (" + visit.startDate + "); today is " + today);
        }
        visits.move(visit, VisitStatus.CONFIRMED, caller.name(), null);
        events.visit(EventType.VISIT_CONFIRMED, visit, caller.name(), null);
        return visit;
    }

    /** The report of a visit that took place: on or after its last day, whatever its agreement became since. */
    public Visit report(UUID id, ExpectedVersion expected, ReportDraft input) {
        locks.shareForVisit(id); // serializes with a flag being set on the same visit
        Visit visit = visible(id);
        actsFor(visit.hostParty, visit.visitingParty);
        expected.require(visit.version);
        visits.check(visit, VisitStatus.COMPLETED);
        LocalDate today = LocalDate.now(clock);
        if (today.isBefore(visit.endDate)) {
            throw tooSoon("endDate", "a report is filed on or after the visit's last day (" + visit.endDate + "); today is " + today);
        }
        visit.report = new Visit.Report(input.outcomes(), input.lessons(),
                Objects.requireNonNullElse(input.followUps(), List.of()),
                Objects.requireNonNullElse(input.attendance(), List.of()), caller.name(), clock.instant());
        visits.move(visit, VisitStatus.COMPLETED, caller.name(), null);
        ExchangeRequest request = ExchangeRequest.findById(visit.requestId);
        workflow.move(request, RequestStatus.COMPLETED, caller.name(), "visit report filed");
        events.visit(EventType.VISIT_COMPLETED, visit, caller.name(), null);
        return visit;
    }

    /**
     * Always possible for a planned or confirmed visit. The request is approved again (another visit may be
     * planned) while its agreement is in force or suspended; once the agreement has ended, it is closed.
     */
    public Visit cancel(UUID id, ExpectedVersion expected, String reason) {
        Optional<AgreementLocks.Locked> agreement = locks.shareForVisit(id);
        Visit visit = visible(id);
        actsFor(visit.hostParty, visit.visitingParty);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badField("reason", "a cancellation says why");
        }
        expected.require(visit.version);
        visit.cancelReason = reason;
        visits.move(visit, VisitStatus.CANCELLED, caller.name(), reason);
        ExchangeRequest request = ExchangeRequest.findById(visit.requestId);
        String status = agreement.map(AgreementLocks.Locked::status).orElse("UNKNOWN");
        if (AgreementLifecycle.ENDED.contains(status)) {
            String why = "visit cancelled: " + reason + "; agreement " + agreement.map(AgreementLocks.Locked::reference).orElse("")
                    + " is " + status;
            request.closedReason = why;
            workflow.move(request, RequestStatus.CLOSED, caller.name(), why);
            events.request(EventType.REQUEST_CLOSED, request, caller.name(), why, null, workflow.tally(request.id));
        } else {
            workflow.move(request, RequestStatus.APPROVED, caller.name(), "visit cancelled: " + reason);
        }
        events.visit(EventType.VISIT_CANCELLED, visit, caller.name(), reason);
        return visit;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Visit visible(UUID id) {
        Visit visit = Visit.<Visit>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("visit", id));
        caller.cityScope().require(visit.parties(), "visits");
        return visit;
    }

    /** The visit's steps, oldest first, if the caller may see it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<VisitStep> steps(UUID id) {
        return VisitStep.logOf(visible(id).id);
    }

    /** The visits the caller may see that overlap [from, to]. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Visit> between(LocalDate from, LocalDate to, int limit) {
        return Visit.overlapping(from, to, caller.cityScope().city(), limit);
    }

    /** The secretariat, or a partner acting for one of the two cities. */
    private void actsFor(String a, String b) {
        if (!caller.is(Roles.SECRETARIAT) && !caller.actsFor(a) && !caller.actsFor(b)) {
            throw new ProblemException(403, "other-city", "Not your city", "only the two cities concerned act on this visit");
        }
    }

    /** A step asked for at the wrong time: 422 naming the date field it depends on. */
    private static ProblemException tooSoon(String field, String message) {
        return new ProblemException(422, "wrong-time", "Not at this time", field + ": " + message,
                List.of(new Problem.FieldError(field, message))).with("field", field);
    }
}
