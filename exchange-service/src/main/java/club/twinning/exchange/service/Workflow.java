package club.twinning.exchange.service;

import club.twinning.events.payload.Tally;
import club.twinning.exchange.domain.CouncilVote;
import club.twinning.exchange.domain.ExchangeRequest;
import club.twinning.exchange.domain.RequestStatus;
import club.twinning.exchange.domain.RequestStep;
import club.twinning.exchange.domain.VoteChoice;
import club.twinning.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Moves a request through its workflow, recording each step; a forbidden step is a 409. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Workflow {

    private final Clock clock;

    Workflow(Clock clock) {
        this.clock = clock;
    }

    /** A new request's status and first step, for the caller to write with it in one statement (see NewRequests). */
    public RequestStep start(ExchangeRequest request, String actor) {
        request.status = RequestStatus.SUBMITTED;
        return step(request, null, RequestStatus.SUBMITTED, actor, null);
    }

    public void move(ExchangeRequest request, RequestStatus to, String actor, String reason) {
        RequestStatus from = request.status;
        check(request, to);
        request.status = to;
        record(request, from, to, actor, reason);
    }

    /** A 409 naming the possible next steps unless the request may become {@code to}. */
    public void check(ExchangeRequest request, RequestStatus to) {
        RequestStatus from = request.status;
        if (!from.next().contains(to)) {
            List<String> allowed = from.next().stream().map(Enum::name).sorted().toList();
            throw new ProblemException(409, "forbidden-step", "Step not allowed",
                    "a request " + from + " cannot become " + to
                            + (allowed.isEmpty() ? "; it is final" : "; possible next: " + String.join(", ", allowed)))
                    .with("from", from.name()).with("to", to.name()).with("allowed", allowed);
        }
    }

    private void record(ExchangeRequest request, RequestStatus from, RequestStatus to, String actor, String reason) {
        step(request, from, to, actor, reason).persist();
        request.flush();
    }

    private RequestStep step(ExchangeRequest request, RequestStatus from, RequestStatus to, String actor, String reason) {
        RequestStep step = new RequestStep();
        step.id = UUID.randomUUID();
        step.requestId = request.id;
        step.from = from;
        step.to = to;
        step.actor = actor;
        step.reason = reason;
        step.at = clock.instant();
        return step;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Tally tally(UUID requestId) {
        int[] counts = new int[VoteChoice.values().length];
        CouncilVote.current(requestId).forEach(v -> counts[v.choice.ordinal()]++);
        return new Tally(counts[VoteChoice.APPROVE.ordinal()], counts[VoteChoice.REJECT.ordinal()],
                counts[VoteChoice.ABSTAIN.ordinal()], counts[VoteChoice.REQUEST_CHANGES.ordinal()]);
    }
}
