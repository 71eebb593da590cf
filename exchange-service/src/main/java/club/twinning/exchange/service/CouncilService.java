package club.twinning.exchange.service;

import club.twinning.events.EventType;
import club.twinning.events.payload.Tally;
import club.twinning.exchange.config.ExchangeConfig;
import club.twinning.exchange.domain.CouncilVote;
import club.twinning.exchange.domain.ExchangeRequest;
import club.twinning.exchange.domain.Quorum;
import club.twinning.exchange.domain.RequestStatus;
import club.twinning.exchange.domain.VoteChoice;
import club.twinning.exchange.messaging.ExchangeEvents;
import club.twinning.exchange.replica.AgreementLocks;
import club.twinning.platform.problem.ProblemException;
import club.twinning.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The council's approval policy: one current vote per member, changeable until the decision (a change is a new
 * entry, the earlier one kept as superseded); decided once a quorum of distinct members has voted, approved if approvals outnumber rejections, rejected if the reverse, sent
 * back for changes when those are tied and a member asked for changes; a member never votes on a request
 * that involves their own city, nor on one whose agreement is not in force.
 */
@ApplicationScoped
@Transactional
public class CouncilService {

    private final Workflow workflow;
    private final ExchangeEvents events;
    private final Caller caller;
    private final ExchangeConfig config;
    private final AgreementLocks locks;
    private final Clock clock;

    CouncilService(Workflow workflow, ExchangeEvents events, Caller caller, ExchangeConfig config, AgreementLocks locks,
                   Clock clock) {
        this.workflow = workflow;
        this.events = events;
        this.caller = caller;
        this.config = config;
        this.locks = locks;
        this.clock = clock;
    }

    public ExchangeRequest vote(UUID requestId, VoteChoice choice, String reasonGiven) {
        // The agreement first (shared: a suspension waits for this vote, or this vote sees it), then the request.
        Optional<AgreementLocks.Locked> agreement = locks.shareForRequest(requestId);
        // Locked: two members voting at once must not both miss the quorum, nor decide twice.
        ExchangeRequest request = ExchangeRequest.findById(requestId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            throw ProblemException.notFound("request", requestId);
        }
        caller.city().filter(request::involves).ifPresent(city -> {
            throw new ProblemException(403, "conflict-of-interest", "Conflict of interest",
                    "this request involves " + city + ", your own city: a council member never votes on it")
                    .with("city", city);
        });
        InForce.require(agreement, "votes wait until it is in force again");
        if (!request.status.awaitsDecision()) {
            throw new ProblemException(409, "already-decided", "Not open to votes",
                    "the request is " + request.status + ": votes are closed").with("requestStatus", request.status.name());
        }
        String reason = reasonGiven == null || reasonGiven.isBlank() ? null : reasonGiven.trim();
        if (choice.needsReason() && reason == null) {
            throw ProblemException.badField("reason", "a " + choice + " vote must say why");
        }
        Instant now = clock.instant();
        // A changed vote is a new entry; the one it replaces is kept, superseded.
        CouncilVote.update("supersededAt = ?1 where requestId = ?2 and voter = ?3 and supersededAt is null",
                now, requestId, caller.name());
        CouncilVote vote = new CouncilVote();
        vote.id = UUID.randomUUID();
        vote.requestId = requestId;
        vote.voter = caller.name();
        vote.choice = choice;
        vote.reason = reason;
        vote.castAt = now;
        vote.persist();
        vote.flush();
        if (request.status == RequestStatus.SUBMITTED) {
            workflow.move(request, RequestStatus.UNDER_REVIEW, caller.name(), null);
        }
        Tally tally = workflow.tally(requestId);
        events.request(EventType.VOTE_CAST, request, caller.name(), reason, vote, tally);
        decide(request, tally);
        return request;
    }

    private void decide(ExchangeRequest request, Tally tally) {
        Optional<RequestStatus> decided = Quorum.outcome(tally, config.quorum());
        if (decided.isEmpty()) {
            return; // below the quorum, or tied: the request waits for more votes
        }
        RequestStatus outcome = decided.get();
        int voters = Quorum.voters(tally);
        String why = "quorum of " + voters + " reached: " + tally.approve() + " for, " + tally.reject() + " against, "
                + tally.abstain() + " abstaining, " + tally.requestChanges() + " asking for changes";
        workflow.move(request, outcome, "council", why);
        request.decidedAt = clock.instant();
        events.request(outcome == RequestStatus.CHANGES_REQUESTED ? EventType.CHANGES_REQUESTED : EventType.REQUEST_DECIDED,
                request, "council", why, null, tally);
    }
}
