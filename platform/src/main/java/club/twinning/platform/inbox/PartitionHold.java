package club.twinning.platform.inbox;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Function;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Pauses the partitions of the channel a message came from while the service's database is away: the Kafka client
 * goes on polling (it stays in its group however long the outage) but fetches nothing more, and the message being
 * held keeps its partition's place. Resumed once the message is applied.
 */
@ApplicationScoped
public class PartitionHold {

    private static final Logger LOG = Logger.getLogger(PartitionHold.class);

    private final KafkaClientService kafka;

    public PartitionHold(KafkaClientService kafka) {
        this.kafka = kafka;
    }

    /** True when the message came from a Kafka channel, whose consumers are now asked to pause. */
    public boolean pause(Message<?> message) {
        return each(message, "pause", KafkaConsumer::pause);
    }

    public void resume(Message<?> message) {
        each(message, "resume", KafkaConsumer::resume);
    }

    private boolean each(Message<?> message, String what, Function<KafkaConsumer<Object, Object>, Uni<?>> action) {
        @SuppressWarnings("unchecked")
        String channel = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> ((IncomingKafkaRecordMetadata<Object, Object>) m).getChannel()).orElse(null);
        if (channel == null) {
            return false;
        }
        List<KafkaConsumer<Object, Object>> consumers = kafka.getConsumers(channel);
        // Run on each client's polling thread; nothing to wait for here.
        consumers.forEach(c -> action.apply(c).subscribe().with(
                done -> LOG.infof("%s of channel %s's partitions: done", what, channel),
                failure -> LOG.warnf("%s of channel %s's partitions failed: %s", what, channel, failure.getMessage())));
        return !consumers.isEmpty();
    }
}
