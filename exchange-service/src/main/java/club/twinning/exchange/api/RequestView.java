package club.twinning.exchange.api;

import club.twinning.events.payload.Tally;
import club.twinning.exchange.domain.CouncilVote;
import club.twinning.exchange.domain.ExchangeRequest;
import club.twinning.exchange.domain.RequestDossier;
import club.twinning.exchange.domain.RequestStep;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A request with its tally, every vote (a changed one kept, marked superseded) and its history (status steps and
 * votes, in time order): both cities see the decision and how it was reached. {@code heldFrom} says where an
 * ON_HOLD request returns; {@code closedReason} why a CLOSED one was closed.
 */
public record RequestView(UUID id, String requestingParty, String partnerParty, UUID agreementId, String domain,
                          String title, String need, String offer, String direction, RequestInput.Window window,
                          int participants, String language, String status, String heldFrom, String closedReason,
                          Tally tally, List<VoteView> votes, List<StepView> history, UUID visitId, String submittedBy,
                          Instant submittedAt, Instant decidedAt, long version) {

    /** {@code superseded}: a later vote of the same member (or a resubmission) replaced it; the tally ignores it. */
    public record VoteView(String voter, String choice, String reason, Instant castAt, boolean superseded,
                           Instant supersededAt) {
    }

    /** {@code kind} STATUS (from → to) or VOTE (actor voted {@code vote}, maybe since superseded). */
    public record StepView(String kind, String from, String to, String actor, String reason, Instant at, String vote,
                           Boolean superseded) {
    }

    public static RequestView of(RequestDossier dossier) {
        ExchangeRequest r = dossier.request();
        Tally tally = dossier.tally();
        List<CouncilVote> votes = dossier.votes();
        List<RequestStep> steps = dossier.steps();
        UUID visitId = dossier.visitId();
        List<StepView> history = Stream.concat(
                        steps.stream().map(s -> new StepView("STATUS", s.from == null ? null : s.from.name(), s.to.name(),
                                s.actor, s.reason, s.at, null, null)),
                        votes.stream().map(v -> new StepView("VOTE", null, null, v.voter, v.reason, v.castAt, v.choice.name(),
                                v.supersededAt != null)))
                .sorted(Comparator.comparing(StepView::at)).toList();
        return new RequestView(r.id, r.requestingParty, r.partnerParty, r.agreementId, r.domain, r.title, r.need, r.offer,
                r.direction.name(), new RequestInput.Window(r.windowStart, r.windowEnd), r.participants, r.language,
                r.status.name(), r.heldFrom == null ? null : r.heldFrom.name(), r.closedReason, tally,
                votes.stream().map(v -> new VoteView(v.voter, v.choice.name(), v.reason, v.castAt, v.supersededAt != null,
                        v.supersededAt)).toList(),
                history, visitId, r.submittedBy, r.submittedAt, r.decidedAt, r.version);
    }
}
