package club.twinning.platform;

import club.twinning.platform.inbox.Inbox;
import club.twinning.platform.inbox.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A consumer written as the services write theirs (the platform's Inbox, the default commit strategy). */
@ApplicationScoped
public class OutageConsumer {

    static final String CONSUMER = "test-outage";

    private final ProcessedEvents processed;
    private final EntityManager em;

    public OutageConsumer(ProcessedEvents processed, EntityManager em) {
        this.processed = processed;
        this.em = em;
    }

    @Incoming("test-outage")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return Inbox.consume(message, processed, CONSUMER, (type, event) -> em
                .createNativeQuery("INSERT INTO applied_event (event_id) VALUES (:id)")
                .setParameter("id", event.id()).executeUpdate());
    }
}
