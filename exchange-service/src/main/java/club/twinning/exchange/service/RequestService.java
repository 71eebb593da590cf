package club.twinning.exchange.service;

import club.twinning.platform.problem.ExpectedVersion;
import club.twinning.events.CooperationDomain;
import club.twinning.events.EventType;
import club.twinning.events.payload.Tally;
import club.twinning.exchange.domain.CouncilVote;
import club.twinning.exchange.domain.ExchangeRequest;
import club.twinning.exchange.domain.RequestDossier;
import club.twinning.exchange.domain.RequestDraft;
import club.twinning.exchange.domain.RequestStatus;
import club.twinning.exchange.domain.RequestStep;
import club.twinning.exchange.domain.Visit;
import club.twinning.exchange.domain.VisitStatus;
import club.twinning.exchange.messaging.ExchangeEvents;
import club.twinning.exchange.persistence.NewRequests;
import club.twinning.exchange.replica.AgreementLocks;
import club.twinning.exchange.replica.KnownAgreement;
import club.twinning.platform.problem.FieldErrors;
import club.twinning.platform.problem.ProblemException;
import club.twinning.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Submitting, resubmitting, withdrawing and reading expertise requests, each within the caller's rights. */
@ApplicationScoped
@Transactional
public class RequestService {

    /** A submission, and whether it is new (false when an Idempotency-Key replayed an earlier one). */
    public record Submission(RequestDossier dossier, boolean created) {
    }

    private static final Tally NO_VOTES = new Tally(0, 0, 0, 0);

    private final Workflow workflow;
    private final ExchangeEvents events;
    private final Caller caller;
    private final AgreementLocks locks;
    private final Clock clock;

    private final NewRequests newRequests;

    RequestService(Workflow workflow, ExchangeEvents events, Caller caller, AgreementLocks locks, Clock clock,
                   NewRequests newRequests) {
        this.workflow = workflow;
        this.events = events;
        this.caller = caller;
        this.locks = locks;
        this.clock = clock;
        this.newRequests = newRequests;
    }

    /**
     * Three round trips and one commit for a new request: the agreement read and locked, the request and its first
     * step written (or nothing, for a used Idempotency-Key), the event appended. What it answers is known without
     * reading: no votes yet, one step, no visit.
     */
    public Submission submit(RequestDraft input, String idempotencyKey) {
        String city = caller.requireCity();
        String actor = caller.name(); // read from the token once: it is the submitter, the first step's and the event's actor
        if (idempotencyKey != null && idempotencyKey.length() > 200) {
            throw ProblemException.badField("Idempotency-Key", "at most 200 characters");
        }
        ExchangeRequest request = new ExchangeRequest();
        request.id = UUID.randomUUID();
        request.requestingParty = city;
        request.submittedBy = actor;
        request.idempotencyKey = idempotencyKey;
        request.submittedAt = clock.instant();
        try {
            apply(request, input);
        } catch (ProblemException refused) {
            // A retry of a submission accepted earlier gets it back, even if it would not be accepted today.
            return earlier(idempotencyKey).map(e -> new Submission(dossier(e), false)).orElseThrow(() -> refused);
        }
        RequestStep first = workflow.start(request, actor);
        if (!newRequests.insert(request, first)) {
            return new Submission(dossier(earlier(idempotencyKey).orElseThrow()), false);
        }
        events.request(EventType.REQUEST_SUBMITTED, request, actor, null, null, NO_VOTES);
        return new Submission(new RequestDossier(request, NO_VOTES, List.of(), List.of(first), null), true);
    }

    private Optional<ExchangeRequest> earlier(String idempotencyKey) {
        return idempotencyKey == null ? Optional.empty()
                : ExchangeRequest.find("submittedBy = ?1 and idempotencyKey = ?2", caller.name(), idempotencyKey)
                .firstResultOptional();
    }

    /** After the council asked for changes, the requester submits the request again, changed. */
    public ExchangeRequest resubmit(UUID id, ExpectedVersion expected, RequestDraft input) {
        // Agreements first, then the request (the consumer locks in that order too): the one it rested on, then
        // (in apply) the one it rests on now, which must be in force.
        locks.shareForRequest(id);
        ExchangeRequest request = ownRequest(id);
        expected.require(request.version);
        // Only from CHANGES_REQUESTED; the whole resubmission rolls back if the changed request is invalid.
        workflow.check(request, RequestStatus.SUBMITTED);
        apply(request, input);
        workflow.move(request, RequestStatus.SUBMITTED, caller.name(), "resubmitted with changes");
        // A new round of votes for the changed request: the earlier round's votes are kept, superseded.
        Instant now = clock.instant();
        CouncilVote.update("supersededAt = ?1 where requestId = ?2 and supersededAt is null", now, id);
        request.decidedAt = null;
        request.escalatedAt = null;
        request.submittedAt = now;
        events.request(EventType.REQUEST_SUBMITTED, request, caller.name(), "resubmitted with changes", null,
                workflow.tally(id));
        return request;
    }

