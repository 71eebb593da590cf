package club.twinning.platform;

import club.twinning.platform.inbox.Inbox;
import club.twinning.platform.inbox.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A consumer of the notes' events written with the platform's {@link Inbox}, as the services write theirs. */
@ApplicationScoped
public class TracedConsumer {

    static final String CONSUMER = "test-traced";

    private final ProcessedEvents processed;

    public TracedConsumer(ProcessedEvents processed) {
        this.processed = processed;
    }

    @Incoming("test-traced")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return Inbox.consume(message, processed, CONSUMER, (type, event) -> {
            // recorded as processed by the inbox; nothing else to apply
        });
    }
}
