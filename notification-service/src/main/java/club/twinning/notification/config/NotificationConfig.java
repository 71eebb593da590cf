package club.twinning.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Who else hears, and how hard we try. */
@ConfigMapping(prefix = "twinning.notification")
public interface NotificationConfig {

    /** The secretariat's address: escalations, renewals due and dormant twinnings reach it. */
    @WithDefault("secretariat@twinning.example.org")
    String secretariatEmail();

    /** Tries before a delivery is FAILED and recorded on the dead-letter topic. */
    @WithDefault("15")
    int maxAttempts();

    /** The first retry waits this long; each next one twice as long (with jitter), up to maxBackoff. */
    @WithDefault("PT5S")
    Duration initialBackoff();

    @WithDefault("PT45S")
    Duration maxBackoff();

    /** Deliveries claimed and not yet recorded, at most: sends are asynchronous, no thread or connection each. */
    @WithDefault("512")
    int concurrency();

    /** Deliveries claimed per round (one statement). */
    @WithDefault("200")
    int batchSize();

    /**
     * How long a claimed delivery is ours: past it (we crashed), another round claims it again. No send starts
     * later than {@code lease - webhookTimeout} after its claim, so a live sender never overlaps a reclaim. Short, so
     * that what a crash left in flight goes out again well within a minute of the restart.
     */
    @WithDefault("PT30S")
    Duration lease();

    /** The deadline on a whole webhook exchange: name resolution, connect, TLS, request, headers and body. */
    @WithDefault("PT5S")
    Duration webhookTimeout();

    /** The longest one email may take to be accepted by the SMTP server. */
    @WithDefault("PT20S")
    Duration mailTimeout();

    /**
     * How long sent deliveries' outcomes gather before one statement writes them (unless a batch is full first): fewer,
     * larger writes. Each row's sent time is taken when its send ends, so the wait changes no latency figure.
     */
    @WithDefault("PT0.05S")
    Duration recordLinger();

    /** How often the sender looks for due deliveries (read by its {@code @Scheduled}). */
    @WithDefault("1s")
    String sendInterval();

    Webhook webhook();

    /**
     * The AES-256 key (base64) webhook secrets are encrypted with at rest. Only the dev, test and local profiles
     * have one; elsewhere the service refuses to start without it (a Secret in Kubernetes).
     */
    Optional<String> secretKey();

    /** After a rotation the previous webhook secret still signs (a second {@code v1=}) this long. */
    @WithDefault("PT24H")
    Duration secretGrace();

    /** What a partner's endpoint may be, and how much of us it may take. */
    interface Webhook {

        /** Plain {@code http://} endpoints (the local profile's demo receivers); https only when false. */
        @WithDefault("false")
        boolean allowHttp();

        /**
         * CIDR ranges an operator allows although private, loopback or link-local (e.g. {@code 127.0.0.1/32} locally).
         * Public addresses need no listing.
         */
        Optional<List<String>> allowedRanges();

        /** Exchanges in flight to one endpoint (host:port); the rest of its deliveries wait their turn. */
        @WithDefault("2")
        int perEndpoint();

        /** Deliveries of one endpoint held in memory behind those in flight; more stay in the database. */
        @WithDefault("16")
        int endpointQueue();

        /** The response body read before it is dropped; the status alone decides. */
        @WithDefault("4096")
        int responseCap();

        /** Failures in a row that open an endpoint's breaker: its deliveries wait in the database meanwhile. */
        @WithDefault("5")
        int breakerFailures();

        /** How long an open breaker waits before one trial delivery. */
        @WithDefault("PT30S")
        Duration breakerDelay();
    }

    /** How often the digest job looks for due digests; {@code off} stops it (tests call it themselves). */
    @WithDefault("1m")
    String digestInterval();
}
