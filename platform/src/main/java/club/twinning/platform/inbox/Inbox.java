package club.twinning.platform.inbox;

import club.twinning.platform.problem.ProblemMappers;
import club.twinning.events.EventType;
import club.twinning.platform.trace.Traces;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Applies an incoming message in a transaction of its own that has committed before the message is acknowledged
 * (never a transaction still open when the acknowledgement runs on another thread). While the service's database is
 * unreachable it waits and tries again, holding the partition (order is kept, nothing is dead-lettered for an
 * outage) with the channel's partitions paused, so the Kafka client keeps polling and stays in its group however long
 * the outage lasts (the connector's limit on an unacknowledged record's age is off for that reason, see the platform's
 * configuration); any other failure nacks the message, which the channel sends to its dead-letter topic.
 *
 * <p>The work is a span of the event's trace (its {@code traceparent} extension): one trace follows a request
 * from the service that changed something to every consumer of the event it announced.
 */
public final class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private Inbox() {
    }

    /** What a consumer does with an event of a type it knows, inside the inbox's transaction. */
    @FunctionalInterface
    public interface Handler {
        void handle(EventType type, IncomingEvent event) throws IOException;
    }

    /**
     * The whole of a consumer: a message that is not a CloudEvent with data is dead-lettered; an event of a known
     * type, the first time this consumer sees its id, goes to the handler; a repeated or unknown one is acknowledged.
     */
    public static CompletionStage<Void> consume(Message<String> message, ProcessedEvents processed, String consumer,
                                                Handler handler) {
        Optional<IncomingEvent> incoming = IncomingEvent.of(message);
        if (incoming.isEmpty() || incoming.get().data() == null) {
            return message.nack(new IllegalArgumentException("not a CloudEvent with data"));
        }
        IncomingEvent event = incoming.get();
        Optional<EventType> type = EventType.of(event.type());
        Span span = processed.traces().start("process " + event.type(), SpanKind.CONSUMER, event.traceparent());
        span.setAttribute("messaging.operation.type", "process");
        span.setAttribute("messaging.consumer.group.name", consumer);
        span.setAttribute("messaging.message.id", event.id());
        span.setAttribute("cloudevents.event_id", event.id());
        span.setAttribute("cloudevents.event_type", event.type());
        try (Scope ignored = span.makeCurrent()) {
            return apply(message, processed.hold(), () -> {
                if (type.isPresent() && processed.firstDelivery(consumer, event.id(), event.type())) {
                    try {
                        handler.handle(type.get(), event);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } finally {
            span.end();
        }
    }

    public static CompletionStage<Void> apply(Message<?> message, Runnable work) {
        return apply(message, null, work);
    }

    /** As {@link #apply(Message, Runnable)}, pausing the message's channel (when a hold is given) while it waits. */
    public static CompletionStage<Void> apply(Message<?> message, PartitionHold hold, Runnable work) {
        boolean[] paused = {false};
        try {
            return retry(message, hold, work, paused);
        } finally {
            if (paused[0]) {
                LOG.info("database back (or the wait ended): resuming the channel");
                hold.resume(message);
            }
        }
    }

    private static CompletionStage<Void> retry(Message<?> message, PartitionHold hold, Runnable work, boolean[] paused) {
        long wait = 500;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(work);
                return message.ack();
            } catch (RuntimeException e) {
                if (!ProblemMappers.databaseUnavailable(e)) {
                    Span.current().recordException(e).setStatus(StatusCode.ERROR, "dead-lettered");
                    return message.nack(e);
                }
                if (!paused[0] && hold != null) {
                    paused[0] = hold.pause(message);
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
