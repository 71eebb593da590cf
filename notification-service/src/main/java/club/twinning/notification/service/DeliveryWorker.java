package club.twinning.notification.service;

import club.twinning.notification.config.NotificationConfig;
import club.twinning.notification.domain.Delivery;
import club.twinning.notification.domain.DeliveryAttempt;
import club.twinning.notification.domain.DeliveryStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import club.twinning.platform.work.AfterCommit;
import club.twinning.platform.work.Drain;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries, one row at a time, each in its own transaction holding the row's lock
 * ({@code FOR UPDATE SKIP LOCKED}: replicas share the work, none sends a row twice). A failure is retried
 * with exponential backoff and jitter, persisted in the row so a restart resumes it; past the limit the
 * delivery is FAILED and recorded on the dead-letter topic.
 *
 * <p>The transaction that writes deliveries wakes the worker when it commits ({@link #wakeAfterCommit()}), so a
 * notification leaves within milliseconds of its event; the schedule only picks up retries that fall due.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final EntityManager em;
    private final Channels channels;
    private final NotificationConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final ObjectMapper json;
    private final Emitter<String> deadLetters;
    /** Sending is waiting on SMTP servers and partners' endpoints: several rows go out at once. */
    private final ExecutorService senders;
    private final AfterCommit afterCommit;
    /** Rounds run one after another on this thread, woken by commits and by the schedule. */
    private final Drain drain;

    DeliveryWorker(EntityManager em, Channels channels, NotificationConfig config, Clock clock, MeterRegistry metrics,
                   ObjectMapper json, @Channel("dead-letters") Emitter<String> deadLetters, AfterCommit afterCommit) {
        this.em = em;
        this.channels = channels;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.json = json;
        this.deadLetters = deadLetters;
        this.senders = Executors.newFixedThreadPool(config.concurrency(), r -> {
            Thread t = new Thread(r, "delivery-sender");
            t.setDaemon(true);
            return t;
        });
        metrics.gauge("twinning.deliveries.queue", this, DeliveryWorker::queueDepth);
        this.afterCommit = afterCommit;
        this.drain = new Drain("delivery-rounds", this::round);
    }

    void open(@Observes StartupEvent started) {
        drain.open();
    }

    /** Called in a transaction that wrote deliveries: they are sent as soon as it commits. */
    public void wakeAfterCommit() {
        afterCommit.wake(drain);
    }

    /** The safety net, and the retries that fall due: round after round while there is a backlog. */
    @Scheduled(every = "${twinning.notification.send-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sendDue() {
        drain.wake();
    }

    /** Every sender sends up to a batch; returns how many went out (or failed for now). */
    private int round() {
        List<Future<Integer>> running = new ArrayList<>();
        for (int w = 0; w < config.concurrency(); w++) {
            running.add(senders.submit(() -> {
                int sent = 0;
                while (sent < config.batchSize() && QuarkusTransaction.requiringNew().call(this::sendOne)) {
                    sent++;
                }
                return sent;
            }));
        }
        int total = 0;
        for (Future<Integer> sender : running) {
            try {
                total += sender.get();
            } catch (ExecutionException e) {
                LOG.errorf(e.getCause(), "a delivery round failed");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
        return total;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        drain.close();
        senders.shutdownNow();
    }

    /** Sends the oldest due delivery; false when there is none. */
    boolean sendOne() {
        @SuppressWarnings("unchecked")
        List<Delivery> due = em.createNativeQuery("""
                SELECT * FROM delivery WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at <= ?1
                ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED""", Delivery.class)
                .setParameter(1, clock.instant()).getResultList();
        if (due.isEmpty()) {
            return false;
        }
        Delivery d = due.get(0);
        Instant now = clock.instant();
        d.attempts++;
        try {
            channels.send(d);
            d.status = DeliveryStatus.SENT;
            d.sentAt = now;
            d.nextAttemptAt = null;
            d.lastError = null;
            DeliveryAttempt.record(d.id, now, "SENT", null);
            metrics.counter("twinning.deliveries", "channel", d.channel, "outcome", "sent").increment();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            d.lastError = error.substring(0, Math.min(error.length(), 2000));
            DeliveryAttempt.record(d.id, now, "FAILED", d.lastError);
            if (d.attempts >= config.maxAttempts()) {
                d.status = DeliveryStatus.FAILED;
                d.nextAttemptAt = null;
                deadLetter(d);
                metrics.counter("twinning.deliveries", "channel", d.channel, "outcome", "failed").increment();
                LOG.warnf("delivery %s of event %s failed for good after %d attempts", d.id, d.eventId, d.attempts);
            } else {
                d.status = DeliveryStatus.RETRYING;
                d.nextAttemptAt = now.plus(backoff(d.attempts));
                metrics.counter("twinning.deliveries", "channel", d.channel, "outcome", "retrying").increment();
            }
        }
        return true;
    }

    /** initial × 2^(attempt-1), capped, with ±25 % jitter so that failed receivers are not hit all at once. */
    Duration backoff(int attempt) {
        long base = config.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, config.maxBackoff().toMillis());
        long jitter = (long) (capped * 0.25 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        return Duration.ofMillis(Math.max(1, capped + jitter));
    }

    private void deadLetter(Delivery d) {
        try {
            deadLetters.send(json.writeValueAsString(java.util.Map.of("deliveryId", d.id.toString(), "eventId", d.eventId,
                    "eventType", d.eventType, "channel", d.channel, "attempts", d.attempts,
                    "lastError", d.lastError == null ? "" : d.lastError)));
        } catch (Exception e) {
            LOG.errorf("could not record delivery %s on the dead-letter topic: %s", d.id, e.getMessage());
        }
    }

    double queueDepth() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "SELECT count(*) FROM delivery WHERE status IN ('PENDING', 'RETRYING')").getSingleResult()).doubleValue());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
