package club.twinning.exchange.api;

import club.twinning.events.payload.Tally;
import club.twinning.exchange.domain.CouncilVote;
import club.twinning.exchange.domain.ExchangeRequest;
import club.twinning.exchange.domain.RequestStep;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A request with its tally, the votes and its history: both cities see the decision and how it was reached. */
public record RequestView(UUID id, String requestingParty, String partnerParty, UUID agreementId, String domain,
                          String title, String need, String offer, String direction, RequestInput.Window window,
                          int participants, String language, String status, Tally tally, List<VoteView> votes,
                          List<StepView> history, UUID visitId, String submittedBy, Instant submittedAt,
                          Instant decidedAt, long version) {

    public record VoteView(String voter, String choice, String reason, Instant castAt) {
    }

    public record StepView(String from, String to, String actor, String reason, Instant at) {
    }

    public static RequestView of(ExchangeRequest r, Tally tally, List<CouncilVote> votes, List<RequestStep> steps,
                                 UUID visitId) {
        return new RequestView(r.id, r.requestingParty, r.partnerParty, r.agreementId, r.domain, r.title, r.need, r.offer,
                r.direction.name(), new RequestInput.Window(r.windowStart, r.windowEnd), r.participants, r.language,
                r.status.name(), tally,
                votes.stream().map(v -> new VoteView(v.voter, v.choice.name(), v.reason, v.castAt)).toList(),
                steps.stream().map(s -> new StepView(s.from == null ? null : s.from.name(), s.to.name(), s.actor, s.reason, s.at)).toList(),
                visitId, r.submittedBy, r.submittedAt, r.decidedAt, r.version);
    }
}
