package club.twinning.platform;

import club.twinning.events.EventType;
import club.twinning.platform.inbox.Inbox;
import club.twinning.platform.inbox.IncomingEvent;
import club.twinning.platform.inbox.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The test application's consumers, written as the services write theirs (the platform's Inbox): each application
 * of an event leaves a row in applied_event, so a duplicate shows as two rows. One channel per test, since
 * DatabaseOutageTest's has a configuration of its own (see application.properties).
 */
@ApplicationScoped
public class AppliedEvents {

    private final ProcessedEvents processed;
    private final EntityManager em;

    public AppliedEvents(ProcessedEvents processed, EntityManager em) {
        this.processed = processed;
        this.em = em;
    }

    /** ProcessedEventsTest's: the same event delivered twice. */
    @Incoming("test-inbox")
    @Blocking
    public CompletionStage<Void> inbox(Message<String> message) {
        return Inbox.consume(message, processed, "test-inbox", this::apply);
    }

    /** DatabaseOutageTest's: events sent while the database is unreachable. */
    @Incoming("test-outage")
    @Blocking
    public CompletionStage<Void> outage(Message<String> message) {
        return Inbox.consume(message, processed, "test-outage", this::apply);
    }

    private void apply(EventType type, IncomingEvent event) {
        em.createNativeQuery("INSERT INTO applied_event (event_id) VALUES (:id)")
                .setParameter("id", event.id()).executeUpdate();
    }
}
