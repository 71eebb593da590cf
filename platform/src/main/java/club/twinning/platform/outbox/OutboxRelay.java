package club.twinning.platform.outbox;

import club.twinning.platform.trace.Traces;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import club.twinning.platform.work.Drain;
import jakarta.annotation.PreDestroy;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka as binary-mode CloudEvents, keyed by aggregate id.
 *
 * <p>Each pass locks, with {@code FOR UPDATE SKIP LOCKED}, only the oldest unsent row of each aggregate:
 * the next row of that aggregate becomes eligible once this one is marked sent. So several replicas can
 * relay at once without sending a row twice or overtaking each other within an aggregate.
 *
 * <p>A transaction that appends to the outbox wakes the relay when it commits ({@link Outbox}), so an event
 * leaves within milliseconds; the schedule is only the safety net for rows a crash or an outage left behind.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    static final String LOCK_HEADS = """
            SELECT o.* FROM outbox_event o
            WHERE o.sent_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM outbox_event p
                              WHERE p.sent_at IS NULL AND p.aggregate_type = o.aggregate_type
                                AND p.aggregate_id = o.aggregate_id AND p.id < o.id)
            ORDER BY o.id
            LIMIT :limit
            FOR UPDATE OF o SKIP LOCKED""";

    private final EntityManager em;
    private final OutboxConfig config;
    private final Emitter<String> emitter;
    /** Every pass runs on this one thread, woken by commits and by the schedule. */
    private final Drain drain;

    public OutboxRelay(EntityManager em, OutboxConfig config, @Channel("outbox") Emitter<String> emitter) {
        this.em = em;
        this.config = config;
        this.emitter = emitter;
        this.drain = new Drain("outbox-relay", this::relayBatch);
    }

    // Reactive messaging wires the Kafka channel in a start-up observer of higher priority than this one.
    void open(@Observes StartupEvent started) {
        drain.open();
    }

    /** The safety net: rows that a crash, an outage or a failed pass left behind. */
    @Scheduled(every = "${twinning.outbox.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relay() {
        drain.wake();
    }

    /** What a committing transaction wakes (a method: callers hold a client proxy, not this instance). */
    Drain drain() {
        return drain;
    }

    @PreDestroy
    void stop() {
        drain.close();
    }

    /** Publishes one batch; returns how many rows it published. */
    public int relayBatch() {
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds()).call(() -> {
            @SuppressWarnings("unchecked")
            List<OutboxEvent> heads = em.createNativeQuery(LOCK_HEADS, OutboxEvent.class)
                    .setParameter("limit", config.batchSize())
                    .getResultList();
            if (heads.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<Void>> acks = new ArrayList<>(heads.size());
            for (OutboxEvent event : heads) {
                acks.add(send(event));
            }
            List<Long> sent = new ArrayList<>(heads.size());
            for (int i = 0; i < heads.size(); i++) {
                OutboxEvent event = heads.get(i);
                try {
                    acks.get(i).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    sent.add(event.id);
                } catch (Exception e) {
                    event.attempts++;
                    event.lastError = truncate(String.valueOf(e.getCause() != null ? e.getCause() : e));
                }
            }
            if (!sent.isEmpty()) { // one statement marks the whole batch
                em.createNativeQuery("UPDATE outbox_event SET sent_at = ?1, attempts = attempts + 1, last_error = NULL"
                                + " WHERE id = ANY(?2)")
                        .setParameter(1, Instant.now()).setParameter(2, sent.toArray(Long[]::new)).executeUpdate();
            }
            return sent.size();
        });
    }

    /** Deletes relayed rows past their retention. */
    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> em
                .createQuery("DELETE FROM OutboxEvent e WHERE e.sentAt < :before")
                .setParameter("before", Instant.now().minus(config.retention()))
                .executeUpdate());
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        var cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(event.eventId.toString())
                .withSource(URI.create(event.source))
                .withType(event.type)
                .withSubject(event.aggregateId)
                .withTimestamp(event.createdAt.atZone(ZoneOffset.UTC))
                .withDataContentType("application/json");
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.aggregateId)
                .build();
        Metadata metadata = Metadata.of(record);
        if (event.traceparent != null) {
            // The event carries its trace (header ce_traceparent); the connector's publish span joins it too.
            cloudEvent = cloudEvent.withExtension(Traces.TRACEPARENT, event.traceparent);
            metadata = metadata.with(TracingMetadata.withCurrent(Traces.context(event.traceparent)));
        }
        emitter.send(Message.of(event.payload, metadata.with(cloudEvent.build()),
                () -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return ack;
    }

    private int timeoutSeconds() {
        return (int) config.sendTimeout().toSeconds() + 30;
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
