package club.twinning.notification.service;

import club.twinning.notification.domain.CouncilMember;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Who is on the council: Keycloak's holders of the council role, read again every minute and on demand, and kept
 * in the database. When Keycloak cannot say, the last good list stays (logged, counted); nothing is guessed.
 */
@ApplicationScoped
public class CouncilDirectory {

    private static final Logger LOG = Logger.getLogger(CouncilDirectory.class);
    /** Replicas refresh one at a time: each replaces the whole list. */
    private static final long LOCK = 0x636f756e63696cL;

    /** The outcome of a refresh: the list now kept, and the error when Keycloak could not say. */
    public record Refresh(boolean ok, String error, List<CouncilMember> members) {
    }

    private final CouncilSource source;
    private final EntityManager em;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final AtomicLong size = new AtomicLong();
    private final AtomicLong lastGood = new AtomicLong();

    CouncilDirectory(CouncilSource source, EntityManager em, Clock clock, MeterRegistry metrics) {
        this.source = source;
        this.em = em;
        this.clock = clock;
        this.metrics = metrics;
        metrics.gauge("twinning.council.members", size);
        metrics.gauge("twinning.council.refreshed.epoch.seconds", lastGood);
    }

    /** The schedule's first turn comes one interval after start: read once at start too, without holding it up. */
    void started(@Observes StartupEvent started) {
        Thread first = new Thread(this::refresh, "council-first-read");
        first.setDaemon(true);
        first.start();
    }

    @Scheduled(every = "${twinning.council.refresh-interval:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        refresh();
    }

    /** The last good list. */
    public List<CouncilMember> members() {
        return QuarkusTransaction.requiringNew().call(CouncilMember::all);
    }

    /** Reads the council from Keycloak and keeps it; when that fails, keeps the last good list and says why. */
    public synchronized Refresh refresh() {
        List<CouncilSource.Member> read;
        try {
            read = source.members();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            metrics.counter("twinning.council.refreshes", "outcome", "failed").increment();
            List<CouncilMember> kept = QuarkusTransaction.requiringNew().call(CouncilMember::all);
            size.set(kept.size());
            LOG.warnf("could not read the council from Keycloak, keeping the last good list (%d members): %s", kept.size(), error);
            return new Refresh(false, error, kept);
        }
        Instant now = clock.instant();
        List<CouncilMember> kept = QuarkusTransaction.requiringNew().call(() -> store(read, now));
        metrics.counter("twinning.council.refreshes", "outcome", "ok").increment();
        size.set(kept.size());
        lastGood.set(now.getEpochSecond());
        if (kept.isEmpty()) {
            LOG.warnf("Keycloak says nobody holds the council role: the council hears nothing until someone does");
        }
        return new Refresh(true, null, kept);
    }

    private List<CouncilMember> store(List<CouncilSource.Member> read, Instant now) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, LOCK).getSingleResult();
        List<String> before = CouncilMember.<CouncilMember>all().stream().map(m -> m.username).toList();
        CouncilMember.deleteAll();
        em.clear(); // the bulk delete leaves the rows read above in the persistence context
        for (CouncilSource.Member r : read) {
            CouncilMember m = new CouncilMember();
            m.userId = r.userId();
            m.username = r.username();
            m.email = r.email();
            m.name = r.name();
            m.language = r.language();
            m.refreshedAt = now;
            m.persist();
            if (!before.contains(r.username())) {
                LOG.infof("council member %s (%s) now hears the council's news%s", r.username(), r.language(),
                        r.email() == null ? ", but has no email: nothing can reach them" : "");
            }
        }
        before.stream().filter(u -> read.stream().noneMatch(r -> r.username().equals(u)))
                .forEach(u -> LOG.infof("%s no longer holds the council role: no more council news", u));
        return CouncilMember.all();
    }
}
