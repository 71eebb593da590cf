package club.twinning.notification.service;

import club.twinning.notification.config.NotificationConfig;
import club.twinning.notification.domain.DeliveryStatus;
import club.twinning.notification.persistence.DeliveryQueue;
import club.twinning.notification.persistence.DeliveryQueue.Claimed;
import club.twinning.notification.persistence.DeliveryQueue.Outcome;
import club.twinning.notification.domain.Delivery;
import club.twinning.platform.work.AfterCommit;
import club.twinning.platform.work.Drain;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries as a pipeline in which no transaction, row lock or connection is held while the other side
 * thinks: a round claims a batch in one statement (SENDING with a lease, {@code FOR UPDATE SKIP LOCKED}: replicas
 * share the work), the sends run concurrently and asynchronously, and their outcomes are written in batches (one
 * statement each) by a second drain. A row whose lease ran out (its sender died) is claimed again; the Message-ID and
 * Idempotency-Key make such a second copy recognisable. A failure is retried with exponential backoff and jitter; past
 * the limit, or at once for a refused address, the delivery is FAILED and recorded on the dead-letter topic.
 *
 * <p>Webhooks pass an {@link EndpointGate} per endpoint (a few in flight, a breaker), emails one for the SMTP
 * server's connection pool: a slow or dead partner holds only its own deliveries, and its waiting rows stay in the
 * database. The transaction that writes deliveries wakes the rounds when it commits ({@link #wakeAfterCommit()}); the
 * schedule only picks up retries that fall due and what a crash left behind.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final String SMTP = "smtp";
    /** Outcomes written per statement. */
    private static final int RECORD_BATCH = 1000;
    /** A send starts this long before its lease would run out, or not at all (released unsent). */
    private static final Duration MARGIN = Duration.ofSeconds(5);

    private final DeliveryQueue queue;
    private final Channels channels;
    private final NotificationConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final ObjectMapper json;
    private final Emitter<String> deadLetters;
    private final AfterCommit afterCommit;
    private final EndpointGate webhooks;
    private final EndpointGate smtp;
    /** Claimed and not yet recorded: bounded by {@code concurrency}. */
    private final AtomicInteger outstanding = new AtomicInteger();
    private final ConcurrentLinkedQueue<Done> outcomes = new ConcurrentLinkedQueue<>();
    /** How many {@link #outcomes} wait (the queue's own size is not constant-time); a full batch ends the linger. */
    private final AtomicInteger gathered = new AtomicInteger();
    private final Object batchFull = new Object();
    /** Set at shutdown: outcomes are then written at once. */
    private volatile boolean stopping;
    /** Claims and sends, round after round, woken by commits, by recorded outcomes and by the schedule. */
    private final Drain rounds;
    /** Writes outcomes in batches. */
    private final Drain recorder;
    private final EntityManager em;
    /** The outcome counters by channel and result, found once (a registry look-up builds its id each time). */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    /**
     * Whether a round may find more to claim once outcomes are recorded: one was held back for lack of room, claimed a
     * full batch or all an endpoint may have, or a delivery went back due now. Otherwise recording wakes no round (the
     * schedule picks up the retries that fall due).
     */
    private volatile boolean more;
    /** The endpoints the last claim left alone (full or broken): a send of theirs ending may free their waiting rows. */
    private volatile Set<String> heldBack = Set.of();

    private record Done(Outcome outcome, Claimed delivery) {
    }

    DeliveryWorker(DeliveryQueue queue, Channels channels, NotificationConfig config, Clock clock, MeterRegistry metrics,
                   ObjectMapper json, @Channel("dead-letters") Emitter<String> deadLetters, AfterCommit afterCommit,
                   EntityManager em, @ConfigProperty(name = "quarkus.mailer.max-pool-size", defaultValue = "10") int smtpConnections) {
        this.queue = queue;
        this.channels = channels;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.json = json;
        this.deadLetters = deadLetters;
        this.afterCommit = afterCommit;
        this.em = em;
        NotificationConfig.Webhook w = config.webhook();
        this.webhooks = new EndpointGate(w.perEndpoint(), w.endpointQueue(), w.breakerFailures(), w.breakerDelay(), clock);
        // SMTP: as many in flight as the mailer has connections, no breaker (an outage is ridden out by the retries).
        this.smtp = new EndpointGate(smtpConnections, config.concurrency(), 0, Duration.ZERO, clock);
        metrics.gauge("twinning.deliveries.queue", this, DeliveryWorker::queueDepth);
        metrics.gauge("twinning.deliveries.in-flight", outstanding);
        this.rounds = new Drain("delivery-rounds", this::round);
        this.recorder = new Drain("delivery-outcomes", this::recordPass);
    }

    void open(@Observes StartupEvent started) {
        recorder.open();
        rounds.open();
    }

    /** Called in a transaction that wrote deliveries: they are sent as soon as it commits. */
    public void wakeAfterCommit() {
        afterCommit.wake(rounds);
    }

    /** The safety net, and the retries that fall due: round after round while there is a backlog. */
    @Scheduled(every = "${twinning.notification.send-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sendDue() {
        recorder.wake();
        rounds.wake();
    }

    /**
     * Claims what there is room for and starts sending it; returns how many it claimed, or 0 when the claim was partial
     * (and no endpoint's cap cut it short): then nothing else is due now and the drain stops instead of running one more
     * (empty) claim.
     */
    int round() {
        int room = Math.min(config.batchSize(), config.concurrency() - outstanding.get());
        if (room <= 0) {
            more = true; // held back: woken again when outcomes are recorded
            // unless they all were between the look above and the flag: then go round again now
            return config.concurrency() - outstanding.get() > 0 ? 1 : 0;
        }
        Instant now = clock.instant();
        Set<String> closed = webhooks.closed();
        heldBack = closed;
        int perEndpoint = config.webhook().perEndpoint() + config.webhook().endpointQueue();
        List<Claimed> claimed;
        try {
            claimed = queue.claim(now, now.plus(config.lease()), room, perEndpoint, closed);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim deliveries: " + e.getMessage(), e);
        }
        // A full claim, or one an endpoint filled to its cap (that endpoint is left alone next time: other rows may be
        // due behind its), may leave more due now: the drain goes on, and recorded outcomes wake it again.
        boolean full = claimed.size() >= room || cappedEndpoint(claimed, perEndpoint);
        if (full) {
            more = true;
        }
        if (claimed.isEmpty()) {
            return 0;
        }
        outstanding.addAndGet(claimed.size());
        Map<UUID, Object> mails = composeMails(claimed);
        for (Claimed d : claimed) {
            if (Delivery.WEBHOOK.equals(d.channel())) {
                webhook(d, now);
            } else {
                Object mail = mails.get(d.id());
                if (mail instanceof MailComposer.Mail m) {
                    email(d, m, now);
                } else {
                    done(d, (Throwable) mail);
                }
            }
        }
        return full ? claimed.size() : 0;
    }

    /** Whether an endpoint got all the claim gives one: it may have more rows waiting, claimable once its gate has room. */
    private static boolean cappedEndpoint(List<Claimed> claimed, int perEndpoint) {
        Map<String, Integer> counts = new HashMap<>();
        for (Claimed d : claimed) {
            if (d.endpoint() != null && counts.merge(d.endpoint(), 1, Integer::sum) >= perEndpoint) {
                return true;
            }
        }
        return false;
    }

    /** Emails are composed in one short read-only transaction (party names come from the read model). */
    private Map<UUID, Object> composeMails(List<Claimed> claimed) {
        if (claimed.stream().noneMatch(d -> !Delivery.WEBHOOK.equals(d.channel()))) {
            return Map.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<UUID, Object> mails = new HashMap<>();
            Function<Claimed, MailComposer.Mail> compose = channels.composing();
            for (Claimed d : claimed) {
                if (!Delivery.WEBHOOK.equals(d.channel())) {
                    try {
                        mails.put(d.id(), compose.apply(d));
                    } catch (RuntimeException e) {
                        mails.put(d.id(), e);
                    }
                }
            }
            return mails;
        });
    }

    private void webhook(Claimed d, Instant claimedAt) {
        Channels.Webhook request;
        try {
            request = channels.webhook(d);
        } catch (DeliveryFailure f) {
            done(d, f);
            return;
        }
        String endpoint = d.endpoint() == null ? "" : d.endpoint();
        send(webhooks, endpoint, d, startBy(claimedAt, config.webhookTimeout()), () -> channels.post(request),
                f -> f == null ? EndpointGate.Result.SUCCESS
                        : f.endpointFault() ? EndpointGate.Result.FAILURE : EndpointGate.Result.NEUTRAL);
    }

    private void email(Claimed d, MailComposer.Mail mail, Instant claimedAt) {
        // no breaker for the SMTP server: an outage is ridden out by the retries
        send(smtp, SMTP, d, startBy(claimedAt, config.mailTimeout()),
                () -> channels.mailAsync(d.recipient(), mail, d.id().toString()), f -> EndpointGate.Result.NEUTRAL);
    }

    /** The last moment a send may start and still end (its timeout) before its lease runs out. */
    private Instant startBy(Instant claimedAt, Duration timeout) {
        return claimedAt.plus(config.lease()).minus(timeout).minus(MARGIN);
    }

    /**
     * Waits for the endpoint's turn at its gate, then sends, unless it is too late to end within the lease (then it goes
     * back unsent); the gate hears how it went ({@code verdict} of the failure, null when sent) and the outcome is kept.
     */
    private void send(EndpointGate gate, String endpoint, Claimed d, Instant startBy, Supplier<CompletionStage<Void>> send,
                      Function<DeliveryFailure, EndpointGate.Result> verdict) {
        gate.offer(endpoint, new EndpointGate.Turn() {
            @Override
            public void start() {
                if (clock.instant().isAfter(startBy)) {
                    gate.done(endpoint, EndpointGate.Result.NEUTRAL);
                    released(d, clock.instant());
                    return;
                }
                send.get().whenComplete((ok, e) -> {
                    DeliveryFailure f = e == null ? null : DeliveryFailure.of(e);
                    gate.done(endpoint, verdict.apply(f));
                    done(d, f);
                });
            }

            @Override
            public void release(Instant retryAt) {
                released(d, retryAt);
            }
        });
    }

    /** A send is over: its outcome waits for the next batch write. */
    private void done(Claimed d, Throwable error) {
        Instant now = clock.instant();
        Outcome outcome;
        if (error == null) {
            outcome = new Outcome(d.id(), d.attempts(), DeliveryStatus.SENT.name(), d.attempts(), null, now, null, "SENT", now);
        } else {
            DeliveryFailure f = DeliveryFailure.of(error);
            // Ops read the detail here; partners read only the category (in the delivery log).
            LOG.infof("delivery %s (%s%s) attempt %d failed: %s (%s)", d.id(), d.channel(),
                    d.endpoint() == null ? "" : " to " + d.endpoint(), d.attempts(), f.category(), f.getMessage());
            boolean last = !f.retryable() || d.attempts() >= config.maxAttempts();
            outcome = new Outcome(d.id(), d.attempts(), (last ? DeliveryStatus.FAILED : DeliveryStatus.RETRYING).name(), d.attempts(),
                    last ? null : now.plus(backoff(d.attempts())), null, f.category(), "FAILED", now);
        }
        gather(new Done(outcome, d));
    }

    /** Not sent (its endpoint was full or broken, or it waited too long): back in the database, the attempt not counted. */
    private void released(Claimed d, Instant retryAt) {
        if (!retryAt.isAfter(clock.instant())) {
            more = true; // due again now: claimed by the round the recorder wakes
        }
        int attempts = d.attempts() - 1;
        gather(new Done(new Outcome(d.id(), d.attempts(), (attempts == 0 ? DeliveryStatus.PENDING : DeliveryStatus.RETRYING).name(),
                attempts, retryAt, null, null, null, clock.instant()), d));
    }

    private void gather(Done done) {
        outcomes.add(done);
        if (gathered.incrementAndGet() == RECORD_BATCH) {
            synchronized (batchFull) {
                batchFull.notifyAll();
            }
        }
        recorder.wake();
    }

    /** Writes up to a batch of outcomes in one statement, once they have gathered a while; returns how many. */
    int recordPass() {
        linger();
        List<Done> batch = new ArrayList<>();
        for (Done done = outcomes.poll(); done != null; done = batch.size() < RECORD_BATCH ? outcomes.poll() : null) {
            batch.add(done);
        }
        if (batch.isEmpty()) {
            return 0;
        }
        gathered.addAndGet(-batch.size());
        try {
            queue.record(batch.stream().map(Done::outcome).toList());
        } catch (SQLException | RuntimeException e) {
            outcomes.addAll(batch); // written at the next wake; a row whose lease ran out meanwhile is fenced off
            gathered.addAndGet(batch.size());
            throw new IllegalStateException("cannot record " + batch.size() + " delivery outcome(s): " + e.getMessage(), e);
        }
        outstanding.addAndGet(-batch.size());
        for (Done done : batch) {
            Outcome o = done.outcome();
            String result = o.outcome() == null ? "released" : switch (DeliveryStatus.valueOf(o.status())) {
                case SENT -> "sent";
                case FAILED -> "failed";
                default -> "retrying";
            };
            String channel = done.delivery().channel();
            counters.computeIfAbsent(channel + " " + result,
                    k -> metrics.counter("twinning.deliveries", "channel", channel, "outcome", result)).increment();
            if (DeliveryStatus.FAILED.name().equals(o.status())) {
                deadLetter(done.delivery(), o.lastError());
                LOG.warnf("delivery %s of event %s failed for good after %d attempt(s): %s", o.id(), done.delivery().eventId(),
                        o.attempts(), o.lastError());
            }
        }
        if (more || endedAtHeldBack(batch)) {
            more = false;
            rounds.wake(); // room for more
        }
        return batch.size();
    }

    /**
     * Lets outcomes gather for {@code recordLinger} (on the recorder's own thread) so that one statement writes many:
     * not when there are none, nor once a batch is full, nor at shutdown.
     */
    private void linger() {
        long wait = config.recordLinger().toNanos();
        if (wait <= 0 || stopping || gathered.get() == 0) {
            return;
        }
        long until = System.nanoTime() + wait;
        synchronized (batchFull) {
            long left;
            while (!stopping && gathered.get() < RECORD_BATCH && (left = until - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(batchFull, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A send to an endpoint the last claim left alone has ended: its gate may let that endpoint's waiting rows through. */
    private boolean endedAtHeldBack(List<Done> batch) {
        Set<String> closed = heldBack;
        if (closed.isEmpty()) {
            return false;
        }
        for (Done done : batch) {
            Claimed d = done.delivery();
            if (Delivery.WEBHOOK.equals(d.channel()) && closed.contains(d.endpoint() == null ? "" : d.endpoint())) {
                return true;
            }
        }
        return false;
    }

    @PreDestroy
    void stop() {
        stopping = true;
        synchronized (batchFull) {
            batchFull.notifyAll();
        }
        rounds.close();
        // What waits for its turn goes back to the database now; what is in flight ends within its deadline or its lease.
        webhooks.drainWaiting().forEach(t -> t.release(clock.instant()));
        smtp.drainWaiting().forEach(t -> t.release(clock.instant()));
        try {
            while (recordPass() > 0) {
                // flush
            }
        } catch (RuntimeException e) {
            LOG.warnf("outcomes not recorded at shutdown (their leases will run out): %s", e.getMessage());
        }
        recorder.close();
    }

    /** See {@link Backoff}. */
    Duration backoff(int attempt) {
        return Backoff.of(config.initialBackoff(), config.maxBackoff(), attempt, ThreadLocalRandom.current().nextDouble());
    }

    private void deadLetter(Claimed d, String category) {
        try {
            deadLetters.send(json.writeValueAsString(Map.of("deliveryId", d.id().toString(), "eventId", d.eventId(),
                    "eventType", d.eventType(), "channel", d.channel(), "attempts", d.attempts(),
                    "lastError", category == null ? "" : category)));
        } catch (Exception e) {
            LOG.errorf("could not record delivery %s on the dead-letter topic: %s", d.id(), e.getMessage());
        }
    }

    double queueDepth() {
        try {
            // Two counts, each served by its partial index (delivery_due, delivery_leased): one count with the three
            // statuses was a parallel scan of the whole table, sent rows and all.
            return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                    SELECT (SELECT count(*) FROM delivery WHERE status IN ('PENDING', 'RETRYING'))
                         + (SELECT count(*) FROM delivery WHERE status = 'SENDING')""").getSingleResult()).doubleValue());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
