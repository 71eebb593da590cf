package club.twinning.platform;

import club.twinning.platform.inbox.IncomingEvent;
import club.twinning.platform.inbox.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A consumer written the way services write theirs: record the event id, then apply, in one transaction. */
@ApplicationScoped
public class InboxConsumer {

    private final ProcessedEvents processed;
    private final EntityManager em;

    public InboxConsumer(ProcessedEvents processed, EntityManager em) {
        this.processed = processed;
        this.em = em;
    }

    @Incoming("test-inbox")
    @Blocking
    @Transactional
    public CompletionStage<Void> consume(Message<String> message) {
        IncomingEvent event = IncomingEvent.of(message).orElseThrow();
        if (processed.firstDelivery("test-inbox", event.id(), event.type())) {
            em.createNativeQuery("INSERT INTO applied_event (event_id) VALUES (:id)")
                    .setParameter("id", event.id()).executeUpdate();
        }
        return message.ack();
    }
}
