package club.twinning.exchange.messaging;

import club.twinning.events.EventType;
import club.twinning.events.payload.AgreementChanged;
import club.twinning.events.payload.AgreementStatusChanged;
import club.twinning.events.payload.CommitmentDue;
import club.twinning.events.payload.PartyChanged;
import club.twinning.exchange.replica.AgreementLocks;
import club.twinning.exchange.replica.KnownAgreement;
import club.twinning.exchange.replica.KnownParty;
import club.twinning.exchange.service.AgreementLifecycle;
import club.twinning.platform.inbox.Inbox;
import club.twinning.platform.inbox.ProcessedEvents;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps the read model of parties and agreements from the registry's events: each event applied once
 * (processed-event log), never an older version over a newer one, in the same transaction as its processed-log
 * entry. A status change takes the agreement's row exclusively first (waiting for the submissions, votes and visit
 * steps that read it in force) and applies its consequences to the requests and visits under it in that same
 * transaction. A message that is not a CloudEvent goes to the dead-letter topic and the partition moves on.
 */
@ApplicationScoped
public class RegistryConsumer {

    static final String CONSUMER = "exchange-registry";

    private final ProcessedEvents processed;
    private final ObjectMapper json;
    private final AgreementLocks locks;
    private final AgreementLifecycle lifecycle;

    RegistryConsumer(ProcessedEvents processed, ObjectMapper json, AgreementLocks locks, AgreementLifecycle lifecycle) {
        this.processed = processed;
        this.json = json;
        this.locks = locks;
        this.lifecycle = lifecycle;
    }

    @Incoming("registry")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return Inbox.consume(message, processed, CONSUMER, (type, event) -> apply(type, event.data()));
    }

    private void apply(EventType type, String data) throws IOException {
        switch (type) {
            case PARTY_CREATED, PARTY_UPDATED -> party(json.readValue(data, PartyChanged.class));
            case AGREEMENT_CREATED, AGREEMENT_UPDATED -> agreement(json.readValue(data, AgreementChanged.class));
            case AGREEMENT_STATUS_CHANGED -> status(json.readValue(data, AgreementStatusChanged.class));
            case COMMITMENT_DUE -> commitmentDue(json.readValue(data, CommitmentDue.class));
            default -> {
                // Other registry events (contacts, renewals) are not this service's business.
            }
        }
    }

    private static void party(PartyChanged p) {
        KnownParty view = KnownParty.findById(p.code());
        if (view == null) {
            view = new KnownParty();
            view.code = p.code();
        } else if (view.version > p.version()) {
            return;
        }
        view.nameFr = p.nameFr();
        view.nameAr = p.nameAr();
        view.nameEn = p.nameEn();
        view.country = p.country();
        view.latitude = p.latitude();
        view.longitude = p.longitude();
        view.timeZone = p.timeZone();
        view.language = p.language();
        view.expertiseDomains = new ArrayList<>(p.expertiseDomains() == null ? java.util.List.of() : p.expertiseDomains());
        view.version = p.version();
        view.persist();
    }

    private void agreement(AgreementChanged a) {
        locks.exclusive(a.agreementId());
        KnownAgreement view = KnownAgreement.findById(a.agreementId());
        String before = view == null ? null : view.status;
        if (view == null) {
            view = new KnownAgreement();
            view.id = a.agreementId();
        } else if (view.version > a.version()) {
            return;
        }
        view.reference = a.reference();
        view.type = a.type();
        view.status = a.status();
        view.expiresOn = a.expiresOn();
        view.signedOn = a.signedOn();
        view.partyCodes = new ArrayList<>(a.partyCodes());
        view.domains = new ArrayList<>(a.domains() == null ? java.util.List.of() : a.domains());
        view.commitments = new ArrayList<>(a.commitments() == null ? java.util.List.of() : a.commitments());
        view.version = a.version();
        view.persist();
        view.flush();
        lifecycle.changed(view, before, a.actor(), null);
    }

    private void status(AgreementStatusChanged s) {
        locks.exclusive(s.agreementId());
        KnownAgreement view = KnownAgreement.findById(s.agreementId());
        String before = view == null ? null : view.status;
        if (view == null) {
            view = new KnownAgreement();
            view.id = s.agreementId();
            view.partyCodes = new ArrayList<>(s.partyCodes());
            view.domains = new ArrayList<>(s.domains() == null ? java.util.List.of() : s.domains());
        } else if (view.version > s.version()) {
            return;
        }
        view.reference = s.reference();
        view.type = s.type();
        view.status = s.to();
        view.expiresOn = s.expiresOn();
        view.version = s.version();
        view.persist();
        view.flush();
        lifecycle.changed(view, before, s.actor(), s.reason());
    }

    private static void commitmentDue(CommitmentDue due) {
        KnownAgreement view = KnownAgreement.findById(due.agreementId());
        if (view != null && view.commitments.stream().noneMatch(c -> c.id().equals(due.commitment().id()))) {
            view.commitments = new ArrayList<>(view.commitments);
            view.commitments.add(due.commitment());
        }
    }
}
