package club.twinning.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How much of our sending one endpoint may take: at most {@code limit} exchanges in flight and {@code queue} more
 * waiting in memory (the rest stays in the database, not claimed: see {@link #closed()}), and a circuit breaker —
 * after {@code failures} failed exchanges in a row the endpoint gets nothing for {@code delay}, then one trial, which
 * closes the breaker or opens it again. A slow or dead partner so slows only its own deliveries.
 *
 * <p>Our own breaker rather than SmallRye Fault Tolerance's: endpoints come and go with partners' URLs (one breaker per
 * key, made on first use), the claim query must know which endpoints to leave alone (state readable per key), and the
 * exchange is asynchronous on Vert.x — a few lines here fit that better than a Guard per endpoint.
 */
public final class EndpointGate {

    /** A send waiting for its turn: started once admitted, or released (put back in the database unsent). */
    public interface Turn {
        void start();

        void release(Instant retryAt);
    }

    public enum Result { SUCCESS, FAILURE, NEUTRAL }

    private final int limit;
    private final int queue;
    private final int failures;
    private final Duration delay;
    private final Clock clock;
    /** One entry per endpoint ever used: as many as partners' URLs, kept so a breaker's count survives idle moments. */
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

    public EndpointGate(int limit, int queue, int failures, Duration delay, Clock clock) {
        this.limit = limit;
        this.queue = queue;
        this.failures = failures;
        this.delay = delay;
        this.clock = clock;
    }

    private final class Endpoint {
        int inFlight;
        final ArrayDeque<Turn> waiting = new ArrayDeque<>();
        int failedInARow;
        Instant openUntil;
        boolean trialInFlight;

        boolean open(Instant now) {
            return openUntil != null && (now.isBefore(openUntil) || trialInFlight);
        }

        boolean full() {
            return inFlight + waiting.size() >= limit + queue;
        }
    }

    /** Starts the turn now, queues it, or releases it (endpoint full or its breaker open). */
    public void offer(String key, Turn turn) {
        Endpoint e = endpoints.computeIfAbsent(key, k -> new Endpoint());
        Instant now = clock.instant();
        boolean start = false;
        Instant release = null;
        synchronized (e) {
            if (e.open(now)) {
                release = e.openUntil.isAfter(now) ? e.openUntil : now; // behind the trial: claimable once it succeeds
            } else if (e.openUntil != null) {
                e.trialInFlight = true; // half-open: this one is the trial, the others wait
                e.inFlight++;
                start = true;
            } else if (e.inFlight < limit) {
                e.inFlight++;
                start = true;
            } else if (e.waiting.size() < queue) {
                e.waiting.add(turn);
            } else {
                release = now;
            }
        }
        if (start) {
            turn.start();
        } else if (release != null) {
            turn.release(release);
        }
    }

    /** A started turn is over; the next waiting one starts (or all are released if the breaker just opened). */
    public void done(String key, Result result) {
        Endpoint e = endpoints.get(key);
        Instant now = clock.instant();
        Turn next = null;
        List<Turn> released = List.of();
        Instant releaseAt = now;
        synchronized (e) {
            e.inFlight--;
            boolean trial = e.trialInFlight;
            e.trialInFlight = false;
            if (result == Result.SUCCESS) {
                e.failedInARow = 0;
                e.openUntil = null;
            } else if (result == Result.FAILURE && failures > 0 && (trial || ++e.failedInARow >= failures)) {
                e.openUntil = now.plus(delay);
            }
            if (e.open(now)) {
                released = new ArrayList<>(e.waiting);
                e.waiting.clear();
                releaseAt = e.openUntil;
            } else if (e.openUntil == null && e.inFlight < limit) {
                next = e.waiting.poll();
                if (next != null) {
                    e.inFlight++;
                }
            }
        }
        for (Turn turn : released) {
            turn.release(releaseAt);
        }
        if (next != null) {
            next.start();
        }
    }

    /** Endpoints the claim leaves alone now: their breaker is open, or they have all they may hold. */
    public Set<String> closed() {
        Instant now = clock.instant();
        Set<String> closed = new HashSet<>();
        endpoints.forEach((key, e) -> {
            synchronized (e) {
                if (e.open(now) || e.full()) {
                    closed.add(key);
                }
            }
        });
        return closed;
    }

    /** Everything still waiting, released (at shutdown). */
    public List<Turn> drainWaiting() {
        List<Turn> all = new ArrayList<>();
        endpoints.values().forEach(e -> {
            synchronized (e) {
                all.addAll(e.waiting);
                e.waiting.clear();
            }
        });
        return all;
    }
}
