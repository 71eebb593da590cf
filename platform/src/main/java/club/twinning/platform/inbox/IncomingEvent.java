package club.twinning.platform.inbox;

import club.twinning.platform.trace.Traces;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The CloudEvents attributes of a consumed Kafka message, with its JSON data and the trace it belongs to (the
 * {@code traceparent} extension, null when the producer was not traced).
 */
public record IncomingEvent(String id, String type, String source, String subject, String data, String traceparent) {

    public IncomingEvent(String id, String type, String source, String subject, String data) {
        this(id, type, source, subject, data, null);
    }

    /** Empty when the message is not a CloudEvent: such a message goes to the dead-letter topic. */
    public static Optional<IncomingEvent> of(Message<String> message) {
        @SuppressWarnings("unchecked")
        Optional<IncomingCloudEventMetadata<String>> ce = message.getMetadata(IncomingCloudEventMetadata.class)
                .map(m -> (IncomingCloudEventMetadata<String>) m);
        return ce.map(m -> new IncomingEvent(m.getId(), m.getType(), m.getSource().toString(),
                m.getSubject().orElse(null), message.getPayload(),
                m.getExtension(Traces.TRACEPARENT).map(String::valueOf).orElse(null)));
    }
}
