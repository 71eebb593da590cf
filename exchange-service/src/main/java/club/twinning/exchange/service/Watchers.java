package club.twinning.exchange.service;

import club.twinning.events.EventType;
import club.twinning.events.payload.RelationshipDormant;
import club.twinning.exchange.domain.RelationshipHealth;
import club.twinning.exchange.config.ExchangeConfig;
import club.twinning.exchange.domain.DormantAlert;
import club.twinning.exchange.domain.ExchangeRequest;
import club.twinning.exchange.domain.RequestStatus;
import club.twinning.exchange.messaging.ExchangeEvents;
import club.twinning.platform.work.OncePerCluster;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Watches what nobody acts on: requests without a decision (escalated once) and twinnings gone quiet (announced once per fall). */
@ApplicationScoped
@Transactional
public class Watchers {

    private final ExchangeConfig config;
    private final ExchangeEvents events;
    private final Workflow workflow;
    private final RelationshipService relationships;
    private final Clock clock;

    Watchers(ExchangeConfig config, ExchangeEvents events, Workflow workflow, RelationshipService relationships, Clock clock) {
        this.config = config;
        this.events = events;
        this.workflow = workflow;
        this.relationships = relationships;
        this.clock = clock;
    }

    @Scheduled(cron = "${twinning.exchange.watch-cron:0 0 * * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @OncePerCluster
    void hourly() {
        Instant now = clock.instant();
        escalate(now);
        watchRelationships(LocalDate.ofInstant(now, ZoneOffset.UTC));
    }

    public int escalate(Instant now) {
        Instant before = now.minus(config.escalationDays(), ChronoUnit.DAYS);
        List<ExchangeRequest> stale = ExchangeRequest.list("status in ?1 and submittedAt < ?2 and escalatedAt is null",
                List.of(RequestStatus.SUBMITTED, RequestStatus.UNDER_REVIEW), before);
        for (ExchangeRequest r : stale) {
            r.escalatedAt = now;
            r.flush();
            events.request(EventType.REQUEST_ESCALATED, r, "system",
                    "no decision " + config.escalationDays() + " days after submission", null, workflow.tally(r.id));
        }
        return stale.size();
    }

    public int watchRelationships(LocalDate today) {
        int announced = 0;
        for (RelationshipHealth h : relationships.health(null, today)) {
            DormantAlert.Key key = new DormantAlert.Key();
            key.partyA = h.partyA();
            key.partyB = h.partyB();
            DormantAlert alert = DormantAlert.findById(key);
            if ("D".equals(h.grade()) && alert == null) {
                alert = new DormantAlert();
                alert.partyA = h.partyA();
                alert.partyB = h.partyB();
                alert.agreementId = h.agreementId();
                alert.announcedAt = clock.instant();
                alert.persist();
                events.dormant(new RelationshipDormant(h.partyA(), h.partyB(), h.agreementId(), h.daysSinceLastVisit(),
                        h.grade(), h.reasons()));
                announced++;
            } else if (!"D".equals(h.grade()) && alert != null) {
                alert.delete(); // recovered: the next fall will be announced
            }
        }
        return announced;
    }
}
