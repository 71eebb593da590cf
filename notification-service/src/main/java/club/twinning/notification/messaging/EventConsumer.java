package club.twinning.notification.messaging;

import club.twinning.events.payload.ContactChanged;
import club.twinning.events.payload.PartyChanged;
import club.twinning.notification.domain.ContactView;
import club.twinning.notification.domain.PartyView;
import club.twinning.notification.service.Router;
import club.twinning.platform.inbox.Inbox;
import club.twinning.platform.inbox.ProcessedEvents;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Every event of the platform, once: contacts and parties update the read model; the rest become deliveries,
 * in the same transaction as the processed-event record. A message that cannot be read goes to the
 * dead-letter topic and the partition moves on; a database outage is waited out (see {@link Inbox}).
 */
@ApplicationScoped
public class EventConsumer {

    static final String CONSUMER = "notification";

    private final ProcessedEvents processed;
    private final Router router;
    private final ObjectMapper json;

    EventConsumer(ProcessedEvents processed, Router router, ObjectMapper json) {
        this.processed = processed;
        this.router = router;
        this.json = json;
    }

    @Incoming("events")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return Inbox.consume(message, processed, CONSUMER, (type, event) -> {
            switch (type) {
                case CONTACT_CREATED, CONTACT_UPDATED, CONTACT_DEACTIVATED ->
                        contact(json.readValue(event.data(), ContactChanged.class));
                case PARTY_CREATED, PARTY_UPDATED -> party(json.readValue(event.data(), PartyChanged.class));
                default -> router.route(type, event);
            }
        });
    }

    private static void contact(ContactChanged c) {
        ContactView view = ContactView.findById(c.contactId());
        if (view == null) {
            view = new ContactView();
            view.id = c.contactId();
        } else if (view.version > c.version()) {
            return;
        }
        view.partyCode = c.partyCode();
        view.name = c.name();
        view.email = c.email();
        view.language = c.language();
        view.channels = new ArrayList<>(c.channels() == null ? List.of() : c.channels());
        view.webhookUrl = c.webhookUrl();
        view.councilMember = c.councilMember();
        view.active = c.active();
        view.version = c.version();
        view.persist();
    }

    private static void party(PartyChanged p) {
        PartyView view = PartyView.findById(p.code());
        if (view == null) {
            view = new PartyView();
            view.code = p.code();
        } else if (view.version > p.version()) {
            return;
        }
        view.nameFr = p.nameFr() != null ? p.nameFr() : p.nameEn();
        view.language = p.language();
        view.timeZone = p.timeZone();
        view.version = p.version();
        view.persist();
    }
}
