package club.twinning.notification.messaging;

import club.twinning.events.EventType;
import club.twinning.events.payload.ContactChanged;
import club.twinning.events.payload.PartyChanged;
import club.twinning.notification.replica.KnownContact;
import club.twinning.notification.replica.KnownParty;
import club.twinning.notification.service.Router;
import club.twinning.platform.inbox.Inbox;
import club.twinning.platform.inbox.ProcessedEvents;
import club.twinning.platform.replica.LocalCopy;
import club.twinning.platform.replica.PartyCopy;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Every event of the platform, once: contacts and parties update the read model; the rest become deliveries,
 * in the same transaction as the processed-event record. Each event's data is bound to the {@code events} record of
 * its type ({@link EventData}); an unknown type is acknowledged and ignored, a version this service does not read
 * too (the platform keeps publishing version 1 beside a newer one). A message that cannot be read (no CloudEvent, or
 * data that does not bind to its record) goes to the dead-letter topic and the partition moves on; a database outage
 * is waited out (see {@link Inbox}).
 */
@ApplicationScoped
public class EventConsumer {

    static final String CONSUMER = "notification";
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

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
        Optional<IncomingCloudEventMetadata<?>> ce = message.getMetadata(IncomingCloudEventMetadata.class)
                .map(m -> (IncomingCloudEventMetadata<?>) m);
        if (ce.isPresent()) {
            Optional<EventType> type = EventType.of(ce.get().getType());
            Optional<URI> schema = ce.get().getDataSchema();
            if (type.isPresent() && !EventData.readable(type.get(), schema)) {
                LOG.infof("event %s of type %s has dataschema %s, which this service does not read: ignored",
                        ce.get().getId(), ce.get().getType(), schema.get());
                return message.ack();
            }
        }
        return Inbox.consume(message, processed, CONSUMER, (type, event) -> {
            Record payload = EventData.read(json, type, event.data());
            if (payload instanceof ContactChanged c) {
                contact(c);
            } else if (payload instanceof PartyChanged p) {
                party(p);
            } else {
                router.route(type, event, payload);
            }
        });
    }

    /** The registry's contact, copied unless the copy is newer than the event (events come late, twice, out of order). */
    private static void contact(ContactChanged c) {
        KnownContact known = KnownContact.findById(c.contactId());
        LocalCopy.toUpdate(known, c.version(), () -> KnownContact.of(c.contactId())).ifPresent(copy -> {
            copy.partyCode = c.partyCode();
            copy.name = c.name();
            copy.email = c.email();
            copy.language = c.language();
            copy.channels = new ArrayList<>(c.channels() == null ? List.of() : c.channels());
            copy.webhookUrl = c.webhookUrl();
            copy.councilMember = c.councilMember();
            copy.active = c.active();
            copy.version = c.version();
            copy.persist();
        });
    }

    /** The registry's party, by the same rule (platform's copy of a party). */
    private static void party(PartyChanged p) {
        PartyCopy.store(p, KnownParty.<KnownParty>findById(p.code()), KnownParty::new);
    }
}