    /** The requester withdraws its request before a decision (or while it is on hold). */
    public ExchangeRequest withdraw(UUID id, ExpectedVersion expected, String reason) {
        locks.shareForRequest(id); // serializes with a hold or a closure of the same request
        ExchangeRequest request = ownRequest(id);
        expected.require(request.version);
        workflow.move(request, RequestStatus.WITHDRAWN, caller.name(), reason);
        request.heldFrom = null;
        events.request(EventType.REQUEST_WITHDRAWN, request, caller.name(), reason, null, workflow.tally(id));
        return request;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ExchangeRequest visible(UUID id) {
        ExchangeRequest request = ExchangeRequest.<ExchangeRequest>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("request", id));
        caller.cityScope().require(request.parties(), "requests");
        return request;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RequestDossier dossier(ExchangeRequest r) {
        UUID visitId = Visit.<Visit>find("requestId = ?1 and status <> ?2 order by createdAt desc", r.id, VisitStatus.CANCELLED)
                .firstResultOptional().map(v -> v.id).orElse(null);
        return new RequestDossier(r, workflow.tally(r.id), CouncilVote.of(r.id), RequestStep.logOf(r.id), visitId);
    }

    private ExchangeRequest ownRequest(UUID id) {
        ExchangeRequest request = visible(id);
        if (!caller.actsFor(request.requestingParty)) {
            throw new ProblemException(403, "not-requester", "Not your request",
                    "only the requesting city changes or withdraws its request");
        }
        return request;
    }

    private void apply(ExchangeRequest r, RequestDraft in) {
        FieldErrors errors = new FieldErrors()
                .addIf(in.partnerParty().equals(r.requestingParty), "partnerParty", "a city does not ask itself")
                .addIf(CooperationDomain.of(in.domain()).isEmpty(), "domain", ProblemException.unknownDomain(in.domain()))
                .addIf(!in.windowStart().isAfter(LocalDate.now(clock)), "window.start", "must be in the future");
        if (in.windowEnd().isBefore(in.windowStart())) {
            errors.add("window.end", "must not be before window.start");
        } else {
            errors.addIf(ChronoUnit.DAYS.between(in.windowStart(), in.windowEnd()) > 366, "window.end",
                    "a window is at most a year long");
        }
        errors.throwIfAny("invalid-request", "Invalid request");
        r.partnerParty = in.partnerParty();
        r.agreementId = agreementFor(r.requestingParty, in);
        r.domain = in.domain();
        r.title = in.title().trim();
        r.need = in.need();
        r.offer = in.offer();
        r.direction = in.direction();
        r.windowStart = in.windowStart();
        r.windowEnd = in.windowEnd();
        r.participants = in.participants();
        r.language = in.language();
    }

    /**
     * The agreement the request rests on: in force between the two parties as of this transaction. Its row is read
     * under a shared lock held until the submission commits, so a suspension being applied meanwhile waits for the
     * submission (and then holds it) or is seen by it (and refuses it): none is accepted after it.
     */
    private UUID agreementFor(String requester, RequestDraft in) {
        if (in.agreementId() == null) {
            Optional<AgreementLocks.Locked> inForce = locks.shareInForceBetween(requester, in.partnerParty());
            if (inForce.isPresent()) {
                return inForce.get().id();
            }
            // None in force: say why (suspended, ended, or none at all), as the candidates are now.
            List<KnownAgreement> candidates = KnownAgreement.allInForceBetween(requester, in.partnerParty());
            Optional<AgreementLocks.Locked> last = Optional.empty();
            for (KnownAgreement candidate : candidates) {
                last = locks.share(candidate.id);
                if (last.isPresent() && KnownAgreement.IN_FORCE.equals(last.get().status())) {
                    return candidate.id;
                }
            }
            if (last.isPresent()) {
                InForce.require(last, "it carries no new request");
            }
            throw new ProblemException(422, "no-agreement-in-force", "No agreement in force",
                    "there is no agreement in force between " + requester + " and " + in.partnerParty())
                    .with("field", "partnerParty");
        }
        Optional<AgreementLocks.Locked> locked = locks.shareBinding(in.agreementId(), requester, in.partnerParty());
        if (locked.isEmpty()) {
            throw ProblemException.badField("agreementId", "not an agreement between " + requester + " and " + in.partnerParty());
        }
        try {
            InForce.require(locked, "it carries no new request");
        } catch (ProblemException e) {
            throw e.with("field", "agreementId");
        }
        return locked.get().id();
    }
}
