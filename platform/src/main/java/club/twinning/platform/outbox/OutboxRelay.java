package club.twinning.platform.outbox;

import club.twinning.platform.trace.Traces;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka as binary-mode CloudEvents, keyed by aggregate id.
 *
 * <p>Each pass locks, with {@code FOR UPDATE SKIP LOCKED}, only the oldest unsent row of each aggregate:
 * the next row of that aggregate becomes eligible once this one is marked sent. So several replicas can
 * relay at once without sending a row twice or overtaking each other within an aggregate.
 *
 * <p>A row Kafka refuses for good (larger than the broker takes, or another error no retry cures) is parked: marked,
 * counted ({@code twinning.outbox.parked}), logged at ERROR and shown to ops ({@code /api/ops/messaging}), and no
 * longer the head of its aggregate, so the aggregate's later events are not held behind it.
 *
 * <p>A transaction that appends to the outbox wakes the relay when it commits ({@link Outbox}), so an event
 * leaves within milliseconds; the schedule is only the safety net for rows a crash or an outage left behind.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /**
     * The heads, as plain columns (nothing for the persistence context to track or dirty-check at commit), each with
     * whether a later unsent row of its aggregate waits behind it: that row is the next pass's work once this one is
     * settled, however few heads this pass found.
     */
    static final String LOCK_HEADS = """
            SELECT o.id, o.event_id, o.aggregate_type, o.aggregate_id, o.type, o.topic, o.source, o.payload,
                   o.created_at, o.traceparent,
                   EXISTS (SELECT 1 FROM outbox_event n
                           WHERE n.sent_at IS NULL AND n.parked_at IS NULL AND n.aggregate_type = o.aggregate_type
                             AND n.aggregate_id = o.aggregate_id AND n.id > o.id) AS followed
            FROM outbox_event o
            WHERE o.sent_at IS NULL AND o.parked_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM outbox_event p
                              WHERE p.sent_at IS NULL AND p.parked_at IS NULL AND p.aggregate_type = o.aggregate_type
                                AND p.aggregate_id = o.aggregate_id AND p.id < o.id)
            ORDER BY o.id
            LIMIT :limit
            FOR UPDATE OF o SKIP LOCKED""";

    private static final String MARK_SENT =
            "UPDATE outbox_event SET sent_at = ?1, attempts = attempts + 1, last_error = NULL WHERE id = ANY(?2)";

    /** A row Kafka did not take: one more attempt, its error, and the time it was parked when it is refused for good. */
    private static final String MARK_FAILED =
            "UPDATE outbox_event SET attempts = attempts + 1, last_error = ?1, parked_at = ?2 WHERE id = ?3";

    /** One locked head, read as plain values. */
    private record Head(long id, UUID eventId, String aggregateType, String aggregateId, String type, String topic,
                        String source, String payload, Instant createdAt, String traceparent, boolean followed) {

        static Head of(Object[] row) {
            return new Head((Long) row[0], (UUID) row[1], (String) row[2], (String) row[3], (String) row[4],
                    (String) row[5], (String) row[6], (String) row[7], (Instant) row[8], (String) row[9],
                    (Boolean) row[10]);
        }
    }

    /** What one pass did: rows settled (published or parked), and whether more may be waiting behind them. */
    private record Pass(int settled, boolean moreMayWait) {
        static final Pass NOTHING = new Pass(0, false);
    }

    /** Record-level refusals that no retry cures (a refusal of the client, such as authorization, is retried). */
    private static final List<String> REFUSED_FOR_GOOD = List.of(
            "org.apache.kafka.common.errors.RecordTooLargeException",
            "org.apache.kafka.common.errors.RecordBatchTooLargeException",
            "org.apache.kafka.common.InvalidRecordException",
            "org.apache.kafka.common.errors.InvalidTopicException",
            "org.apache.kafka.common.errors.SerializationException");

    private final EntityManager em;
    private final OutboxConfig config;
    private final Emitter<String> emitter;
    private final Counter parked;
    /** Every pass runs on this one thread, woken by commits and by the schedule. */
    private final Drain drain;

    public OutboxRelay(EntityManager em, OutboxConfig config, @Channel("outbox") Emitter<String> emitter,
                       MeterRegistry meters) {
        this.em = em;
        this.config = config;
        this.emitter = emitter;
        this.parked = Counter.builder("twinning.outbox.parked")
                .description("Outbox events Kafka refused for good, parked for ops (alert on any increase)")
                .register(meters);
        this.drain = Drain.whileMoreMayWait("outbox-relay", () -> pass().moreMayWait());
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

    /** Publishes one batch; returns how many rows it settled (published, or parked: the next pass has work behind them). */
    public int relayBatch() {
        return pass().settled();
    }

    /**
     * One batch. More may be waiting only behind a full batch or behind a settled head its aggregate's next row
     * follows; a partial batch of heads without followers was all there was, so the drain stops without another,
     * empty pass (rows committed meanwhile wake it again). Rows that failed to send end the round: they are retried
     * on the next wake, not in a loop against a Kafka that refuses them.
     */
    private Pass pass() {
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds()).call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(LOCK_HEADS).unwrap(NativeQuery.class)
                    .addScalar("id", StandardBasicTypes.LONG)
                    .addScalar("event_id", StandardBasicTypes.UUID)
                    .addScalar("aggregate_type", StandardBasicTypes.STRING)
                    .addScalar("aggregate_id", StandardBasicTypes.STRING)
                    .addScalar("type", StandardBasicTypes.STRING)
                    .addScalar("topic", StandardBasicTypes.STRING)
                    .addScalar("source", StandardBasicTypes.STRING)
                    .addScalar("payload", StandardBasicTypes.STRING)
                    .addScalar("created_at", StandardBasicTypes.INSTANT)
                    .addScalar("traceparent", StandardBasicTypes.STRING)
                    .addScalar("followed", StandardBasicTypes.BOOLEAN)
                    .setParameter("limit", config.batchSize())
                    .getResultList();
            if (rows.isEmpty()) {
                return Pass.NOTHING;
            }
            List<Head> heads = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                heads.add(Head.of(row));
            }
            List<CompletableFuture<Void>> acks = new ArrayList<>(heads.size());
            for (Head head : heads) {
                acks.add(send(head));
            }
            List<Long> sent = new ArrayList<>(heads.size());
            int parkedNow = 0;
            boolean followed = false;
            for (int i = 0; i < heads.size(); i++) {
                Head head = heads.get(i);
                try {
                    acks.get(i).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    sent.add(head.id());
                    followed |= head.followed();
                } catch (Exception e) {
                    Throwable failure = e.getCause() != null ? e.getCause() : e;
                    boolean refused = refusedForGood(failure);
                    em.createNativeQuery(MARK_FAILED).unwrap(NativeQuery.class)
                            .setParameter(1, truncate(String.valueOf(failure)))
                            .setParameter(2, refused ? Instant.now() : null, StandardBasicTypes.INSTANT)
                            .setParameter(3, head.id())
                            .executeUpdate();
                    if (refused) {
                        park(head, failure);
                        parkedNow++;
                        followed |= head.followed();
                    }
                }
            }
            if (!sent.isEmpty()) { // one statement marks the whole batch
                em.createNativeQuery(MARK_SENT)
                        .setParameter(1, Instant.now()).setParameter(2, sent.toArray(Long[]::new)).executeUpdate();
            }
            int settled = sent.size() + parkedNow;
            return new Pass(settled, settled > 0 && (heads.size() >= config.batchSize() || followed));
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

    private void park(Head event, Throwable failure) {
        parked.increment();
        LOG.errorf("outbox event %s (%s of %s %s, %d characters) refused by Kafka for good and parked; the aggregate's later"
                        + " events go on without it. Ops: see /api/ops/messaging. %s", event.eventId(), event.type(),
                event.aggregateType(), event.aggregateId(), event.payload().length(), failure);
    }

    static boolean refusedForGood(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
                if (REFUSED_FOR_GOOD.contains(c.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private CompletableFuture<Void> send(Head event) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        var cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(event.eventId().toString())
                .withSource(URI.create(event.source()))
                .withType(event.type())
                .withSubject(event.aggregateId())
                .withTimestamp(event.createdAt().atZone(ZoneOffset.UTC))
                .withDataContentType("application/json");
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic())
                .withKey(event.aggregateId())
                .build();
        Metadata metadata = Metadata.of(record);
        if (event.traceparent() != null) {
            // The event carries its trace (header ce_traceparent); the connector's publish span joins it too.
            cloudEvent = cloudEvent.withExtension(Traces.TRACEPARENT, event.traceparent());
            metadata = metadata.with(TracingMetadata.withCurrent(Traces.context(event.traceparent())));
        }
        emitter.send(Message.of(event.payload(), metadata.with(cloudEvent.build()),
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
