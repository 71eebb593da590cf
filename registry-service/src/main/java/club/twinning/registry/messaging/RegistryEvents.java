package club.twinning.registry.messaging;

import club.twinning.events.EventType;
import club.twinning.events.payload.AgreementChanged;
import club.twinning.events.payload.AgreementStatusChanged;
import club.twinning.events.payload.Commitment;
import club.twinning.events.payload.CommitmentDue;
import club.twinning.events.payload.ContactChanged;
import club.twinning.events.payload.PartyChanged;
import club.twinning.events.payload.RenewalDue;
import club.twinning.platform.outbox.Outbox;
import club.twinning.registry.domain.Agreement;
import club.twinning.registry.domain.AgreementStatus;
import club.twinning.registry.domain.CommitmentEntry;
import club.twinning.registry.domain.Contact;
import club.twinning.registry.domain.Party;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The registry's events, as the `events` contract defines them, appended to the outbox. */
@ApplicationScoped
public class RegistryEvents {

    private final Outbox outbox;

    RegistryEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void party(EventType type, Party p) {
        outbox.append(type, "party", p.code, new PartyChanged(p.code, p.kind, p.nameFr, p.nameAr, p.nameEn, p.country,
                p.region, p.latitude, p.longitude, p.timeZone, p.language, List.copyOf(p.expertiseDomains), p.version));
    }

    public void contact(EventType type, Contact c) {
        outbox.append(type, "contact", c.id.toString(), new ContactChanged(c.id, c.partyCode, c.name, c.title, c.email,
                c.language, List.copyOf(c.channels), c.webhookUrl, c.councilMember, c.active, c.version));
    }

    public void agreement(EventType type, Agreement a, String actor) {
        outbox.append(type, "agreement", a.id.toString(), new AgreementChanged(a.id, a.reference, a.type.name(),
                a.status.name(), a.titleFr, a.titleAr, a.titleEn, List.copyOf(a.partyCodes), List.copyOf(a.domains),
                a.signedOn, a.effectiveFrom, a.expiresOn, a.commitments.stream().map(RegistryEvents::commitment).toList(),
                actor, a.version));
    }

    public void statusChanged(Agreement a, AgreementStatus from, String actor, String reason, Instant at) {
        outbox.append(EventType.AGREEMENT_STATUS_CHANGED, "agreement", a.id.toString(), new AgreementStatusChanged(
                a.id, a.reference, a.type.name(), List.copyOf(a.partyCodes), List.copyOf(a.domains), from.name(),
                a.status.name(), a.expiresOn, actor, reason, at, a.version));
    }

    public void commitmentDue(Agreement a, CommitmentEntry c) {
        outbox.append(EventType.COMMITMENT_DUE, "agreement", a.id.toString(), new CommitmentDue(a.id, a.reference,
                List.copyOf(a.partyCodes), commitment(c), c.dueDate()));
    }

    public void renewalDue(Agreement a, LocalDate noticeOpenedOn) {
        outbox.append(EventType.RENEWAL_DUE, "agreement", a.id.toString(), new RenewalDue(a.id, a.reference,
                List.copyOf(a.partyCodes), a.expiresOn, noticeOpenedOn, a.tacitRenewal));
    }

    private static Commitment commitment(CommitmentEntry c) {
        return new Commitment(c.id(), c.text(), c.owningParty(), c.dueDate(), c.status());
    }
}
