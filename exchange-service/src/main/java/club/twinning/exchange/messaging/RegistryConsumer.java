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
import club.twinning.platform.replica.LocalCopy;
import club.twinning.platform.replica.PartyCopy;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
        PartyCopy.store(p, KnownParty.<KnownParty>findById(p.code()), () -> KnownParty.of(p.code()));
    }

    private void agreement(AgreementChanged a) {
        update(a.agreementId(), a.version(), () -> KnownAgreement.of(a.agreementId()), view -> {
            view.reference = a.reference();
            view.type = a.type();
            view.status = a.status();
            view.expiresOn = a.expiresOn();
            view.signedOn = a.signedOn();
            view.partyCodes = new ArrayList<>(a.partyCodes());
            view.domains = copyOf(a.domains());
            view.commitments = copyOf(a.commitments());
        }, a.actor(), null);
    }

    /** A status change carries the parties and domains too, for an agreement this service has not heard of yet. */
    private void status(AgreementStatusChanged s) {
        update(s.agreementId(), s.version(), () -> {
            KnownAgreement fresh = KnownAgreement.of(s.agreementId());
            fresh.partyCodes = new ArrayList<>(s.partyCodes());
            fresh.domains = copyOf(s.domains());
            return fresh;
        }, view -> {
            view.reference = s.reference();
            view.type = s.type();
            view.status = s.to();
            view.expiresOn = s.expiresOn();
        }, s.actor(), s.reason());
    }

    /**
     * The agreement's row taken exclusively, its copy updated unless the event is older, and what its new status does
     * to the requests and visits under it applied in the same transaction.
     */
    private void update(UUID id, long version, Supplier<KnownAgreement> fresh, Consumer<KnownAgreement> fill,
                        String actor, String why) {
        locks.exclusive(id);
        KnownAgreement existing = KnownAgreement.findById(id);
        String before = existing == null ? null : existing.status;
        LocalCopy.toUpdate(existing, version, fresh).ifPresent(view -> {
            fill.accept(view);
            view.version = version;
            view.persist();
            view.flush();
            lifecycle.changed(view, before, actor, why);
        });
    }

    private static <T> ArrayList<T> copyOf(List<T> items) {
        return new ArrayList<>(items == null ? List.of() : items);
    }

    private static void commitmentDue(CommitmentDue due) {
        KnownAgreement view = KnownAgreement.findById(due.agreementId());
        if (view != null && view.commitments.stream().noneMatch(c -> c.id().equals(due.commitment().id()))) {
            view.commitments = new ArrayList<>(view.commitments);
            view.commitments.add(due.commitment());
        }
    }
}
