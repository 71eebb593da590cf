package club.twinning.exchange.domain;

import club.twinning.events.payload.Tally;
import java.util.List;
import java.util.UUID;

/** A request with what is read alongside it: its tally, every vote, its status steps and its current visit. */
public record RequestDossier(ExchangeRequest request, Tally tally, List<CouncilVote> votes, List<RequestStep> steps,
                             UUID visitId) {
}
