package club.twinning.platform.inbox;

import club.twinning.platform.problem.ProblemMappers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Applies an incoming message in a transaction of its own that has committed before the message is acknowledged
 * (never a transaction still open when the acknowledgement runs on another thread). While the service's database is
 * unreachable it waits and tries again, holding the partition (order is kept, nothing is dead-lettered for an
 * outage); any other failure nacks the message, which the channel sends to its dead-letter topic.
 */
public final class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private Inbox() {
    }

    public static CompletionStage<Void> apply(Message<?> message, Runnable work) {
        long wait = 500;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(work);
                return message.ack();
            } catch (RuntimeException e) {
                if (!ProblemMappers.databaseUnavailable(e)) {
                    return message.nack(e);
                }
                LOG.warnf("database unavailable, trying the message again in %d ms: %s", wait, e.getMessage());
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return message.nack(e);
                }
                wait = Math.min(wait * 2, 10_000);
            }
        }
    }
}
