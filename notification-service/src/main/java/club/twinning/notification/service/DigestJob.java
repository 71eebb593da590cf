package club.twinning.notification.service;

import club.twinning.notification.domain.Delivery;
import club.twinning.notification.domain.DeliveryAttempt;
import club.twinning.notification.domain.DeliveryStatus;
import club.twinning.platform.work.OncePerCluster;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Once a digest is due, a contact gets one email gathering everything that came since the last one. */
@ApplicationScoped
@Transactional
public class DigestJob {

    private static final Logger LOG = Logger.getLogger(DigestJob.class);

    private final Channels channels;
    private final MailComposer composer;
    private final Clock clock;

    DigestJob(Channels channels, MailComposer composer, Clock clock) {
        this.channels = channels;
        this.composer = composer;
        this.clock = clock;
    }

    @Scheduled(every = "${twinning.notification.digest-interval:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        run();
    }

    /** Returns how many digests it sent. */
    @OncePerCluster
    public int run() {
        Instant now = clock.instant();
        List<Delivery> due = Delivery.list("from Delivery d join fetch d.event where d.status = ?1 and d.nextAttemptAt <= ?2"
                + " order by d.createdAt", DeliveryStatus.DIGEST, now);
        Map<String, List<Delivery>> byRecipient = new LinkedHashMap<>();
        due.forEach(d -> byRecipient.computeIfAbsent(d.recipient, r -> new ArrayList<>()).add(d));
        int sent = 0;
        for (List<Delivery> deliveries : byRecipient.values()) {
            Delivery first = deliveries.get(0);
            List<MailComposer.Line> lines = deliveries.stream()
                    .map(d -> composer.line(d.eventType, d.purpose, d.event.eventData, d.language)).toList();
            try {
                channels.mail(first.recipient, composer.digest(lines, first.language,
                                MailComposer.Reader.of(first.contactId, Channels.name(first))),
                        String.join(",", deliveries.stream().map(d -> d.id.toString()).toList()));
                for (Delivery d : deliveries) {
                    d.status = DeliveryStatus.SENT;
                    d.sentAt = now;
                    d.attempts++;
                    DeliveryAttempt.record(d.id, now, "SENT", "in a digest of " + deliveries.size());
                }
                sent++;
            } catch (RuntimeException e) {
                LOG.warnf("digest to contact %s not sent, trying again in 10 minutes: %s", first.contactId, e.getMessage());
                deliveries.forEach(d -> d.nextAttemptAt = now.plus(Duration.ofMinutes(10)));
            }
        }
        return sent;
    }
}
