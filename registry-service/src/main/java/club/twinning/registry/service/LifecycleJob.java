package club.twinning.registry.service;

import club.twinning.registry.config.LifecycleConfig;
import club.twinning.registry.domain.Agreement;
import club.twinning.registry.domain.AgreementStatus;
import club.twinning.registry.domain.CommitmentEntry;
import club.twinning.registry.messaging.RegistryEvents;
import club.twinning.platform.work.OncePerCluster;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Once a day: agreements past their end date expire, or renew under tacit renewal; a renewal-due event
 * when the notice period opens; a commitment-due event when an open commitment reaches its date. Each
 * announcement is remembered, so running twice a day announces nothing twice.
 */
@ApplicationScoped
@Transactional
public class LifecycleJob {

    private static final Logger LOG = Logger.getLogger(LifecycleJob.class);

    private final AgreementService agreements;
    private final RegistryEvents events;
    private final AuditTrail audit;
    private final LifecycleConfig config;

    LifecycleJob(AgreementService agreements, RegistryEvents events, AuditTrail audit, LifecycleConfig config) {
        this.agreements = agreements;
        this.events = events;
        this.audit = audit;
        this.config = config;
    }

    @Scheduled(cron = "${twinning.lifecycle.cron:0 15 2 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @OncePerCluster
    void daily() {
        run(LocalDate.now(ZoneOffset.UTC));
    }

    /** The day's work for {@code today}; tests pass the day they need. */
    public void run(LocalDate today) {
        List<Agreement> live = Agreement.list("status in ?1", List.of(AgreementStatus.IN_FORCE, AgreementStatus.SUSPENDED));
        for (Agreement a : live) {
            if (a.expiresOn != null && a.expiresOn.isBefore(today)) {
                if (a.tacitRenewal && a.renewalTermMonths != null && a.status == AgreementStatus.IN_FORCE) {
                    renew(a, today);
                } else {
                    agreements.move(a, AgreementStatus.EXPIRED, "system", "end date " + a.expiresOn + " passed");
                    continue;
                }
            }
            announceRenewal(a, today);
            announceCommitments(a, today);
        }
    }

    private void renew(Agreement a, LocalDate today) {
        LocalDate before = a.expiresOn;
        while (a.expiresOn.isBefore(today)) {
            a.expiresOn = a.expiresOn.plusMonths(a.renewalTermMonths);
        }
        a.flush();
        events.agreement(club.twinning.events.EventType.AGREEMENT_UPDATED, a, "system");
        audit.record("agreement", a.id.toString(), "renewed", "system",
                java.util.Map.of("from", before.toString(), "to", a.expiresOn.toString()));
        LOG.infof("agreement %s renewed tacitly until %s", a.reference, a.expiresOn);
    }

    private void announceRenewal(Agreement a, LocalDate today) {
        if (a.expiresOn == null || a.expiresOn.equals(a.renewalNoticeFor)) {
            return;
        }
        int notice = a.noticeDays != null ? a.noticeDays : config.defaultNoticeDays();
        LocalDate opens = a.expiresOn.minusDays(notice);
        if (!today.isBefore(opens)) {
            a.renewalNoticeFor = a.expiresOn;
            events.renewalDue(a, opens);
        }
    }

    private void announceCommitments(Agreement a, LocalDate today) {
        List<CommitmentEntry> updated = new ArrayList<>(a.commitments.size());
        boolean changed = false;
        for (CommitmentEntry c : a.commitments) {
            if (CommitmentEntry.OPEN.equals(c.status()) && c.dueDate() != null && !c.dueDate().isAfter(today)
                    && c.dueAnnouncedOn() == null) {
                events.commitmentDue(a, c);
                updated.add(c.announced(today));
                changed = true;
            } else {
                updated.add(c);
            }
        }
        if (changed) {
            a.commitments = updated;
        }
    }
}
