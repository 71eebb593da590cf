package club.twinning.exchange.service;

import club.twinning.events.payload.Tally;
import club.twinning.exchange.domain.CouncilVote;
import club.twinning.exchange.domain.ExchangeRequest;
import club.twinning.exchange.domain.RequestStatus;
import club.twinning.exchange.domain.RequestStep;
import club.twinning.exchange.domain.VoteChoice;
import club.twinning.platform.state.StateMachine;
import club.twinning.platform.state.Step;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** Moves a request through its workflow (the status's transition table), recording each step; a forbidden step is a 409. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Workflow {

    private final StateMachine<RequestStatus> machine;

    Workflow(Clock clock) {
        this.machine = new StateMachine<>("a request", "forbidden-step", clock);
    }

    /** A new request's status and first step, for the caller to write with it in one statement (see NewRequests). */
    public RequestStep start(ExchangeRequest request, String actor) {
        Step<RequestStatus> first = machine.start(RequestStatus.SUBMITTED, actor);
        request.status = first.to();
        return RequestStep.of(request.id, first);
    }

    public void move(ExchangeRequest request, RequestStatus to, String actor, String reason) {
        Step<RequestStatus> step = machine.move(request.status, to, actor, reason);
        request.status = to;
        RequestStep.of(request.id, step).persist();
        request.flush();
    }

    /** A 409 naming the possible next steps unless the request may become {@code to}. */
    public void check(ExchangeRequest request, RequestStatus to) {
        machine.check(request.status, to);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Tally tally(UUID requestId) {
        int[] counts = new int[VoteChoice.values().length];
        CouncilVote.current(requestId).forEach(v -> counts[v.choice.ordinal()]++);
        return new Tally(counts[VoteChoice.APPROVE.ordinal()], counts[VoteChoice.REJECT.ordinal()],
                counts[VoteChoice.ABSTAIN.ordinal()], counts[VoteChoice.REQUEST_CHANGES.ordinal()]);
    }
}
