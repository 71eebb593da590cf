package club.twinning.exchange.messaging;

import club.twinning.events.EventType;
import club.twinning.events.payload.ExchangeRequestChanged;
import club.twinning.events.payload.RelationshipDormant;
import club.twinning.events.payload.Tally;
import club.twinning.events.payload.VisitChanged;
import club.twinning.exchange.domain.CouncilVote;
import club.twinning.exchange.domain.ExchangeRequest;
import club.twinning.exchange.domain.Visit;
import club.twinning.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** exchange-service's events, as the `events` contract defines them, appended to the outbox. */
@ApplicationScoped
public class ExchangeEvents {

    private final Outbox outbox;

    ExchangeEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void request(EventType type, ExchangeRequest r, String actor, String reason, CouncilVote vote, Tally tally) {
        outbox.append(type, "exchange-request", r.id.toString(), new ExchangeRequestChanged(r.id, r.requestingParty,
                r.partnerParty, r.agreementId, r.domain, r.title, r.status.name(), r.windowStart, r.windowEnd, actor, reason,
                vote == null ? null : vote.voter, vote == null ? null : vote.choice.name(), tally, Instant.now(), r.version));
    }

    public void visit(EventType type, Visit v, String actor, String reason) {
        String summary = v.report == null ? null : v.report.outcomes();
        outbox.append(type, "visit", v.id.toString(), new VisitChanged(v.id, v.requestId, v.hostParty, v.visitingParty,
                v.startDate, v.endDate, v.status.name(), actor, reason, summary, Instant.now(), v.version,
                v.delegation == null ? null : v.delegation.stream().map(d -> new VisitChanged.Delegate(d.name(), d.role())).toList(),
                v.agenda == null ? null : v.agenda.stream()
                        .map(a -> new VisitChanged.AgendaItem(a.day(), a.time(), a.topic(), a.place())).toList()));
    }

    public void dormant(RelationshipDormant dormant) {
        outbox.append(EventType.RELATIONSHIP_DORMANT, "relationship", dormant.partyA() + "|" + dormant.partyB(), dormant);
    }
}
